#!/usr/bin/env bash
# JSON-RPC and block-building benchmark: `linden dev` and anvil side by side, in one run,
# on the same machine, with the same load. Prints a Markdown table of each figure for both
# nodes and the ratio Linden / anvil, and writes it to bench/results/rpc-bench.md.
#
# Usage: bench/rpc-bench.sh [--runs N] [--duration S] [--txs N] [--tx-runs N] [--no-build]
#
#   --runs N      measured wrk runs per read method and node (default 5)
#   --duration S  seconds per wrk run (default 10)
#   --txs N       transactions per automine run (default 1000)
#   --tx-runs N   runs of each transaction and block-building measurement (default 5)
#   --no-build    use the node jar as it is instead of building it first
#
# What is measured, on each node in turn:
#   reads         wrk -t2 -c16 posting one fixed JSON-RPC body: eth_blockNumber,
#                 eth_getBalance (a funded account, latest) and eth_call of the ERC-20's
#                 balanceOf; requests/s, and the node's own CPU time per request
#   transactions  N pre-signed transfers (ETH, then ERC-20) sent by 4 concurrent
#                 connections with automine on, timed until the last receipt exists
#   blocks        automine off: 1,000 and 5,000 ETH transfers and 5,000 ERC-20 transfers
#                 submitted (pool admission rate), then one evm_mine (time, MGas/s)
#   memory        VmRSS of each process after start-up and after the load, VmHWM, and
#                 VmRSS once more after a full GC of Linden's heap
#
# LINDEN_JAVA_OPTS goes to Linden's JVM as the ./linden launcher passes it (e.g. a JFR
# recording: LINDEN_JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/rpc.jfr,dumponexit=true,settings=profile).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../scripts/jdk.sh
source "$ROOT/scripts/jdk.sh"
JAVA_HOME="$(linden_find_jdk)" || exit 1
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"

RUNS=5
DURATION=10
TXS=1000
TX_RUNS=5
BUILD=1
while [ "$#" -gt 0 ]; do
  case "$1" in
    --runs) RUNS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --txs) TXS=$2; shift 2 ;;
    --tx-runs) TX_RUNS=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "rpc-bench: unknown argument $1 (try --help)" >&2; exit 2 ;;
  esac
done
for v in "$RUNS" "$DURATION" "$TXS" "$TX_RUNS"; do
  if ! [[ "$v" =~ ^[1-9][0-9]*$ ]]; then
    echo "rpc-bench: --runs, --duration, --txs and --tx-runs take positive integers" >&2
    exit 2
  fi
done

E2E="$ROOT/e2e"
RPC="$ROOT/bench/rpc"
RESULTS="$ROOT/bench/results"
LOCK=/tmp/linden-build.lock
# A block big enough for 5,000 ERC-20 transfers at their 70,000-gas limit (350 Mgas), on
# both nodes; anvil's and Linden's default of 30 Mgas would split them over many blocks.
GAS_LIMIT=500000000
ANVIL_VERSION=1.7.1
mkdir -p "$RESULTS"
# shellcheck source=bench/processes.sh
source "$ROOT/bench/processes.sh"
bench_scratch rpc-bench

log() { echo "rpc-bench: $*" >&2; }
# 12345.6 -> 12,345.6 (Markdown for people: thousands separated).
commas() { sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }

# --- tools -------------------------------------------------------------------------
if ! command -v wrk >/dev/null 2>&1; then
  log "installing wrk (Debian package)..."
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq wrk >/dev/null
fi
# The npm packages the end-to-end tests pin (anvil, ethers, solc). `npm ci` empties
# node_modules first, so it runs only when something is missing, not under a test that
# may be using them.
ANVIL="$E2E/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil"
if [ ! -x "$ANVIL" ] || [ ! -d "$E2E/node_modules/ethers" ] || [ ! -d "$E2E/node_modules/solc" ]; then
  log "installing the e2e npm packages..."
  (cd "$E2E" && npm ci --no-audit --no-fund --silent)
fi
# anvil runs as its own binary, not through the npm launcher (node_modules/.bin/anvil, a
# Node.js process that spawns it): the PID whose memory and CPU we read must be anvil's.
if ! "$ANVIL" --version | grep -q "Version: $ANVIL_VERSION"; then
  log "expected anvil $ANVIL_VERSION at $ANVIL, found: $("$ANVIL" --version | head -1)"
  exit 1
fi

# --- Linden ------------------------------------------------------------------------
# Build under the shared build lock, then copy the jar out under it: other builds on this
# machine rewrite node/target, and a jar replaced mid-run would be a different node. The
# copy is started exactly as ./linden starts it; ./linden itself is not used because it
# rebuilds, without the lock, whenever a source file is newer than the jar.
cd "$ROOT"
if [ "$BUILD" = 1 ]; then
  log "building the node (waiting for $LOCK)..."
  # shellcheck disable=SC2016 # $1 is expanded by the inner shell
  flock "$LOCK" bash -c './mvnw -B -o -q -Dmaven.test.skip=true -Dmaven.javadoc.skip=true -pl node -am install \
    && cp node/target/linden.jar "$1"/' _ "$WORK"
else
  flock "$LOCK" cp node/target/linden.jar "$WORK"/
fi

# Two free loopback ports, found by binding port 0 (both at once, so they differ).
read -r LPORT APORT < <(node -e '
  const net = require("node:net");
  const a = net.createServer().listen(0, "127.0.0.1", () => {
    const b = net.createServer().listen(0, "127.0.0.1", () => {
      console.log(a.address().port, b.address().port); a.close(); b.close();
    });
  });')
NODES=(linden anvil)
declare -A URL PID
URL[linden]="http://127.0.0.1:$LPORT/"
URL[anvil]="http://127.0.0.1:$APORT/"

# shellcheck disable=SC2086
(cd "$WORK" && exec "$JAVA" --enable-native-access=ALL-UNNAMED ${LINDEN_JAVA_OPTS:-} -jar "$WORK/linden.jar" \
  dev --http.port "$LPORT" --gas-limit "$GAS_LIMIT" --datadir "$WORK/linden-data") > "$WORK/linden.log" 2>&1 &
PID[linden]=$!
PIDS+=("$!")
# anvil with its defaults except the block gas limit and the fork: its default "latest"
# is past Osaka (a blob-parameter fork), Linden's dev chain runs Osaka.
"$ANVIL" --host 127.0.0.1 --port "$APORT" --gas-limit "$GAS_LIMIT" --hardfork osaka > "$WORK/anvil.log" 2>&1 &
PID[anvil]=$!
PIDS+=("$!")

post() { # URL BODY: prints the answer
  curl -sS --max-time 30 -H 'Content-Type: application/json' --data "$2" "$1"
}

for n in "${NODES[@]}"; do
  for i in $(seq 1 1200); do
    if ! kill -0 "${PID[$n]}" 2>/dev/null; then
      log "$n exited during start-up:"; tail -20 "$WORK/$n.log" >&2; exit 1
    fi
    post "${URL[$n]}" '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' 2>/dev/null | grep -q result && break
    [ "$i" = 1200 ] && { log "$n did not answer within 120 s"; exit 1; }
    sleep 0.1
  done
done
log "linden on port $LPORT (pid ${PID[linden]}), anvil on port $APORT (pid ${PID[anvil]})"

rss_kib() { sed -n "s/^$2:[[:space:]]*\([0-9]*\) kB/\1/p" "/proc/$1/status"; }
# User + system CPU of the whole process (all threads), in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
TICK=$(getconf CLK_TCK)
LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"

declare -A RSS_START
for n in "${NODES[@]}"; do RSS_START[$n]=$(rss_kib "${PID[$n]}" VmRSS); done

# Figures go to $WORK/m/FIGURE.NODE, one value per line, one line per run.
M="$WORK/m"
mkdir -p "$M"
add() { echo "$3" >> "$M/$1.$2"; }

# --- set-up: the token and the senders ------------------------------------------------
declare -A TOKEN BALANCE_OF
for n in "${NODES[@]}"; do
  log "$n: deploying the ERC-20 and funding 100 senders..."
  out="$(node "$RPC/setup.mjs" "${URL[$n]}")"
  TOKEN[$n]=$(node -p 'JSON.parse(process.argv[1]).token' "$out")
  BALANCE_OF[$n]=$(node -p 'JSON.parse(process.argv[1]).balanceOf' "$out")
done

# --- reads -------------------------------------------------------------------------
DEV0=0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266
METHODS=(eth_blockNumber eth_getBalance eth_call)
body() { # METHOD NODE
  case "$1" in
    eth_blockNumber) echo '{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber","params":[]}' ;;
    eth_getBalance) echo "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_getBalance\",\"params\":[\"$DEV0\",\"latest\"]}" ;;
    eth_call) echo "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_call\",\"params\":[{\"to\":\"${TOKEN[$2]}\",\"data\":\"${BALANCE_OF[$2]}\"},\"latest\"]}" ;;
  esac
}
# wrk counts HTTP errors but cannot read JSON, so each body is checked once by hand.
for m in "${METHODS[@]}"; do
  for n in "${NODES[@]}"; do
    answer="$(post "${URL[$n]}" "$(body "$m" "$n")")"
    if ! grep -q '"result"' <<<"$answer"; then log "$n answers $m with $answer"; exit 1; fi
  done
done

WRK_LOG="$RESULTS/rpc-bench-wrk.log"
: > "$WRK_LOG"
# run_wrk NODE METHOD SECONDS: sets RPS (requests/s) and CPU (node CPU µs per request).
# wrk's output is kept in bench/results/rpc-bench-wrk.log (latency distribution and all).
run_wrk() {
  local n=$1 m=$2 d=$3 c0 c1 reqs
  c0=$(cpu_ticks "${PID[$n]}")
  WRK_BODY="$(body "$m" "$n")" wrk -t2 -c16 -d"${d}s" -s "$RPC/post.lua" "${URL[$n]}" > "$WORK/wrk.out"
  c1=$(cpu_ticks "${PID[$n]}")
  { echo "== $n $m ${d}s"; cat "$WORK/wrk.out"; } >> "$WRK_LOG"
  if grep -qE 'Non-2xx|Socket errors' "$WORK/wrk.out"; then
    log "$n $m: wrk reports errors:"; cat "$WORK/wrk.out" >&2; exit 1
  fi
  RPS=$(sed -n 's/^Requests\/sec:[[:space:]]*\([0-9.]*\).*/\1/p' "$WORK/wrk.out")
  reqs=$(sed -n 's/^[[:space:]]*\([0-9]*\) requests in.*/\1/p' "$WORK/wrk.out")
  CPU=$(awk -v q="$reqs" -v c="$((c1 - c0))" -v t="$TICK" 'BEGIN { printf "%.1f\n", c / t * 1e6 / q }')
}

# A warm-up run per method and node first (the JVM compiles its hot paths; anvil gets the
# same for fairness), then the measured runs with the nodes taking turns, so that a
# disturbance on the shared machine falls on both rather than on one.
log "reads: warm-up..."
for m in "${METHODS[@]}"; do for n in "${NODES[@]}"; do run_wrk "$n" "$m" 5; done; done
for r in $(seq 1 "$RUNS"); do
  for m in "${METHODS[@]}"; do
    for n in "${NODES[@]}"; do
      run_wrk "$n" "$m" "$DURATION"
      add "$m.rps" "$n" "$RPS"
      add "$m.cpu" "$n" "$CPU"
      log "reads run $r/$RUNS: $n $m $RPS requests/s, $CPU µs node CPU per request"
    done
  done
done

# --- transactions --------------------------------------------------------------------
# txload NODE ARGS...: runs bench/rpc/txload.mjs against NODE, leaves its JSON line in OUT.
txload() {
  local n=$1; shift
  OUT="$(NODE_PID="${PID[$n]}" CLK_TCK="$TICK" TOKEN="${TOKEN[$n]}" node "$RPC/txload.mjs" "${URL[$n]}" "$@")"
}
json() { node -p "const o = JSON.parse(process.argv[1]); $2" "$1"; }
BLOCKS=("eth 1000" "eth 5000" "erc20 5000")
# The state grows as the load runs: every ETH transfer creates an account, every ERC-20
# transfer a token holder (a storage slot of the token). That matters for the comparison:
# anvil rebuilds its state root from every account and slot for each block (the
# `state_root` of its in-memory backend), Linden updates its trie from the changed keys
# only. So the state size is counted (the same on both nodes) and given with the figures,
# and automine is measured twice: on the young chain, and once more after block building.
ACCOUNTS=100   # the senders; plus one per ETH transfer sent
HOLDERS=101    # the senders and the deployer; plus one per ERC-20 transfer sent
grow() { # KIND COUNT: what a load of COUNT transfers of KIND adds to the state
  if [ "$1" = eth ]; then ACCOUNTS=$((ACCOUNTS + $2)); else HOLDERS=$((HOLDERS + $2)); fi
}
state() { echo "$(commas <<<"$ACCOUNTS") accounts and $(commas <<<"$HOLDERS") token holders"; }
# Each kind of load gets an unrecorded pass first, for the same reason as the reads'
# warm-up: the JVM has not yet compiled the pool, execution and sealing paths at full
# speed (set-up sent only 201 transactions), and the figures are meant for a warm node.
LATE_TXS=200
log "automine: warm-up..."
for kind in eth erc20; do
  for n in "${NODES[@]}"; do txload "$n" automine "$kind" "$LATE_TXS"; done
  grow "$kind" "$LATE_TXS"
done
STATE_AUTO_START="$(state)"
for r in $(seq 1 "$TX_RUNS"); do
  for kind in eth erc20; do
    for n in "${NODES[@]}"; do
      txload "$n" automine "$kind" "$TXS"
      add "auto-$kind.tps" "$n" "$(json "$OUT" o.tps)"
      add "auto-$kind.cpu" "$n" "$(json "$OUT" "o.cpuSeconds / o.txs * 1e6")"
      log "automine run $r/$TX_RUNS: $n $OUT"
    done
    grow "$kind" "$TXS"
  done
done
STATE_AUTO_END="$(state)"

log "block building: warm-up..."
for kind in eth erc20; do
  for n in "${NODES[@]}"; do txload "$n" block "$kind" 1000; done
  grow "$kind" 1000
done
STATE_BLOCK_START="$(state)"
for r in $(seq 1 "$TX_RUNS"); do
  for spec in "${BLOCKS[@]}"; do
    read -r kind count <<<"$spec"
    for n in "${NODES[@]}"; do
      txload "$n" block "$kind" "$count"
      add "block-$kind-$count.admit" "$n" "$(json "$OUT" o.admitTps)"
      add "block-$kind-$count.admitcpu" "$n" "$(json "$OUT" "o.cpuSubmitSeconds / o.txs * 1e6")"
      add "block-$kind-$count.ms" "$n" "$(json "$OUT" "o.mineSeconds * 1000")"
      add "block-$kind-$count.cpums" "$n" "$(json "$OUT" "o.cpuMineSeconds * 1000")"
      add "block-$kind-$count.mgas" "$n" "$(json "$OUT" o.mgasPerSec)"
      add "block-$kind-$count.gas" "$n" "$(json "$OUT" o.gasUsed)"
      log "block run $r/$TX_RUNS: $n $OUT"
    done
    grow "$kind" "$count"
  done
done

# Automine once more, on the state block building left behind (a small count: anvil's
# per-block cost has grown with the state by then).
STATE_LATE="$(state)"
for n in "${NODES[@]}"; do
  txload "$n" automine eth "$LATE_TXS"
  add "late-eth.tps" "$n" "$(json "$OUT" o.tps)"
  add "late-eth.cpu" "$n" "$(json "$OUT" "o.cpuSeconds / o.txs * 1e6")"
  log "automine on the grown state: $n $OUT"
done

declare -A RSS_END HWM
for n in "${NODES[@]}"; do
  RSS_END[$n]=$(rss_kib "${PID[$n]}" VmRSS)
  HWM[$n]=$(rss_kib "${PID[$n]}" VmHWM)
done
LOAD_END="$(cut -d' ' -f1-3 /proc/loadavg)"
# The JVM keeps the heap it has grown into (G1's default limit is a quarter of the RAM)
# rather than returning it, so Linden's RSS says more about the collector's sizing than
# about what the node holds. A full GC (jcmd GC.run, which lets G1 uncommit) shows the
# rest; anvil frees as it goes, and its RSS is read again at the same moment.
"$JAVA_HOME/bin/jcmd" "${PID[linden]}" GC.run > /dev/null
sleep 2
RSS_GC_LINDEN=$(rss_kib "${PID[linden]}" VmRSS)
RSS_GC_ANVIL=$(rss_kib "${PID[anvil]}" VmRSS)
HEAP_LIVE="$("$JAVA_HOME/bin/jcmd" "${PID[linden]}" GC.heap_info | sed -n 's/.* used \([0-9]*\)K.*/\1/p' | head -1)"

# --- table ---------------------------------------------------------------------------
# "min / median / max" of a figure's runs (FIGURE NODE FORMAT).
spread() {
  sort -g "$M/$1.$2" | awk -v f="$3" '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf f " / " f " / " f "\n", v[1], m, v[NR] }'
}
median() {
  sort -g "$M/$1.$2" | awk '{ v[NR] = $1 } END { printf "%.6f\n", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f\n", a / b }'; }
ROWS=()
row() { # LABEL FIGURE FORMAT: min / median / max on each node, ratio of the medians
  ROWS+=("| $1 | $(spread "$2" linden "$3" | commas) | $(spread "$2" anvil "$3" | commas) | $(ratio "$(median "$2" linden)" "$(median "$2" anvil)") |")
}
mem_row() { # LABEL KIB_LINDEN KIB_ANVIL
  ROWS+=("$(awk -v l="$1" -v a="$2" -v b="$3" 'BEGIN { printf "| %s | %.0f | %.0f | %.2f |", l, a / 1024, b / 1024, a / b }' | commas)")
}
for m in "${METHODS[@]}"; do
  row "\`$m\`, requests/s" "$m.rps" "%.0f"
  row "\`$m\`, node CPU per request, µs" "$m.cpu" "%.1f"
done
row "$(commas <<<"$TXS") ETH transfers, automine, tx/s" auto-eth.tps "%.0f"
row "$(commas <<<"$TXS") ETH transfers, automine, node CPU per tx, µs" auto-eth.cpu "%.0f"
row "$(commas <<<"$TXS") ERC-20 transfers, automine, tx/s" auto-erc20.tps "%.0f"
row "$(commas <<<"$TXS") ERC-20 transfers, automine, node CPU per tx, µs" auto-erc20.cpu "%.0f"
row "$LATE_TXS ETH transfers, automine after block building (1 run), tx/s" late-eth.tps "%.0f"
row "$LATE_TXS ETH transfers, automine after block building, node CPU per tx, µs" late-eth.cpu "%.0f"
for spec in "${BLOCKS[@]}"; do
  read -r kind count <<<"$spec"
  label="$(commas <<<"$count") $([ "$kind" = eth ] && echo ETH || echo ERC-20) transfers"
  row "$label, pool admission (automine off), tx/s" "block-$kind-$count.admit" "%.0f"
  row "$label, pool admission, node CPU per tx, µs" "block-$kind-$count.admitcpu" "%.0f"
  row "$label, \`evm_mine\` of one block, ms" "block-$kind-$count.ms" "%.0f"
  row "$label, \`evm_mine\`, node CPU ms" "block-$kind-$count.cpums" "%.0f"
  row "$label, block building, MGas/s" "block-$kind-$count.mgas" "%.0f"
done
mem_row "RSS after start-up, MiB" "${RSS_START[linden]}" "${RSS_START[anvil]}"
mem_row "RSS after the load, MiB" "${RSS_END[linden]}" "${RSS_END[anvil]}"
mem_row "peak RSS (VmHWM), MiB" "${HWM[linden]}" "${HWM[anvil]}"
mem_row "RSS after the load and a full GC of Linden's heap, MiB" "$RSS_GC_LINDEN" "$RSS_GC_ANVIL"

# The mined blocks carry byte-identical transactions on both nodes (txload.mjs), so their
# gas must agree; a difference means one node executes differently and is reported.
GAS_CHECK="equal on both nodes"
for f in "$M"/block-*.gas.linden; do
  fig="$(basename "$f" .linden)"
  if ! cmp -s "$f" "$M/$fig.anvil"; then
    GAS_CHECK="DIFFERENT: $fig linden $(paste -sd, "$f"), anvil $(paste -sd, "$M/$fig.anvil")"
    log "gas used differs between the nodes: $GAS_CHECK"
  fi
done

{
  echo
  echo "JSON-RPC and block building, $(date -u +%Y-%m-%d), working tree at $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- . ':!bench' || echo ' with uncommitted changes');" \
    "$(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1))," \
    "$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM," \
    "$("$JAVA" -version 2>&1 | head -1), anvil $ANVIL_VERSION;" \
    "load average $LOAD_START at the start, $LOAD_END at the end."
  echo "Both nodes and wrk share the machine's cores. Reads: wrk -t2 -c16, $RUNS runs of ${DURATION} s per method and node;" \
    "transactions: $TXS per automine run, $TX_RUNS runs of each transaction figure; block gas limit $GAS_LIMIT on both." \
    "Gas used by the mined blocks: $GAS_CHECK. Linden's heap after the full GC: $((HEAP_LIVE / 1024)) MiB in use."
  echo "State created by the benchmark (besides the dev accounts): $STATE_AUTO_START at the first automine run," \
    "$STATE_AUTO_END after the last; $STATE_BLOCK_START at the first block-building run;" \
    "$STATE_LATE at the automine run after block building."
  echo
  echo "| figure (min / median / max) | Linden | anvil | Linden / anvil (medians) |"
  echo "| --- | --- | --- | --- |"
  printf '%s\n' "${ROWS[@]}"
} | tee "$RESULTS/rpc-bench.md"
