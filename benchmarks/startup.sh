#!/usr/bin/env bash
# Start-up of the system as a developer starts it: `dotnet run --project Kiosk.AppHost` (built first, untimed, so the run
# only checks the build is up to date) until the gateway and every app answer /health with 200 (the gateway starts with
# the apps, not after them, so its own health says nothing about theirs; each app's address is read from its process's
# environment, as the orchestrator gave it). Prints the time, then stops the AppHost (SIGTERM). Linux only (/proc).
# It binds the fixed ports (8080, 9092, 18888): run it under the shared lock, e.g.
#   flock /tmp/kiosk-integration.lock benchmarks/startup.sh [Debug|Release]
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
CONFIGURATION=${1:-Debug}
LOG=$(mktemp -t kiosk-startup.XXXXXX)
PATIENCE_S=300

# Warm build: whatever needs compiling is compiled now, untimed; `dotnet run` below then only checks it is up to date.
dotnet build -c "$CONFIGURATION" "$REPO/Kiosk.AppHost" >"$LOG" 2>&1 || { tail -30 "$LOG" >&2; exit 1; }

start=$(date +%s.%N)
dotnet run -c "$CONFIGURATION" --project "$REPO/Kiosk.AppHost" >"$LOG" 2>&1 &
apphost=$!
trap 'kill -TERM $apphost 2>/dev/null || true; wait $apphost 2>/dev/null || true; rm -f "$LOG"' EXIT

elapsed() { echo "$(date +%s.%N) - $start" | bc; }
APPS=(Menu Cart Orders Payments Web)
# Healthy when the gateway and one copy of each app answer /health with 200.
all_healthy() {
  curl -fsS -o /dev/null --max-time 2 http://127.0.0.1:8080/health 2>/dev/null || return 1
  local app pid url
  for app in "${APPS[@]}"; do
    pid=$(pgrep -n -f "Kiosk\.$app\.dll" || true)
    [[ -n $pid ]] || return 1
    url=$(tr '\0' '\n' </proc/"$pid"/environ 2>/dev/null | sed -n 's/^ASPNETCORE_URLS=//p' | cut -d';' -f1)
    [[ -n $url ]] && curl -fsS -o /dev/null --max-time 2 "${url/localhost/127.0.0.1}/health" 2>/dev/null || return 1
  done
}
healthy=""
while [[ -z $healthy ]]; do
  if all_healthy; then
    healthy=$(elapsed)
  elif ! kill -0 $apphost 2>/dev/null; then
    echo "the AppHost exited before everything was healthy:" >&2; tail -30 "$LOG" >&2; exit 1
  elif (( $(echo "$(elapsed) > $PATIENCE_S" | bc) )); then
    echo "not healthy after $PATIENCE_S s" >&2; tail -30 "$LOG" >&2; exit 1
  else
    sleep 0.1
  fi
done
printf 'everything healthy (gateway and every app /health 200) after %.1f s, %s build, %s CPUs, load average %s\n' \
  "$healthy" "$CONFIGURATION" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
