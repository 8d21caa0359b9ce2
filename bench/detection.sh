#!/usr/bin/env bash
# Detection benchmark (issue 4): TestTargets scanned by wapiti (Debian package, every module) and by Harrier
# (`harrier scan`), each against a fresh target, both scored against tests/Harrier.TestTargets/vulnerabilities.json.
# Results: printed, and written to bench/results/detection-<UTC time>.md. See docs/BENCHMARKS.md.
#   bench/detection.sh                    # both scanners
#   bench/detection.sh --only harrier     # any Harrier.Bench detection option (--only wapiti,harrier; --pages 20)
# Traffic: the benchmark, the targets and both scanners run in a new network namespace that has only loopback
# (unshare --net), so nothing can leave the machine. Needs root (unshare, apt-get) and the .NET 10 SDK.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if [ "$(id -u)" != 0 ]; then
  echo "run as root: the scan runs in a network namespace of its own (unshare --net)" >&2
  exit 1
fi

if ! command -v wapiti >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq wapiti >/dev/null
fi

for project in src/Harrier bench/Harrier.Bench; do
  dotnet build "$project" -c Release --nologo -v quiet
done

mkdir -p bench/results
out="bench/results/detection-$(date -u +%Y%m%dT%H%M%SZ).md"
echo "commit $(git rev-parse --short HEAD 2>/dev/null || echo n/a)$(git diff --quiet 2>/dev/null || echo ' + uncommitted changes'), $(nproc) CPUs, $(uptime)"
exec unshare --net -- bash -c '
  set -euo pipefail
  ip link set lo up
  # Loopback only: no other interface, no route out.
  if ip -o link show | grep -v " lo:" | grep -q .; then echo "the namespace has another interface" >&2; exit 1; fi
  exec dotnet bench/Harrier.Bench/bin/Release/net10.0/Harrier.Bench.dll detection "$@"' detection \
  --harrier-dll src/Harrier/bin/Release/net10.0/harrier.dll \
  --wapiti "$(command -v wapiti)" \
  --out "$out" "$@"
