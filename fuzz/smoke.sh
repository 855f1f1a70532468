#!/usr/bin/env bash
# CI smoke run: every fuzz target for FUZZ_SECONDS (default 30) on stable (-s none), seeded
# from the committed vectors, with the target's dictionary. A crash, leak, timeout or build
# failure makes cargo fuzz exit non-zero, and this script fails with the log's tail.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${FUZZ_SECONDS:-30}

if ! command -v cargo-fuzz >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi
./make-seeds.sh
mkdir -p logs
cargo fuzz build -s none -a
for target in $(cargo fuzz list); do
  echo "--- fuzz smoke: $target (${seconds}s)"
  mkdir -p "corpus/$target"
  log="logs/$target.log"
  if ! cargo fuzz run -s none -a "$target" "corpus/$target" -- \
      -dict="$(./dict-for.sh "$target")" -max_total_time="$seconds" -rss_limit_mb=2048 \
      -timeout=10 -print_final_stats=1 >"$log" 2>&1; then
    tail -n 60 "$log"
    echo "fuzz smoke: $target FAILED (crash, leak, timeout or build error above)"
    exit 1
  fi
  grep -E '^stat::(number_of_executed_units|peak_rss_mb)' "$log" || true
  grep -E 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -n 1 || true
done
