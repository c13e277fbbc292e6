#!/usr/bin/env bash
# npm test: every layer (node, renderer, keychain, e2e) against the real keychain and browser.
# Starts its own D-Bus session with a fresh, unlocked gnome-keyring; installs the Debian packages it
# needs when it can (root with apt), or stops with the exact command to run. Ends with the line
# "tests: N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
export NO_COLOR=1

need=()
command -v gnome-keyring-daemon >/dev/null 2>&1 || need+=(gnome-keyring)
command -v dbus-run-session >/dev/null 2>&1 || need+=(dbus-x11)
[ -x /usr/bin/chromium ] || need+=(chromium)
if ((${#need[@]})); then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing missing system packages: ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null || {
      echo "Could not install ${need[*]}. Run: sudo apt-get install -y ${need[*]}" >&2
      echo 'tests: 0 passed, 1 failed, 0 skipped'; exit 1; }
  else
    echo "Missing system packages. Run: sudo apt-get install -y ${need[*]}" >&2
    echo 'tests: 0 passed, 1 failed, 0 skipped'; exit 1
  fi
fi

started=$SECONDS
# The import rules and the folder picture (docs/dependencies.md) first: a few seconds, no build.
# A failure does not stop the layers; it is counted in the closing line and named above it.
failed_steps=()
if ((! $#)); then
  node scripts/deps/run.mjs --check || failed_steps+=('npm run deps:check')
fi
# The e2e layer drives the built renderer through the preview server.
npx electron-vite build >/dev/null || { echo 'Build failed.' >&2; echo 'tests: 0 passed, 1 failed, 0 skipped'; exit 1; }

mkdir -p reports
rm -rf reports/vitest*.json reports/layers reports/evidence
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# A fresh keyring home: an existing login.keyring with another password would stay locked.
mkdir -m 700 "$tmp/run" "$tmp/data"
# With no arguments, two vitest runs side by side: the node and renderer layers (parallel files) and
# the keychain and e2e layers (one file at a time, so vitest would otherwise run them only after the
# rest, leaving a core idle). Each writes its own report; vitest-summary merges them into
# reports/vitest.json. With arguments (files, -t, --project), one run of exactly those.
XDG_RUNTIME_DIR="$tmp/run" XDG_DATA_HOME="$tmp/data" dbus-run-session -- bash -c '
  echo -n "test-keyring-password" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  export SUA_TEST_KEYRING=1
  layers() {
    npx vitest run --reporter=default --reporter=json --outputFile.json="reports/vitest-$1.json" "${@:2}"
  }
  if (($#)); then layers all "$@"; exit; fi
  mkdir -p reports/layers
  layers browser --project keychain --project e2e >reports/layers/browser.log 2>&1 &
  browser=$!
  layers unit --project main --project renderer
  wait "$browser"
  echo "--- keychain and e2e layers (run beside the above) ---"
  cat reports/layers/browser.log
' vitest "$@" 2> >(grep -v 'Failed to set fd limit' >&2)
echo "npm test: $((SECONDS - started)) s on Node $(node -v), build included"
node scripts/vitest-summary.mjs "${failed_steps[@]/#/--failed-step=}" reports/vitest-*.json
