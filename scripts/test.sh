#!/usr/bin/env bash
# Install rashomon with its test tools into ./.venv and run the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh test
export HF_HUB_OFFLINE=1
exec .venv/bin/python -m pytest -q "$@"
