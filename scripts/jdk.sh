# Sourced by ./linden and ./run-tests: finds a JDK 21 or newer.
# Order: $JAVA_HOME, then the newest under /usr/lib/jvm (LINDEN_JVM_DIR), then javac on the PATH.

linden_java_major() { # $1 = JDK home; prints the major version or nothing
  local home=$1 v=""
  [ -x "$home/bin/java" ] || return 0
  if [ -f "$home/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$home/release")
  fi
  if [ -z "$v" ]; then
    v=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -1)
  fi
  [ "$v" = "1" ] && v=8
  echo "$v"
}

linden_find_jdk() { # prints a JDK home (with javac) of version 21+, or fails with a message
  local candidates=() c v
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for c in $(ls -d "${LINDEN_JVM_DIR:-/usr/lib/jvm}"/*/ 2>/dev/null | sed 's:/$::' | sort -rV); do candidates+=("$c"); done
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for c in "${candidates[@]}"; do
    v=$(linden_java_major "$c")
    if [ -n "$v" ] && [ "$v" -ge 21 ] && [ -x "$c/bin/javac" ]; then
      echo "$c"
      return 0
    fi
  done
  echo "linden: no JDK 21 or newer found (looked at \$JAVA_HOME, /usr/lib/jvm/*, and javac on the PATH)." >&2
  echo "linden: install one (for example Debian's openjdk-21-jdk or Temurin 21+) or set JAVA_HOME to it." >&2
  return 1
}
