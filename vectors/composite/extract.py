#!/usr/bin/env python3
"""Extract test cases from the Composite ML-DSA draft's test vectors.

Usage: extract.py testvectors.json COMMIT TCID... > draft-testvectors-extract.json

Keeps the message `m` and, for each named tcId, the composite public key `pk`, the
self-signed certificate `x5c` and the signature `s` (private keys are dropped).
Standard library only.
"""
import json
import sys


def main() -> None:
    source, commit, *tc_ids = sys.argv[1:]
    with open(source, encoding="utf-8") as f:
        data = json.load(f)
    by_id = {t["tcId"]: t for t in data["tests"]}
    out = {
        "source": f"lamps-wg/draft-composite-sigs src/testvectors.json at commit {commit}",
        "m": data["m"],
        "tests": [
            {k: by_id[tc][k] for k in ("tcId", "pk", "x5c", "s")} for tc in tc_ids
        ],
    }
    json.dump(out, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
