#!/usr/bin/env bash
# Chain-import benchmark: times `linden import` of whole chains into fresh data
# directories and prints a Markdown table of blocks/s, tx/s, MGas/s and the size of the
# RocksDB directory afterwards.
#
# Chains:
#   geth-ethtest  go-ethereum's 600-block protocol-test chain (../shared/fixtures), read in place
#   generated     ChainGenerator's chain of ETH and ERC-20 transfers (default 10,000 blocks),
#                 generated once and cached under bench/results/ (git-ignored)
#
# Usage: bench/import-bench.sh [--blocks N] [--runs N] [--rev REV] [--no-build] [--regenerate]
#
# --rev REV builds and measures the committed revision REV (from `git archive`, in a
# temporary directory) instead of the working tree, so that the figures belong to a
# commit even while the working tree holds unfinished changes.
#
# Each run is `linden init` + `linden import` into a new temporary data directory, so
# every run starts from an empty database; the time is the node's own import time (from
# its last line, which excludes JVM start-up and opening the database), and the
# process's wall time is given next to it. The head hash after each import is checked
# against the last block of the file, so a run that imported the wrong chain, or only
# part of it, fails instead of reporting a rate.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../scripts/jdk.sh
source "$ROOT/scripts/jdk.sh"
JAVA_HOME="$(linden_find_jdk)" || exit 1
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"

BLOCKS=10000
RUNS=3
BUILD=1
REGENERATE=0
REV=
while [ "$#" -gt 0 ]; do
  case "$1" in
    --blocks) BLOCKS=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --rev) REV=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --regenerate) REGENERATE=1; shift ;;
    -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "import-bench: unknown argument $1 (try --help)" >&2; exit 2 ;;
  esac
done
if ! [[ "$RUNS" =~ ^[1-9][0-9]*$ && "$BLOCKS" =~ ^[1-9][0-9]*$ ]]; then
  echo "import-bench: --runs and --blocks take positive integers" >&2
  exit 2
fi

GETH_CHAIN="${LINDEN_FIXTURES:-$ROOT/../shared/fixtures}/chains/geth-ethtest"
RESULTS="$ROOT/bench/results"
LOCK=/tmp/linden-build.lock
mkdir -p "$RESULTS"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/linden-import-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

for f in genesis.json chain.rlp; do
  if [ ! -f "$GETH_CHAIN/$f" ]; then
    echo "import-bench: missing fixture $GETH_CHAIN/$f" >&2
    exit 1
  fi
done

# Build the node and the bench jar, then copy both out under the same lock: other builds
# on this machine rewrite node/target and bench/target, and a jar replaced in the middle
# of a run would make the runs measure different code. Test sources are skipped
# (-Dmaven.test.skip), not only the tests: a benchmark needs no test classes, and this
# way a module whose tests are being edited elsewhere does not stop it.
SRC="$ROOT"
MAVEN_GOAL=install
if [ -n "$REV" ]; then
  # Resolved once: the branch may move while the benchmark runs.
  REV="$(git -C "$ROOT" rev-parse --verify "$REV^{commit}")"
  # A private copy of the revision, built with `package` so nothing is installed into the
  # shared local Maven repository from it.
  SRC="$WORK/src"
  mkdir -p "$SRC"
  git -C "$ROOT" archive "$REV" | tar -x -C "$SRC"
  MAVEN_GOAL=package
  BUILD=1
fi
cd "$SRC"
if [ "$BUILD" = 1 ]; then
  echo "import-bench: building node and bench from ${REV:-the working tree} (waiting for $LOCK)..." >&2
  flock "$LOCK" bash -c './mvnw -B -q -Dmaven.test.skip=true -Dmaven.javadoc.skip=true -pl node,bench -am "$2" \
    && cp node/target/linden.jar bench/target/benchmarks.jar "$1"/' _ "$WORK" "$MAVEN_GOAL"
else
  flock "$LOCK" cp node/target/linden.jar bench/target/benchmarks.jar "$WORK"/
fi
LINDEN=("$JAVA" --enable-native-access=ALL-UNNAMED -jar "$WORK/linden.jar")
BENCH=("$JAVA" --enable-native-access=ALL-UNNAMED -cp "$WORK/benchmarks.jar" org.linden.bench.ChainGenerator)

# The generated chain is reused while its generator, the token and the block count are
# unchanged (keyed by a hash of those); --regenerate forces a new one.
GEN="$RESULTS/import-chain-$BLOCKS"
GEN_KEY="$( (echo "blocks=$BLOCKS"; cat bench/src/main/java/org/linden/bench/ChainGenerator.java \
  bench/src/main/java/org/linden/bench/BlockSequence.java \
  bench/src/main/resources/org/linden/bench/contracts/BenchToken.hex) | sha256sum | cut -c1-16)"
if [ "$REGENERATE" = 1 ] || [ "$(cat "$GEN/key" 2>/dev/null)" != "$GEN_KEY" ] \
    || [ ! -f "$GEN/chain.rlp" ] || [ ! -f "$GEN/genesis.json" ]; then
  echo "import-bench: generating a $BLOCKS-block chain in $GEN..." >&2
  rm -rf "$GEN"
  "${BENCH[@]}" --blocks "$BLOCKS" --out "$GEN" | tee "$WORK/generated.txt"
  echo "$GEN_KEY" > "$GEN/key"
  cp "$WORK/generated.txt" "$GEN/generated.txt"
fi

# Prints min, median and max of the numbers on stdin (one per line).
stats() {
  sort -g | awk '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%s %s %s\n", v[1], m, v[NR] }'
}

# Sums the sizes in bytes of the files in $1 whose names end in $2.
sum_sizes() {
  find "$1" -maxdepth 1 -name "*$2" -printf '%s\n' | awk '{ s += $1 } END { printf "%d\n", s }'
}

mib() {
  awk -v b="$1" 'BEGIN { printf "%.1f MiB", b / 1048576 }'
}

ROWS=()
# bench_chain NAME DIR: RUNS imports of DIR/chain.rlp on DIR/genesis.json; appends a row.
bench_chain() {
  local name=$1 dir=$2 info blocks txs gas head r dd out line imported got secs t0 t1
  info="$("${BENCH[@]}" --gas "$dir/chain.rlp")"
  blocks=$(sed -n 's/.*blocks=\([0-9]*\).*/\1/p' <<<"$info")
  txs=$(sed -n 's/.*transactions=\([0-9]*\).*/\1/p' <<<"$info")
  gas=$(sed -n 's/.* gas=\([0-9]*\).*/\1/p' <<<"$info")
  head=$(sed -n 's/.* head=\(0x[0-9a-f]*\).*/\1/p' <<<"$info")
  echo "import-bench: $name: $blocks blocks, $txs transactions, $gas gas, head $head" >&2
  : > "$WORK/$name.secs"
  : > "$WORK/$name.wall"
  : > "$WORK/$name.size"
  : > "$WORK/$name.sst"
  : > "$WORK/$name.wal"
  for r in $(seq 1 "$RUNS"); do
    dd="$WORK/datadir-$name-$r"
    "${LINDEN[@]}" init --genesis "$dir/genesis.json" --datadir "$dd" > /dev/null
    t0=$(date +%s%N)
    out="$("${LINDEN[@]}" import --datadir "$dd" "$dir/chain.rlp")"
    t1=$(date +%s%N)
    line="$(grep '^imported ' <<<"$out" | tail -1)"
    imported=$(sed -n 's/^imported \([0-9]*\) blocks.*/\1/p' <<<"$line")
    secs=$(sed -n 's/.* in \([0-9.]*\) s;.*/\1/p' <<<"$line")
    got=$(sed -n 's/.*head block [0-9]* \(0x[0-9a-f]*\).*/\1/p' <<<"$line")
    if [ "$imported" != "$blocks" ] || [ "$got" != "$head" ]; then
      echo "import-bench: $name run $r imported ${imported:-?} blocks, head ${got:-?}; expected $blocks, $head" >&2
      echo "$out" >&2
      exit 1
    fi
    echo "$secs" >> "$WORK/$name.secs"
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f\n", (b - a) / 1e9 }' >> "$WORK/$name.wall"
    du -sb "$dd/chaindata" | cut -f1 >> "$WORK/$name.size"
    sum_sizes "$dd/chaindata" .sst >> "$WORK/$name.sst"
    sum_sizes "$dd/chaindata" .log >> "$WORK/$name.wal"
    echo "import-bench: $name run $r/$RUNS: $secs s (process $(tail -1 "$WORK/$name.wall") s)," \
      "chaindata $(tail -1 "$WORK/$name.size") bytes" >&2
    rm -rf "$dd"
  done
  local tmin tmed tmax wall size sst wal
  read -r tmin tmed tmax < <(stats < "$WORK/$name.secs")
  read -r _ wall _ < <(stats < "$WORK/$name.wall")
  read -r _ size _ < <(stats < "$WORK/$name.size")
  read -r _ sst _ < <(stats < "$WORK/$name.sst")
  read -r _ wal _ < <(stats < "$WORK/$name.wal")
  # Rates from the median time, with the range from the slowest and the fastest run.
  ROWS+=("$(awk -v n="$name" -v b="$blocks" -v t="$txs" -v g="$gas" -v lo="$tmin" -v md="$tmed" -v hi="$tmax" \
    -v w="$wall" -v sz="$(mib "$size")" -v sst="$(mib "$sst")" -v wal="$(mib "$wal")" -v runs="$RUNS" 'BEGIN {
    printf "| %s | %d | %d | %.1f | %d | %.1f / %.1f / %.1f | %.1f | %.0f (%.0f–%.0f) | %.0f (%.0f–%.0f) | %.1f (%.1f–%.1f) | %s | %s / %s |",
      n, b, t, g / 1e6, runs, lo, md, hi, w,
      b / md, b / hi, b / lo, t / md, t / hi, t / lo, g / md / 1e6, g / hi / 1e6, g / lo / 1e6, sz, sst, wal }')")
}

bench_chain geth-ethtest "$GETH_CHAIN"
bench_chain "generated-$BLOCKS" "$GEN"

{
  echo
  if [ -n "$REV" ]; then
    built="commit ${REV:0:7}"
  else
    built="working tree at $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- || echo ' with uncommitted changes')"
  fi
  echo "Chain import, $(date -u +%Y-%m-%d), $built;" \
    "$(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1))," \
    "$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM," \
    "$("$JAVA" -version 2>&1 | head -1)"
  echo
  echo "| chain | blocks | txs | Mgas | runs | import s (min / median / max) | process s (median) | blocks/s | tx/s | MGas/s | chaindata (median) | SST / WAL |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  printf '%s\n' "${ROWS[@]}"
} | tee "$RESULTS/import-bench.md"
