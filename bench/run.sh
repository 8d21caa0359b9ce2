#!/usr/bin/env bash
# Harrier scan benchmark (issue 3): builds in Release and runs every scenario, wrk baselines included.
# Results: printed, and written to bench/results/<UTC time>.md. See docs/BENCHMARKS.md.
#   bench/run.sh                       # everything, 3 runs per scenario
#   bench/run.sh --runs 5 --only fast  # any Harrier.Bench option (fast,slow,pipeline,launch; --delay-ms; --pages; …)
# Traffic goes to 127.0.0.1 only. Needs the .NET 10 SDK and wrk (installed from Debian when missing and run as root).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && apt-get install -y -qq wrk >/dev/null
  else
    echo "wrk is required (Debian: apt-get install wrk)" >&2
    exit 1
  fi
fi

for project in src/Harrier tests/Harrier.TestTargets bench/Harrier.Bench; do
  dotnet build "$project" -c Release --nologo -v quiet
done

mkdir -p bench/results
out="bench/results/$(date -u +%Y%m%dT%H%M%SZ).md"
echo "commit $(git rev-parse --short HEAD 2>/dev/null || echo n/a)$(git diff --quiet 2>/dev/null || echo ' + uncommitted changes'), $(nproc) CPUs, $(uptime)"
exec dotnet bench/Harrier.Bench/bin/Release/net10.0/Harrier.Bench.dll all \
  --target-dll tests/Harrier.TestTargets/bin/Release/net10.0/Harrier.TestTargets.dll \
  --harrier-dll src/Harrier/bin/Release/net10.0/harrier.dll \
  --wrk "$(command -v wrk)" \
  --out "$out" "$@"
