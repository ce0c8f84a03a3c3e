#!/usr/bin/env bash
# Light-client benchmark: `linden light` catching up from a trusted block to the head of a
# QBFT chain through a counting proxy (bench/light/measure.mjs: time, upstream requests and
# bytes, headers checked), then eth_getBalance and eth_call latency through the light client
# and straight to the node. Writes a Markdown section to bench/results/light-bench.md.
#
# Usage: bench/light-bench.sh [--chains LIST] [--calls N] [--regenerate] [--no-build]
#        bench/light-bench.sh --live [--blocks N] [--calls N] [--base-port P] [--no-build]
#
#   --chains LIST  generated chains, comma-separated BLOCKS:K, with a validator change voted
#                  every K blocks (0: none); default 10000:0,10000:100
#   --calls N      sequential requests per latency figure, on the first chain (default 200)
#   --regenerate   generate the chains again instead of reusing those cached in bench/results/
#   --no-build     use node/target/linden.jar and bench/target/benchmarks.jar as they are
#   --live         a live 4-validator network from `network init` instead, one block a second
#   --blocks N     with --live: blocks sealed before the light client starts (default 120)
#   --base-port P  with --live: node i serves JSON-RPC on P+i and peers on P+100+i (default 28545)
#
# Generated chains: for each BLOCKS:K, org.linden.bench.QbftChainGenerator writes BLOCKS
# sealed blocks on the genesis of a 4-validator `network init`, with a few transactions and,
# every K blocks, a validator change by vote (alternately a new validator in, the
# longest-serving one out), cached under bench/results/light-chain-BLOCKS-K/ while the
# generator is unchanged. `linden import` takes them into a new data directory with every
# check a node makes, commit seals included, and `linden node` (without a validator key, so
# nothing new is sealed) serves them on 127.0.0.1. The light client then catches up twice,
# each time with a new data directory: from the genesis, and from a checkpoint at block
# BLOCKS/2 (its hash read from the node). Latency is measured on the first chain, after the
# catch-up from the genesis, calling the contract the generator deploys in block 1.
#
# The script holds the shared Maven lock (/tmp/linden-mvn.lock) for the whole run, so no
# build on this machine runs during the measurement; run under `flock` by the caller, it
# sees that an ancestor holds the lock and does not take it again.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCK=/tmp/linden-mvn.lock
COMMAND_LINE="bench/light-bench.sh${*:+ $*}"
ARGS=("$@")
# shellcheck source=bench/processes.sh
source "$ROOT/bench/processes.sh"

usage_error() { echo "light-bench: $* (try --help)" >&2; exit 2; }
CHAINS=10000:0,10000:100
CALLS=200
BLOCKS=120
BASE=28545
LIVE=0
BUILD=1
REGENERATE=0
GENERATED_ONLY=()
LIVE_ONLY=()
while [ "$#" -gt 0 ]; do
  case "$1" in
    --chains|--calls|--blocks|--base-port) [ "$#" -ge 2 ] || usage_error "$1 needs a value" ;;
  esac
  case "$1" in
    --chains) CHAINS=$2; GENERATED_ONLY+=("$1"); shift 2 ;;
    --calls) CALLS=$2; shift 2 ;;
    --regenerate) REGENERATE=1; GENERATED_ONLY+=("$1"); shift ;;
    --no-build) BUILD=0; shift ;;
    --live) LIVE=1; shift ;;
    --blocks) BLOCKS=$2; LIVE_ONLY+=("$1"); shift 2 ;;
    --base-port) BASE=$2; LIVE_ONLY+=("$1"); shift 2 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) usage_error "unknown argument $1" ;;
  esac
done
if [ "$LIVE" = 1 ] && [ "${#GENERATED_ONLY[@]}" -gt 0 ]; then
  usage_error "${GENERATED_ONLY[0]} is for generated chains, not with --live"
fi
if [ "$LIVE" = 0 ] && [ "${#LIVE_ONLY[@]}" -gt 0 ]; then
  usage_error "${LIVE_ONLY[0]} goes with --live"
fi
for v in "$CALLS" "$BLOCKS" "$BASE"; do
  [[ "$v" =~ ^[1-9][0-9]*$ ]] || usage_error "--calls, --blocks and --base-port take positive integers"
done
[[ "$CHAINS" =~ ^[0-9]+:[0-9]+(,[0-9]+:[0-9]+)*$ ]] || usage_error "--chains takes BLOCKS:K[,BLOCKS:K...], got $CHAINS"
IFS=, read -r -a SPECS <<<"$CHAINS"
for spec in "${SPECS[@]}"; do
  [ "$((10#${spec%%:*}))" -ge 2 ] || usage_error "a generated chain needs at least 2 blocks, got $spec"
done

if [ -z "${LIGHT_BENCH_LOCKED:-}" ] && ! bench_lock_held_by_ancestor "$LOCK"; then
  echo "light-bench: waiting for $LOCK..." >&2
  LIGHT_BENCH_LOCKED=1 exec flock "$LOCK" "$0" "${ARGS[@]}"
fi

# shellcheck source=../scripts/jdk.sh
source "$ROOT/scripts/jdk.sh"
JAVA_HOME="$(linden_find_jdk)" || exit 1
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
command -v node >/dev/null || { echo "light-bench: needs node (Node.js 20+) on PATH" >&2; exit 1; }
[ -d "$ROOT/e2e/node_modules/ethers" ] || (cd "$ROOT/e2e" && npm ci --no-audit --no-fund --silent >&2)

RESULTS="$ROOT/bench/results"
mkdir -p "$RESULTS"
bench_scratch light-bench
log() { echo "light-bench: $*" >&2; }

# --- the node and the generator, built when stale, used as copies ---------------------
cd "$ROOT"
JAR="$ROOT/node/target/linden.jar"
BENCH_JAR="$ROOT/bench/target/benchmarks.jar"
stale() {
  [ ! -f "$JAR" ] || [ ! -f "$BENCH_JAR" ] && return 0
  local older="$JAR"
  [ "$BENCH_JAR" -ot "$JAR" ] && older="$BENCH_JAR"
  [ -n "$(find "$ROOT" -path "$ROOT/.git" -prune -o -path '*/node_modules' -prune -o \
      \( -path '*/src/main/*' -o -name pom.xml \) -type f -newer "$older" -print -quit)" ]
}
if [ "$BUILD" = 1 ] && stale; then
  log "building the node and the chain generator..."
  ./mvnw -B -o -q -Dmaven.test.skip=true -Dmaven.javadoc.skip=true -pl node,bench -am install >&2
fi
# Copies: the ./linden launcher would rebuild if someone changed a source file mid-run.
cp "$JAR" "$BENCH_JAR" "$WORK/"
LINDEN="$WORK/linden"
printf '#!/bin/sh\nexec "%s" --enable-native-access=ALL-UNNAMED -jar "%s" "$@"\n' "$JAVA" "$WORK/linden.jar" > "$LINDEN"
chmod +x "$LINDEN"
GENERATOR=("$JAVA" --enable-native-access=ALL-UNNAMED -cp "$WORK/benchmarks.jar" org.linden.bench.QbftChainGenerator)
COMMIT="commit $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- . ':!BENCHMARKS.md' \
  || echo ' with uncommitted changes')"

rpc() { # URL METHOD PARAMS-JSON: prints the result field
  curl -sS --max-time 10 -H 'Content-Type: application/json' \
    --data "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$2\",\"params\":$3}" "$1" \
    | node -e 'let s="";process.stdin.on("data",c=>s+=c).on("end",()=>{const r=JSON.parse(s);
        if (r.error) { console.error(JSON.stringify(r.error)); process.exit(1); }
        console.log(typeof r.result === "object" ? JSON.stringify(r.result) : r.result);})'
}
free_ports() { # two free loopback ports, found by binding port 0
  node -e '
    const net = require("node:net");
    const a = net.createServer().listen(0, "127.0.0.1", () => {
      const b = net.createServer().listen(0, "127.0.0.1", () => {
        console.log(a.address().port, b.address().port); a.close(); b.close();
      });
    });'
}
stop_nodes() {
  bench_stop_all
  PIDS=()
}

RUNS="$WORK/runs.jsonl"
: > "$RUNS"
LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"

if [ "$LIVE" = 1 ]; then
  NET="$WORK/net"
  "$LINDEN" network init --validators 4 --out "$NET" --block-period 1 \
    --base-rpc-port "$BASE" --base-p2p-port $((BASE + 100)) >&2
  LINDEN="$LINDEN" "$NET/start.sh" >&2
  for f in "$NET"/node*/pid; do PIDS+=("$(cat "$f")"); done
  NODE="http://127.0.0.1:$BASE"
  log "waiting for block $BLOCKS"
  h=0
  for _ in $(seq 1 $((BLOCKS * 3 + 120))); do
    h="$(rpc "$NODE" eth_blockNumber '[]' 2>/dev/null || echo 0)"
    [ $((h)) -ge "$BLOCKS" ] && break
    sleep 1
  done
  if [ $((h)) -lt "$BLOCKS" ]; then
    log "the network did not reach block $BLOCKS (at $((h))); the last lines of node 0:"
    tail -n 20 "$NET"/node0/log >&2
    exit 1
  fi
  node "$ROOT/bench/light/measure.mjs" --node "$NODE" --linden "$LINDEN" --datadir "$WORK/light" \
    --genesis "$NET/genesis.json" --calls "$CALLS" --label "live network, 4 validators" --start genesis \
    --changes 0 >> "$RUNS"
  stop_nodes
else
  FIRST=1
  for spec in "${SPECS[@]}"; do
    B=$((10#${spec%%:*}))
    K=$((10#${spec##*:}))
    GEN="$RESULTS/light-chain-$B-$K"
    # Reused while the generator, network init and the chain's arguments are unchanged.
    KEY="$( (echo "blocks=$B every=$K"; cat bench/src/main/java/org/linden/bench/QbftChainGenerator.java \
      bench/src/main/java/org/linden/bench/VotePlan.java bench/src/main/java/org/linden/bench/BlockSequence.java \
      bench/src/main/java/org/linden/bench/QbftNetworkFiles.java \
      node/src/main/java/org/linden/node/NetworkInitCommand.java) | sha256sum | cut -c1-16)"
    if [ "$REGENERATE" = 1 ] || [ "$(cat "$GEN/key" 2>/dev/null)" != "$KEY" ] || [ ! -f "$GEN/chain.rlp" ]; then
      log "generating $B blocks, a validator change every $K (0: none), in $GEN..."
      rm -rf "$GEN"
      mkdir -p "$GEN"
      "$LINDEN" network init --validators 4 --out "$GEN/net" >&2
      "${GENERATOR[@]}" --network "$GEN/net" --blocks "$B" --change-every "$K" --out "$GEN" >&2
      echo "$KEY" > "$GEN/key"
    fi
    prop() { sed -n "s/^$1=//p" "$GEN/generated.properties"; }
    HEAD_HASH="$(prop head_hash)"
    CHANGES="$(prop changes)"
    log "importing $GEN/chain.rlp..."
    DATA="$WORK/data-$B-$K"
    imported="$("$LINDEN" import --datadir "$DATA" --genesis "$GEN/genesis.json" "$GEN/chain.rlp" 2>/dev/null \
      | grep '^imported ')"
    log "$imported"
    grep -q "head block $B $HEAD_HASH" <<<"$imported" || { log "the import did not end at block $B $HEAD_HASH"; exit 1; }

    read -r HTTP P2P < <(free_ports)
    NODE="http://127.0.0.1:$HTTP"
    "$LINDEN" node --datadir "$DATA" --http.port "$HTTP" --p2p.port "$P2P" --nodiscover \
      > "$WORK/node-$B-$K.log" 2>&1 &
    PIDS+=("$!")
    for i in $(seq 1 1200); do
      kill -0 "${PIDS[0]}" 2>/dev/null || { log "the node exited:"; tail -20 "$WORK/node-$B-$K.log" >&2; exit 1; }
      [ "$(rpc "$NODE" eth_blockNumber '[]' 2>/dev/null || true)" = "0x$(printf '%x' "$B")" ] && break
      [ "$i" = 1200 ] && { log "the node did not serve block $B within 120 s"; exit 1; }
      sleep 0.1
    done

    # A change at block c alters the set deciding block c + 1: one started from block m
    # crosses the changes at m and later.
    M=$((B / 2))
    CHECKPOINT="$(rpc "$NODE" eth_getBlockByNumber "[\"0x$(printf '%x' "$M")\",false]" \
      | node -e 'let s="";process.stdin.on("data",c=>s+=c).on("end",()=>console.log(JSON.parse(s).hash))')"
    AFTER_M="$(prop change_blocks | tr ',' '\n' | awk -v m="$M" 'NF && $1 >= m { n++ } END { print n + 0 }')"
    LABEL="$B blocks, $CHANGES validator changes"
    CALLS_HERE=0
    [ "$FIRST" = 1 ] && CALLS_HERE=$CALLS
    log "$LABEL: light client from the genesis..."
    node "$ROOT/bench/light/measure.mjs" --node "$NODE" --linden "$LINDEN" --datadir "$WORK/light-$B-$K-genesis" \
      --genesis "$GEN/genesis.json" --calls "$CALLS_HERE" --contract "$(prop reader)" --label "$LABEL" \
      --start genesis --changes "$CHANGES" >> "$RUNS"
    log "$LABEL: light client from block $M..."
    node "$ROOT/bench/light/measure.mjs" --node "$NODE" --linden "$LINDEN" --datadir "$WORK/light-$B-$K-$M" \
      --checkpoint "$CHECKPOINT" --chain-config "$GEN/genesis.json" --label "$LABEL" --start "block $M" \
      --changes "$AFTER_M" >> "$RUNS"
    stop_nodes
    rm -rf "$DATA"
    FIRST=0
  done
fi
LOAD_END="$(cut -d' ' -f1-3 /proc/loadavg)"

MACHINE="$(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM"
JDK="$("$JAVA" -version 2>&1 | head -1)"
node "$ROOT/bench/light/table.mjs" "$RUNS" "$(date -u +%Y-%m-%d)" "$COMMIT" "$MACHINE" "$JDK" \
  "$LOAD_START" "$LOAD_END" "$COMMAND_LINE" > "$RESULTS/light-bench.md"
cat "$RESULTS/light-bench.md"
