#!/usr/bin/env bash
# A fuzzing campaign: `fuzz/campaign.sh TARGET RUNS` runs TARGET for RUNS executions (one
# core, -s none, the target's dictionary) on its corpus (seeded by make-seeds.sh first) and
# appends one summary line to fuzz/campaign.log:
#   date target runs=... executed=... cov=... ft=... corpus=... seconds=... peak_rss_mb=... commit=... result=...
# The full libFuzzer output is in fuzz/logs/campaign-TARGET-DATE.log; a crash leaves its input in
# fuzz/artifacts/TARGET/ and the script exits non-zero.
set -euo pipefail
cd "$(dirname "$0")"
target=${1:?usage: campaign.sh TARGET RUNS}
runs=${2:?usage: campaign.sh TARGET RUNS}

./make-seeds.sh >/dev/null
# The code fuzzed: the commit, marked +dirty when the library or fuzz sources differ from it.
commit=$(git rev-parse --short HEAD)
git diff --quiet HEAD -- ../src . ':(exclude)campaign.log' || commit="$commit+dirty"
mkdir -p logs "corpus/$target"
cargo fuzz build -s none -a "$target"
# One log per run: two runs of one target may share its corpus at the same time.
log="logs/campaign-$target-$(date -u +%Y%m%dT%H%M%SZ).log"
start=$(date +%s)
status=0
cargo fuzz run -s none -a "$target" "corpus/$target" -- \
  -runs="$runs" -dict="$(./dict-for.sh "$target")" -rss_limit_mb=2048 -timeout=10 \
  -print_final_stats=1 >"$log" 2>&1 || status=$?
seconds=$(( $(date +%s) - start ))

stat() { grep -E "^stat::$1:" "$log" | awk '{print $2}' | tail -n 1; }
last=$(grep -E 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -n 1 || true)
cov=$(sed -nE 's/.*cov: ([0-9]+).*/\1/p' <<<"$last")
ft=$(sed -nE 's/.*ft: ([0-9]+).*/\1/p' <<<"$last")
corp=$(sed -nE 's/.*corp: ([0-9]+\/[0-9]+[a-zA-Z]*).*/\1/p' <<<"$last")
result=ok
[ "$status" -eq 0 ] || result="FAILED(exit $status, see $log)"
line="$(date -u +%Y-%m-%dT%H:%M:%SZ) $target runs=$runs executed=$(stat number_of_executed_units) cov=${cov:-?} ft=${ft:-?} corpus=${corp:-?} seconds=$seconds peak_rss_mb=$(stat peak_rss_mb) commit=$commit result=$result"
echo "$line" | tee -a campaign.log
[ "$status" -eq 0 ] || { tail -n 40 "$log"; exit "$status"; }
