#!/usr/bin/env bash
# Installs the OS packages JointOps needs, only those that are missing (Debian/Ubuntu).
# Needs: the PostgreSQL server (initdb, pg_ctl), libpq-dev (headers + pkg-config file),
# docker-compose (the tests validate docker-compose.yml with `docker-compose config`), and
# chromium with a CJK font (the tests render the annual report's HTML in a headless browser and print it to PDF),
# poppler-utils (`pdfinfo` checks the printed PDF's page size),
# python3-jsonschema (the tests check every command's JSON output against schemas/ with an independent validator),
# and LibreOffice Writer without its GUI (the tests read the annual report's .docx with an independent reader).
set -euo pipefail

missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || missing+=(postgresql)
pkg-config --exists libpq 2>/dev/null || missing+=(libpq-dev pkg-config)
command -v psql >/dev/null 2>&1 || missing+=(postgresql-client)
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdfinfo >/dev/null 2>&1 || missing+=(poppler-utils)
fc-list 2>/dev/null | grep -qiE 'wqy|noto.*cjk' || missing+=(fonts-wqy-zenhei)
python3 -c 'import jsonschema' >/dev/null 2>&1 || missing+=(python3-jsonschema)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)

if ! command -v swift >/dev/null 2>&1; then
    echo "install-deps: the Swift toolchain is not on PATH; install Swift 6 (https://www.swift.org/install) and retry" >&2
    exit 1
fi

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

echo "install-deps: installing ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
    sudo=""
elif command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
else
    echo "install-deps: need root to install ${missing[*]}: run 'apt-get install ${missing[*]}' as root" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
