#!/usr/bin/env bash
# Compiles the benchmark contracts with the solc-js version pinned in package-lock.json
# and writes runtime bytecode, selectors and calldata into the bench module's resources.
# The outputs are committed, so the Maven build never needs npm; rerun this after
# changing a contract.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$HERE/../src/main/resources/org/linden/bench/contracts"
cd "$HERE"
npm ci --no-audit --no-fund --silent
node compile.js "$OUT"
