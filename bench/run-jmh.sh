#!/usr/bin/env bash
# Builds the JMH benchmarks and runs them; extra arguments go to JMH (e.g. a benchmark
# name regex, or -f/-wi/-i to change forks and iterations). Results: bench/results/.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../scripts/jdk.sh
source "$ROOT/scripts/jdk.sh"
JAVA_HOME="$(linden_find_jdk)" || exit 1
export JAVA_HOME
cd "$ROOT"
./mvnw -B -q -DskipTests -pl bench -am install
mkdir -p bench/results
if [ "$#" -eq 0 ]; then
  set -- -f 1 -wi 2 -i 5 -w 1s -r 1s
fi
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar bench/target/benchmarks.jar \
  -rf json -rff bench/results/jmh.json "$@" | tee bench/results/jmh.txt
