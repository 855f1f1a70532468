#!/usr/bin/env bash
# Runs the benchmarks that feed docs/bench-report.md and writes the report with its SVG
# charts (docs/bench/*.svg). OpenSSL is measured in the same run (`openssl speed`).
#
#   benches/report.sh            # full run (about 10 minutes on 2 cores)
#   QUICK=1 benches/report.sh    # shorter measurement, noisier numbers
#
# Run it on a quiet machine: other load inflates every number (and the ratios less so,
# since OpenSSL is measured in the same run).
set -euo pipefail
cd "$(dirname "$0")/.."

measure=${QUICK:+2}; measure=${measure:-5}
warm=${QUICK:+1}; warm=${warm:-2}
out=target/bench-report
mkdir -p "$out"
rm -rf target/criterion

run_openssl() {
  openssl speed -seconds "$measure" rsa2048 ecdsap256 ecdsap384 2>/dev/null >"$out/openssl-$1.txt"
}

run_openssl before
cargo bench --features aws-lc --bench verify -- --warm-up-time "$warm" --measurement-time "$measure" \
  >"$out/verify.txt" 2>&1
cargo bench --features aws-lc --bench end_to_end -- --warm-up-time "$warm" --measurement-time "$measure" \
  >"$out/end_to_end.txt" 2>&1
run_openssl after
# The machine's own 2-way scaling for the same kind of work, as a yardstick for the batch API.
openssl speed -multi 2 -seconds "$measure" rsa2048 2>/dev/null >"$out/openssl-multi2.txt"

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "cores: $(nproc)"
  echo "memory: $(free -g | awk '/Mem:/ {print $2}') GiB"
  echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "rustc: $(rustc --version)"
  echo "openssl: $(openssl version)"
} >"$out/machine.txt"

python3 benches/report.py "$out" target/criterion docs/bench-report.md docs/bench
echo "wrote docs/bench-report.md"
