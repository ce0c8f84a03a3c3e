#!/usr/bin/env bash
# Runs every side-by-side benchmark (Linden and anvil, or the light client and the node
# behind it, in the same run) and appends their tables to BENCHMARKS.md under a dated
# heading:
#
#   bench/evm-bench.sh     eth_call of compute-heavy contracts
#   bench/rpc-bench.sh     JSON-RPC reads, automine, block building, memory
#   bench/light-bench.sh   light-client catch-up over generated QBFT chains, its latency
#
# Usage: bench/run-all.sh [--quick]
#
#   --quick   fewer and shorter runs (evm: --runs 5; rpc: --runs 5 --duration 5
#             --tx-runs 1; light: --chains 2000:0,2000:50 --calls 20), for checking the
#             harness rather than for figures
#
# The whole run holds the shared Maven lock (/tmp/linden-mvn.lock), so no build on this
# machine runs during a measurement. A benchmark that fails (a node that answers
# differently, a gas mismatch) fails this script, after the others have run; the tables
# of the ones that succeeded are appended all the same.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCK=/tmp/linden-mvn.lock
case " $* " in
  *" -h "*|*" --help "*) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
esac
if [ -z "${RUN_ALL_LOCKED:-}" ]; then
  echo "run-all: waiting for $LOCK..." >&2
  RUN_ALL_LOCKED=1 exec flock "$LOCK" "$0" "$@"
fi

EVM_ARGS=()
RPC_ARGS=()
LIGHT_ARGS=()
case "${1:-}" in
  "") ;;
  --quick) EVM_ARGS=(--runs 5); RPC_ARGS=(--runs 5 --duration 5 --tx-runs 1); LIGHT_ARGS=(--chains 2000:0,2000:50 --calls 20) ;;
  -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
  *) echo "run-all: unknown argument $1 (try --help)" >&2; exit 2 ;;
esac

RESULTS="$ROOT/bench/results"
mkdir -p "$RESULTS"
STATUS=0
SECTIONS=()
# The EVM benchmark sees the lock held by this script and does not take it again.
if EVM_BENCH_LOCKED=1 "$ROOT/bench/evm-bench.sh" "${EVM_ARGS[@]}"; then
  SECTIONS+=("$RESULTS/evm-bench.md")
else
  STATUS=1
  echo "run-all: evm-bench.sh failed" >&2
fi
if "$ROOT/bench/rpc-bench.sh" "${RPC_ARGS[@]}"; then
  SECTIONS+=("$RESULTS/rpc-bench.md")
else
  STATUS=1
  echo "run-all: rpc-bench.sh failed" >&2
fi

# Sees the lock held by this script (an ancestor) and does not take it again.
if "$ROOT/bench/light-bench.sh" "${LIGHT_ARGS[@]}"; then
  SECTIONS+=("$RESULTS/light-bench.md")
else
  STATUS=1
  echo "run-all: light-bench.sh failed" >&2
fi

if [ "${#SECTIONS[@]}" -gt 0 ]; then
  {
    echo
    echo "## Side by side, $(date -u +%Y-%m-%d) (bench/run-all.sh${*:+ $*})"
    for s in "${SECTIONS[@]}"; do
      echo
      cat "$s"
    done
  } >> "$ROOT/BENCHMARKS.md"
  echo "run-all: appended ${#SECTIONS[@]} section(s) to BENCHMARKS.md" >&2
fi
exit "$STATUS"
