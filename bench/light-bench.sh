#!/usr/bin/env bash
# Light client benchmark: a 4-validator QBFT network from `network init` on 127.0.0.1,
# left to seal blocks, then `linden light` from the genesis against node 0 through a
# counting proxy. Prints the catch-up time, requests and bytes, and eth_getBalance and
# eth_call latency through the light client and straight to the node, and writes them to
# bench/results/light-bench.md.
#
# Usage: bench/light-bench.sh [--blocks N] [--calls N] [--base-port P]
#
#   --blocks N     blocks the network seals (one a second) before the light client starts (default 120)
#   --calls N      sequential requests per latency figure (default 200)
#   --base-port P  node i serves JSON-RPC on P+i and peers on P+100+i (default 28545)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BLOCKS=120
CALLS=200
BASE=28545
while [ "$#" -gt 0 ]; do
  case "$1" in
    --blocks) BLOCKS=$2; shift 2 ;;
    --calls) CALLS=$2; shift 2 ;;
    --base-port) BASE=$2; shift 2 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "light-bench: unknown argument $1 (try --help)" >&2; exit 2 ;;
  esac
done
for v in "$BLOCKS" "$CALLS" "$BASE"; do
  if ! [[ "$v" =~ ^[1-9][0-9]*$ ]]; then
    echo "light-bench: --blocks, --calls and --base-port take positive integers" >&2
    exit 2
  fi
done
command -v node >/dev/null || { echo "light-bench: needs node (Node.js 20+) on PATH" >&2; exit 1; }
[ -d "$ROOT/e2e/node_modules/ethers" ] || (cd "$ROOT/e2e" && npm ci --no-audit --no-fund >&2)

WORK="$(mktemp -d)"
NET="$WORK/net"
cleanup() {
  [ -x "$NET/stop.sh" ] && "$NET/stop.sh" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
"$ROOT/linden" network init --validators 4 --out "$NET" --block-period 1 \
  --base-rpc-port "$BASE" --base-p2p-port $((BASE + 100)) >&2
LINDEN="$ROOT/linden" "$NET/start.sh" >&2
NODE="http://127.0.0.1:$BASE"
height() {
  curl -s -X POST -H 'content-type: application/json' \
    --data '{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber","params":[]}' "$NODE" \
    | sed -n 's/.*"result":"\(0x[0-9a-f]*\)".*/\1/p'
}
echo "light-bench: waiting for block $BLOCKS" >&2
for _ in $(seq 1 $((BLOCKS * 3 + 120))); do
  h="$(height || true)"
  if [ -n "$h" ] && [ $((h)) -ge "$BLOCKS" ]; then
    break
  fi
  sleep 1
done
h="$(height || true)"
if [ -z "$h" ] || [ $((h)) -lt "$BLOCKS" ]; then
  echo "light-bench: the network did not reach block $BLOCKS (at ${h:-nothing}); logs in $NET/node*/log" >&2
  tail -n 20 "$NET"/node0/log >&2
  exit 1
fi
mkdir -p "$ROOT/bench/results"
(node "$ROOT/bench/light/measure.mjs" "$NODE" "$ROOT/linden" "$NET/genesis.json" \
  "$WORK/light" --calls "$CALLS") | tee "$ROOT/bench/results/light-bench.md"
