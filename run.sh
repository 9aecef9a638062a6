#!/usr/bin/env bash
# Sets up (first time only) and starts Blankettguiden on http://localhost:${PORT:-8501}
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh app
# Fewer malloc arenas: with many visitors at once memory per session stays under 3 MiB (bench_sessions).
export MALLOC_ARENA_MAX=2
exec .venv/bin/python -m streamlit run streamlit_app.py --server.port "${PORT:-8501}" "$@"
