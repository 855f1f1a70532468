#!/usr/bin/env bash
# CI smoke run: every fuzz target for FUZZ_SECONDS (default 30) on stable (-s none), seeded
# from the committed vectors. A crash makes cargo fuzz exit non-zero, failing CI.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${FUZZ_SECONDS:-30}

if ! command -v cargo-fuzz >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi
./make-seeds.sh
mkdir -p logs
for target in $(cargo fuzz list); do
  echo "--- fuzz smoke: $target (${seconds}s)"
  mkdir -p "corpus/$target"
  log="logs/$target.log"
  if ! cargo fuzz run -s none "$target" "corpus/$target" -- \
      -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 >"$log" 2>&1; then
    tail -n 60 "$log"
    echo "fuzz smoke: $target FAILED (crash, leak, timeout or build error above)"
    exit 1
  fi
  grep -E '^stat::(number_of_executed_units|peak_rss_mb)' "$log" || true
done
