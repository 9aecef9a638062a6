#!/usr/bin/env bash
# Sets up (first time only) and runs the whole test suite, browser tests included.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh test
exec .venv/bin/python -m pytest "$@"
