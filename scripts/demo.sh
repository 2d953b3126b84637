#!/usr/bin/env bash
# Install rashomon into ./.venv and run the demo on the bundled sample corpus (SQLite store).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh
export HF_HUB_OFFLINE=1
exec .venv/bin/rashomon demo "$@"
