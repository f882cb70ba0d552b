# Sourced by the other scripts: make .venv (Python 3.11+) with the locked dependencies, once.
# A second run compares a fingerprint of the lock and pyproject and returns in well under a second.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export NO_MKDOCS_2_WARNING=1
export PYTHONDONTWRITEBYTECODE=1

find_python() {
  local candidate
  for candidate in "${PYTHON:-}" python3.13 python3.12 python3.11 python3 python; do
    [ -n "$candidate" ] || continue
    command -v "$candidate" >/dev/null 2>&1 || continue
    if "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

VENV="$ROOT/.venv"
PY="$VENV/bin/python"
stamp="$VENV/.installed"
fingerprint="$(cat requirements.lock pyproject.toml | sha256sum | cut -d' ' -f1)"

if [ ! -x "$PY" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$fingerprint" ]; then
  if [ ! -x "$PY" ]; then
    base="$(find_python)" || {
      echo "error: this project needs Python 3.11 or newer, and none was found on PATH." >&2
      echo "hint: install python3.11 (or newer), or set PYTHON=/path/to/python3.11 and run again." >&2
      exit 1
    }
    echo "Creating .venv with $("$base" --version) ..." >&2
    "$base" -m venv "$VENV"
  fi
  echo "Installing locked dependencies into .venv ..." >&2
  "$PY" -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
  "$PY" -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e . 2>/dev/null \
    || "$PY" -m pip install --quiet --disable-pip-version-check --no-deps -e .
  echo "$fingerprint" > "$stamp"
fi
