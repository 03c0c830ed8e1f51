#!/usr/bin/env bash
# Installs the programs the test suite drives (xmllint, LibreOffice, pdftoppm, CJK fonts) from
# Debian's packages when they are missing. Runs before `npm test`; does nothing when all are there.
set -euo pipefail

need=()
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui libreoffice-writer-nogui)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
# LibreOffice renders Chinese labels only with a CJK font installed.
fonts=$(fc-list 2>/dev/null || true)
if ! grep -qi 'cjk\|wqy\|droid sans fallback' <<<"$fonts"; then need+=(fonts-noto-cjk); fi

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi

echo "nianbao: installing test prerequisites from Debian: ${need[*]}" >&2
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "nianbao: missing ${need[*]}; run as root or install them: apt-get install ${need[*]}" >&2
    exit 1
  fi
else
  SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "nianbao: installed ${need[*]}" >&2
