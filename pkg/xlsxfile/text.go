package xlsxfile

import "unicode/utf16"

// UTF16Len is the length of s as Excel counts text limits (data-validation
// titles, prompts and lists): in UTF-16 units.
func UTF16Len(s string) int { return len(utf16.Encode([]rune(s))) }

// ClipUTF16 shortens s to at most n UTF-16 units, marking the cut with "…".
func ClipUTF16(s string, n int) string {
	if UTF16Len(s) <= n {
		return s
	}
	r := []rune(s)
	for UTF16Len(string(r))+1 > n {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}
