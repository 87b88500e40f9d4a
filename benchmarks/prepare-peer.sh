#!/usr/bin/env bash
# Prepares a writable copy of the original Node services (the peer) for the benchmark's --peer option:
# copies ../shared/peers (or $1) to $2 (default ${TMPDIR:-/tmp}/kiosk-peers), installs its npm packages once
# (sqlite3 builds from source: a few minutes) and builds its mock broker. Prints the seed-node directory to pass.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
SOURCE=${1:-$REPO/../shared/peers}
TARGET=${2:-${TMPDIR:-/tmp}/kiosk-peers}
[[ -f $SOURCE/seed-node/run.sh ]] || { echo "no peer at $SOURCE (expected seed-node/run.sh); pass its directory as \$1" >&2; exit 1; }
if [[ ! -d $TARGET/seed-node/node_modules ]]; then
  mkdir -p "$TARGET"
  cp -r "$SOURCE/." "$TARGET/"
  chmod -R u+w "$TARGET"
  (cd "$TARGET/seed-node" && npm install --no-audit --no-fund >&2)
fi
if [[ ! -x $TARGET/mockbroker/bin/mockbroker ]]; then
  (cd "$TARGET/mockbroker" && dotnet build -c Release -o bin >&2)
fi
echo "$TARGET/seed-node"
