#!/usr/bin/env bash
# sync-to.sh CLONE: copy the benchmark project's sources (not bin/ obj/) and docs/performance.md into another checkout,
# so that benchmarks run from a clean clone while others edit the main work tree.
set -euo pipefail
[[ -d ${1:-}/tests ]] || { echo "usage: $0 CLONE" >&2; exit 2; }
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
mkdir -p "$1/tests/DescPortal.Benchmarks/scripts"
(cd "$HERE" && find . -path ./bin -prune -o -path ./obj -prune -o -type f -print0 | xargs -0 -I{} cp --parents {} "$1/tests/DescPortal.Benchmarks/")
if [[ -f $HERE/../../docs/performance.md ]]; then mkdir -p "$1/docs" && cp "$HERE/../../docs/performance.md" "$1/docs/"; fi
