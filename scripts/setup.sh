#!/usr/bin/env bash
# Prepares this checkout: Debian packages (when root on Debian), a virtual environment in .venv
# and the pinned Python packages. Safe to run again: it only installs what is missing.
#   scripts/setup.sh app    what the app needs
#   scripts/setup.sh test   what the whole test suite needs as well
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-app}"

app_debs=(fonts-dejavu-core fonts-noto-core fonts-liberation2 poppler-utils)
test_debs=(ghostscript mupdf-tools chromium chromium-driver firefox-esr cups printer-driver-cups-pdf cups-client)
debs=("${app_debs[@]}")
[ "$mode" = test ] && debs+=("${test_debs[@]}")

missing=()
if command -v dpkg-query >/dev/null; then
  for p in "${debs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
fi
# npm may come with a nodejs package from elsewhere (it then conflicts with Debian's npm): ask for the command.
[ "$mode" = test ] && ! command -v npm >/dev/null && missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "These Debian packages are missing. Install them and run again:" >&2
    echo "  sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
    echo "Python 3.11 or newer is needed (found: $("$python" --version 2>&1))." >&2; exit 1; }
  "$python" -m venv .venv || { echo "Could not make .venv: install python3-venv (sudo apt-get install python3-venv)." >&2; exit 1; }
fi
req=requirements.txt
[ "$mode" = test ] && req=requirements-dev.txt
stamp=".venv/.installed-$mode-$(cat requirements.txt requirements-dev.txt | sha1sum | cut -c1-12)"
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check -r "$req"
  touch "$stamp"
fi
lock=tests/browser/package-lock.json
installed=tests/browser/node_modules/.package-lock.json
if [ "$mode" = test ] && [ -f "$lock" ] && { [ ! -f "$installed" ] || [ "$lock" -nt "$installed" ]; }; then
  (cd tests/browser && npm ci --silent --no-audit --no-fund)
fi
.venv/bin/python -m assistant.setup_check
