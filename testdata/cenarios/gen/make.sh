#!/bin/sh
# Writes cenarios files as other software writes them, for pkg/cenarios's
# TestFilesOfOtherSoftware (run from the repository root):
#   pyyaml.yaml          PyYAML 6.0 (Debian python3-yaml) safe_dump: keys sorted, floats as
#                        1.15, non-ASCII escaped ("\xE0"), block style
#   pyyaml-unicode.yaml  the same with allow_unicode=True, flow style
#   notepad.yaml         what Windows Notepad saves as "UTF-8 with BOM": a BOM, CRLF line ends,
#                        a factor typed with a decimal comma (1,10), a comment
set -e
cd "$(dirname "$0")/.."
/usr/bin/python3 - <<'PY'
import yaml
doc = {'cenarios': [
    {'nome': 'Crise à vista', 'descricao': 'queda de 20% do PL e eventos +15%', 'pl': 0.8, 'eventos': 1.15},
    {'nome': 'Crédito', 'credito': 1.25},
]}
with open('pyyaml.yaml', 'w') as f:
    yaml.safe_dump(doc, f, allow_unicode=False)
with open('pyyaml-unicode.yaml', 'w', encoding='utf-8') as f:
    yaml.safe_dump(doc, f, allow_unicode=True, default_flow_style=True)
PY
printf '\357\273\277# cenários do conselho\r\ncenarios:\r\n  - nome: Crise à vista\r\n    descricao: queda de 20%% do PL e eventos +15%%\r\n    pl: 0,8\r\n    eventos: 1,15\r\n  - nome: Crédito\r\n    credito: 1,25\r\n' > notepad.yaml
