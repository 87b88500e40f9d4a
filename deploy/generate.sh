#!/bin/sh
# Regenerates aspire-manifest.json from the AppHost's publish mode (tests/Kiosk.UnitTests/Deployment fails when it is stale).
set -e
cd "$(dirname "$0")/.."
dotnet run --project Kiosk.AppHost --no-launch-profile ${KIOSK_NO_BUILD:+--no-build} -- --publisher manifest --output-path "$PWD/deploy/aspire-manifest.json" --environment Production
