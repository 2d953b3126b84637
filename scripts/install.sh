#!/usr/bin/env bash
# Create ./.venv and install rashomon into it with the pinned versions of constraints.txt.
# Usage: scripts/install.sh [extra]   (extra: test)
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-$(command -v python3.11 || command -v python3)}
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
target="."
[ $# -gt 0 ] && target=".[$1]"
.venv/bin/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e "$target"
