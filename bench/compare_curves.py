#!/usr/bin/env python3
"""Compares the loss curves of two run folders (train_log.csv and metrics.csv), step by step. Standard library only.

  python3 bench/compare_curves.py RUN_A RUN_B --label "cpu vs cuda" [--tolerance 0.02]

Prints one JSON line: the largest relative difference of the logged mean training loss and of the held-out loss at
the checkpoints both runs share, the final values, and whether the largest difference is within --tolerance.
"""
import argparse
import csv
import json
import math
import os
import sys


def read_column(path, column):
    """{step: value} of a CSV written by MetricsLog (NaN cells skipped)."""
    values = {}
    if not os.path.exists(path):
        return values
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            try:
                v = float(row[column])
            except (KeyError, TypeError, ValueError):
                continue
            if not math.isnan(v):
                values[int(float(row["step"]))] = v
    return values


def relative_differences(a, b):
    """{step: |a - b| / |a|} over the steps both have."""
    return {s: abs(a[s] - b[s]) / max(abs(a[s]), 1e-12) for s in sorted(set(a) & set(b))}


def compare(run_a, run_b, tolerance):
    out = {}
    for name, file, column in (("train", "train_log.csv", "train_loss"), ("eval", "metrics.csv", "eval_loss")):
        a = read_column(os.path.join(run_a, file), column)
        b = read_column(os.path.join(run_b, file), column)
        diffs = relative_differences(a, b)
        if not diffs:
            out[name] = {"points": 0}
            continue
        worst = max(diffs, key=diffs.get)
        last = max(diffs)
        out[name] = {"points": len(diffs), "maxRelativeDifference": diffs[worst], "atStep": worst,
                     "lastStep": last, "last": [a[last], b[last]], "first": [a[min(diffs)], b[min(diffs)]]}
    worst = max((v.get("maxRelativeDifference", math.inf) for v in out.values()), default=math.inf)
    out["withinTolerance"] = worst <= tolerance
    out["tolerance"] = tolerance
    return out


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("run_a")
    p.add_argument("run_b")
    p.add_argument("--label", default="")
    p.add_argument("--tolerance", type=float, default=0.02, help="largest relative loss difference accepted")
    args = p.parse_args(argv)
    result = {"label": args.label, "a": args.run_a, "b": args.run_b, **compare(args.run_a, args.run_b, args.tolerance)}
    print(json.dumps(result))
    return 0 if result["withinTolerance"] else 1


if __name__ == "__main__":
    sys.exit(main())
