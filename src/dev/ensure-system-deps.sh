#!/usr/bin/env bash
# Installs the programs the test suite drives (xmllint, LibreOffice with its Python bridge,
# pdftoppm, CJK fonts, Chromium for the task pane) from Debian's packages when they are missing. Runs before `npm test`; does
# nothing when all are there.
set -euo pipefail

need=()
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui libreoffice-writer-nogui)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
# The task pane runs in headless Chromium (playwright-core drives /usr/bin/chromium).
[ -x /usr/bin/chromium ] || need+=(chromium)
# The LibreOffice round-trip test edits a workbook through UNO with Debian's Python.
/usr/bin/python3 -c 'import uno' >/dev/null 2>&1 || need+=(python3-uno)
# LibreOffice renders Chinese labels only with a CJK font installed.
if ! command -v fc-list >/dev/null 2>&1; then
  need+=(fontconfig fonts-noto-cjk)
else
  fonts=$(fc-list 2>/dev/null || true)
  grep -qi 'cjk\|wqy\|droid sans fallback' <<<"$fonts" || need+=(fonts-noto-cjk)
fi

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
$SUDO apt-get install -y -qq "${need[@]}" >/dev/null
echo "nianbao: installed ${need[*]}" >&2
