# Sourced by the side-by-side benchmark scripts: a scratch directory and the processes a
# script starts, all stopped on exit however it exits — SIGTERM first (Linden then closes
# its database cleanly, and a JFR recording is written), SIGKILL after 30 s.
# Usage: bench_scratch NAME (sets WORK, starts PIDS); append each started pid to PIDS.
bench_scratch() {
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/linden-$1.XXXXXX")"
  PIDS=()
  trap bench_cleanup EXIT
  trap 'exit 130' INT TERM
}

bench_cleanup() {
  local pid i
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for i in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
