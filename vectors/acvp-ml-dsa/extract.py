#!/usr/bin/env python3
"""Extract ML-DSA sigVer (FIPS 204) test cases from NIST ACVP-Server JSON.

Usage:
  extract.py prompt.json expectedResults.json COMMIT [TCID ...] > ml-dsa-sigver-extract.json

Keeps the test groups with signatureInterface "external" and preHash "pure" (what this
crate's ML-DSA API verifies: pure ML-DSA with a context string); within them the named
tcIds, or every case when none are named. Each case gets its testPassed verdict from
expectedResults.json. Standard library only.
"""
import json
import sys


def main() -> None:
    prompt_path, results_path, commit, *wanted = sys.argv[1:]
    wanted = {int(t) for t in wanted}
    with open(prompt_path, encoding="utf-8") as f:
        prompt = json.load(f)
    with open(results_path, encoding="utf-8") as f:
        results = json.load(f)
    verdicts = {
        t["tcId"]: t["testPassed"] for g in results["testGroups"] for t in g["tests"]
    }
    groups = []
    for g in prompt["testGroups"]:
        if g.get("signatureInterface") != "external" or g.get("preHash") != "pure":
            continue
        tests = [
            {
                "tcId": t["tcId"],
                "pk": t["pk"],
                "message": t["message"],
                "context": t["context"],
                "signature": t["signature"],
                "testPassed": verdicts[t["tcId"]],
            }
            for t in g["tests"]
            if not wanted or t["tcId"] in wanted
        ]
        if tests:
            groups.append(
                {
                    "tgId": g["tgId"],
                    "parameterSet": g["parameterSet"],
                    "signatureInterface": g["signatureInterface"],
                    "preHash": g["preHash"],
                    "tests": tests,
                }
            )
    out = {
        "source": "usnistgov/ACVP-Server gen-val/json-files/ML-DSA-sigVer-FIPS204/"
        f"{{prompt,expectedResults}}.json at commit {commit}",
        "testGroups": groups,
    }
    json.dump(out, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
