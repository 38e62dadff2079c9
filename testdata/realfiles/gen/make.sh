#!/bin/sh
# Regenerates testdata/realfiles (see ../README.md): installs SheetJS at the version
# package-lock.json pins into gen/node_modules (not committed), then writes every file and
# expected.json, checking that each file has its property.
# Needs: /usr/bin/python3 with openpyxl, soffice (LibreOffice), node and npm:
#   apt-get install -y python3-openpyxl libreoffice-calc libreoffice-writer nodejs npm
set -eu
GEN=$(cd "$(dirname "$0")" && pwd)
cd "$GEN"
npm ci --no-audit --no-fund --silent
/usr/bin/python3 "$GEN/make_realfiles.py"
