#!/usr/bin/env bash
# The memory floor of one .NET web process on this machine: an empty ASP.NET Core app (`dotnet new web`), built Release
# and run with Kiosk's runtime settings (workstation GC, concurrent; no dynamic PGO), after 200 requests. Kiosk runs seven
# .NET processes (five apps, the gateway, the embedded broker), so seven times this is what the system's memory cannot
# go below however little its own code holds. Prints VmRSS, the anonymous and shared-memory parts, and PSS, in MiB.
set -euo pipefail
WORK=$(mktemp -d -t kiosk-empty-app.XXXXXX)
trap 'kill "${app:-}" 2>/dev/null || true; rm -rf "$WORK"' EXIT
PORT=${1:-5999}

dotnet new web -n EmptyApp -o "$WORK/src" >/dev/null
dotnet build -c Release -o "$WORK/out" "$WORK/src" >"$WORK/build.log" 2>&1 || { tail -20 "$WORK/build.log" >&2; exit 1; }

DOTNET_gcServer=0 DOTNET_gcConcurrent=1 DOTNET_TieredPGO=0 ASPNETCORE_URLS="http://127.0.0.1:$PORT" \
  dotnet "$WORK/out/EmptyApp.dll" >/dev/null 2>&1 &
app=$!
for _ in $(seq 1 100); do curl -fsS -o /dev/null "http://127.0.0.1:$PORT/" 2>/dev/null && break; sleep 0.1; done
for _ in $(seq 1 200); do curl -fsS -o /dev/null "http://127.0.0.1:$PORT/"; done
sleep 2

kib() { awk -v key="$1:" '$1 == key { print $2 }' "$2"; }
status=/proc/$app/status rollup=/proc/$app/smaps_rollup
printf 'empty ASP.NET Core app after 200 requests, MiB: VmRSS %.1f (anonymous %.1f, shared memory %.1f, files %.1f), PSS %.1f\n' \
  "$(echo "$(kib VmRSS $status) / 1024" | bc -l)" "$(echo "$(kib RssAnon $status) / 1024" | bc -l)" \
  "$(echo "$(kib RssShmem $status) / 1024" | bc -l)" "$(echo "$(kib RssFile $status) / 1024" | bc -l)" \
  "$(echo "$(kib Pss $rollup) / 1024" | bc -l)"
