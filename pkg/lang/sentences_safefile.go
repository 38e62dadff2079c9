package lang

// safefileSentences are the sentences of package safefile: why a path
// cannot be read or written.
var safefileSentences = []sentence{
	{"capreg reads regular files only", "o capreg lê apenas arquivos comuns"},
	{"is a directory, not a file", "é um diretório, não um arquivo"},
	{"is %s, not a regular file: capreg reads regular files only", "é %s, não um arquivo comum: o capreg lê apenas arquivos comuns"},
	{"a named pipe (FIFO)", "um pipe nomeado (FIFO)"},
	{"a socket", "um socket"},
	{"a device", "um dispositivo"},
	{"a special file", "um arquivo especial"},
	{"no such file or directory", "arquivo ou diretório inexistente"},
	{"permission denied", "permissão negada"},
	{"operation not permitted", "operação não permitida"},
	{"is a directory", "é um diretório"},
	{"not a directory", "não é um diretório"},
	{"too many levels of symbolic links", "níveis demais de links simbólicos"},
	{"file name too long", "nome de arquivo longo demais"},
	{"no space left on device", "não há espaço livre no dispositivo"},
	{"read-only file system", "sistema de arquivos somente leitura"},
	{"cannot write %s: %w", "não foi possível gravar %s: %w"},
}
