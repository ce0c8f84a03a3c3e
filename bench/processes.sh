# Sourced by the benchmark scripts that start nodes: a scratch directory and the processes a
# script starts, all stopped on exit however it exits — SIGTERM first (Linden then closes
# its database cleanly, and a JFR recording is written), SIGKILL after 30 s.
# Usage: bench_scratch NAME (sets WORK, starts PIDS); append each started pid to PIDS.
bench_scratch() {
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/linden-$1.XXXXXX")"
  PIDS=()
  trap bench_cleanup EXIT
  trap 'exit 130' INT TERM
}

# Stops every process in PIDS (they stay listed: clear PIDS before starting others).
bench_stop_all() {
  local pid i
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for i in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
}

bench_cleanup() {
  bench_stop_all
  rm -rf "$WORK"
}

# Does this process or one of its ancestors hold the flock on $1 (the shared Maven lock)?
bench_lock_held_by_ancestor() {
  local lock=$1 inode pid holders
  [ -e "$lock" ] || return 1
  inode=$(stat -c %i "$lock")
  holders=$(awk -v ino="$inode" '$2 == "FLOCK" && $6 ~ (":" ino "$") { print $5 }' /proc/locks)
  [ -n "$holders" ] || return 1
  pid=$$
  while [ -n "$pid" ] && [ "$pid" -gt 1 ]; do
    grep -qx "$pid" <<<"$holders" && return 0
    pid=$(awk '/^PPid:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
  done
  return 1
}
