#!/usr/bin/env bash
# EVM benchmark: `linden dev` and anvil side by side, in one run, on the same machine.
# Deploys the same compiled contracts (bench/contracts, solc-js as pinned for the
# end-to-end tests) on both, checks that every call returns the same bytes on both (a
# mismatch fails the run), times `eth_call` of each on the nodes in turn, mines each
# call once as a transaction for its gas, and prints a Markdown table (min / median / max
# per node, the ratio Linden / anvil of the medians, and their geometric mean). The table
# is also written to bench/results/evm-bench.md.
#
# Usage: bench/evm-bench.sh [--runs N] [--warmup N] [--no-build] [--jar PATH] [--only NAMES]
#
#   --runs N      measured calls per contract and node (default 7)
#   --warmup N    unrecorded calls per contract and node first (default 3)
#   --no-build    use the node jar as it is instead of building it when it is stale
#   --jar PATH    measure this node jar (e.g. one built from another commit) instead of
#                 node/target/linden.jar; implies --no-build
#   --only NAMES  run only these calls (comma-separated contract or contract.function
#                 names, e.g. TransferLoop or Precompiles.pairings), e.g. to profile one
#
# The script holds the shared Maven lock (/tmp/linden-mvn.lock) for the whole run, so no
# build on this machine runs during the measurement; run under `flock` by the caller, it
# sees that an ancestor holds the lock and does not take it again.
#
# LINDEN_JAVA_OPTS goes to Linden's JVM as the ./linden launcher passes it (e.g. a JFR
# recording: LINDEN_JAVA_OPTS='-XX:StartFlightRecording=filename=/tmp/evm.jfr,settings=profile').
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCK=/tmp/linden-mvn.lock
COMMAND_LINE="bench/evm-bench.sh${*:+ $*}"

# shellcheck source=bench/processes.sh
source "$ROOT/bench/processes.sh"
case " $* " in
  *" -h "*|*" --help "*) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
esac
if [ -z "${EVM_BENCH_LOCKED:-}" ] && ! bench_lock_held_by_ancestor "$LOCK"; then
  echo "evm-bench: waiting for $LOCK..." >&2
  EVM_BENCH_LOCKED=1 exec flock "$LOCK" "$0" "$@"
fi

# shellcheck source=../scripts/jdk.sh
source "$ROOT/scripts/jdk.sh"
JAVA_HOME="$(linden_find_jdk)" || exit 1
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"

RUNS=7
WARMUP=3
BUILD=1
JAR_ARG=
while [ "$#" -gt 0 ]; do
  case "$1" in
    --runs) RUNS=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --jar) JAR_ARG=$2; BUILD=0; shift 2 ;;
    --only) export EVM_BENCH_ONLY=$2; shift 2 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "evm-bench: unknown argument $1 (try --help)" >&2; exit 2 ;;
  esac
done
if ! [[ "$RUNS" =~ ^[1-9][0-9]*$ && "$WARMUP" =~ ^[0-9]+$ ]]; then
  echo "evm-bench: --runs takes a positive integer, --warmup a non-negative one" >&2
  exit 2
fi

E2E="$ROOT/e2e"
RESULTS="$ROOT/bench/results"
ANVIL_VERSION=1.7.1
mkdir -p "$RESULTS"
bench_scratch evm-bench
log() { echo "evm-bench: $*" >&2; }

# --- tools: anvil, ethers and solc as the end-to-end tests pin them ------------------
ANVIL="$E2E/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil"
if [ ! -x "$ANVIL" ] || [ ! -d "$E2E/node_modules/ethers" ] || [ ! -d "$E2E/node_modules/solc" ]; then
  log "installing the e2e npm packages..."
  (cd "$E2E" && npm ci --no-audit --no-fund --silent)
fi
if ! "$ANVIL" --version | grep -q "Version: $ANVIL_VERSION"; then
  log "expected anvil $ANVIL_VERSION at $ANVIL, found: $("$ANVIL" --version | head -1)"
  exit 1
fi

# --- Linden: the jar ./linden runs, rebuilt as ./linden would when sources are newer ---
cd "$ROOT"
JAR="$ROOT/node/target/linden.jar"
stale() {
  [ ! -f "$JAR" ] && return 0
  [ -n "$(find "$ROOT" -path "$ROOT/.git" -prune -o -path '*/node_modules' -prune -o \
      \( -path '*/src/main/*' -o -name pom.xml \) -type f -newer "$JAR" -print -quit)" ]
}
if [ "$BUILD" = 1 ] && stale; then
  log "building the node..."
  ./mvnw -B -o -q -Dmaven.test.skip=true -Dmaven.javadoc.skip=true -pl node -am install >&2
fi
# A copy, started exactly as ./linden starts it: the launcher itself would rebuild if
# someone changed a source file during the run.
if [ -n "$JAR_ARG" ]; then
  cp "$JAR_ARG" "$WORK/linden.jar"
  COMMIT="node jar $(basename "$JAR_ARG") (given with --jar)"
else
  cp "$JAR" "$WORK/linden.jar"
  COMMIT="commit $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- . ':!bench' ':!BENCHMARKS.md' || echo ' with uncommitted changes')"
fi

read -r LPORT APORT < <(node -e '
  const net = require("node:net");
  const a = net.createServer().listen(0, "127.0.0.1", () => {
    const b = net.createServer().listen(0, "127.0.0.1", () => {
      console.log(a.address().port, b.address().port); a.close(); b.close();
    });
  });')
LURL="http://127.0.0.1:$LPORT/"
AURL="http://127.0.0.1:$APORT/"

# shellcheck disable=SC2086
(cd "$WORK" && exec "$JAVA" --enable-native-access=ALL-UNNAMED ${LINDEN_JAVA_OPTS:-} -jar "$WORK/linden.jar" \
  dev --http.port "$LPORT" --datadir "$WORK/linden-data") > "$WORK/linden.log" 2>&1 &
LPID=$!
PIDS+=("$LPID")
# Linden's dev chain runs Osaka; anvil's default is a later fork.
"$ANVIL" --host 127.0.0.1 --port "$APORT" --hardfork osaka > "$WORK/anvil.log" 2>&1 &
APID=$!
PIDS+=("$APID")

for pair in "linden $LPID $LURL" "anvil $APID $AURL"; do
  read -r n pid url <<<"$pair"
  for i in $(seq 1 1200); do
    if ! kill -0 "$pid" 2>/dev/null; then
      log "$n exited during start-up:"; tail -20 "$WORK/$n.log" >&2; exit 1
    fi
    curl -sS --max-time 5 -H 'Content-Type: application/json' \
      --data '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' "$url" 2>/dev/null | grep -q result && break
    [ "$i" = 1200 ] && { log "$n did not answer within 120 s"; exit 1; }
    sleep 0.1
  done
done
log "linden on port $LPORT (pid $LPID), anvil on port $APORT (pid $APID)"

LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"
node "$ROOT/bench/evm/calls.mjs" "$LURL" "$AURL" "$WARMUP" "$RUNS" > "$WORK/calls.json"
LOAD_END="$(cut -d' ' -f1-3 /proc/loadavg)"

MACHINE="$(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM"
JDK="$("$JAVA" -version 2>&1 | head -1)"
STATUS=0
node "$ROOT/bench/evm/table.mjs" "$WORK/calls.json" \
  "$(date -u +%Y-%m-%d)" "$COMMIT" "$MACHINE" "$JDK" "anvil $ANVIL_VERSION" "$LOAD_START" "$LOAD_END" \
  "$COMMAND_LINE" "$RUNS" "$WARMUP" > "$RESULTS/evm-bench.md" || STATUS=$?
cat "$RESULTS/evm-bench.md"
exit "$STATUS"
