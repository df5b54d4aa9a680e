#!/usr/bin/env python3
"""Run `zonedesk bench --case appraise-pay` and its numpy reference side by side; print the ratio.

    python3 bench/run_appraise_pay.py                        # 1,000,000 people, 5,000 groups
    python3 bench/run_appraise_pay.py --sizes 10000,1000000
    python3 bench/run_appraise_pay.py --zonedesk /path/to/zonedesk

For each size, in one run of this script:

  * `zonedesk bench --case appraise-pay --size N` (release build) generates the seeded data, runs
    KPI scoring → person scores → forced distribution → department coefficients → pool → 5,000
    packages → people (largest remainder), and prints engine_ms (best of 5, generation excluded)
    and the checksum (FNV-1a 64 over every person's pay in fen and grade); its totals come on stderr;
  * bench/appraise_pay_reference.py regenerates the same data from the same seed in numpy and runs
    the same rules, best of --runs, generation excluded.

Both must agree fen for fen: the checksums and every total (pool, paid, unallocated, grade counts,
demoted, vetoed, boundary ties, flagged people) are compared; any difference is printed and the
exit status is 1. The goal (issue #8) is Swift at least 10x faster than numpy.
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import appraise_pay_reference  # noqa: E402

COMPARED = ("checksum", "pool_fen", "paid_fen", "unallocated_fen", "grade_counts", "demoted", "vetoed", "ties", "flagged")


def default_zonedesk():
    for build in (".build", ".build-match"):
        path = os.path.join(ROOT, build, "release", "zonedesk")
        if os.access(path, os.X_OK):
            return path
    return os.path.join(ROOT, ".build", "release", "zonedesk")


def run_zonedesk(zonedesk, size):
    proc = subprocess.run([zonedesk, "bench", "--case", "appraise-pay", "--size", str(size)],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"zonedesk bench failed ({proc.returncode}): {proc.stderr.strip()}")
    line = json.loads(proc.stdout.strip().splitlines()[-1])
    totals = json.loads(proc.stderr.strip().splitlines()[-1])
    return {**totals, **line}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    parser.add_argument("--sizes", default="1000000", help="comma-separated people counts (default 1000000)")
    parser.add_argument("--runs", type=int, default=3, help="numpy runs per size, best is reported (default 3)")
    parser.add_argument("--zonedesk", default=default_zonedesk(), help="zonedesk release binary")
    args = parser.parse_args()
    if not os.access(args.zonedesk, os.X_OK):
        sys.exit(f"no zonedesk binary at {args.zonedesk}; build it with "
                 "`swift build -c release --product zonedesk` or pass --zonedesk")

    rows, failed = [], False
    for size in (int(s) for s in args.sizes.split(",")):
        swift = run_zonedesk(args.zonedesk, size)
        print(f"size {size:,}: zonedesk {swift['engine_ms']:.1f} ms; running numpy ...", file=sys.stderr, flush=True)
        numpy, _ = appraise_pay_reference.measure(size, args.runs)
        mismatches = [f"{key}: zonedesk {swift.get(key)} vs numpy {numpy.get(key)}"
                      for key in COMPARED if swift.get(key) != numpy.get(key)]
        if mismatches:
            failed = True
            print(f"size {size:,}: MISMATCH\n  " + "\n  ".join(mismatches), file=sys.stderr)
        rows.append((size, swift, numpy, not mismatches))

    header = ("people", "groups", "zonedesk engine ms", "numpy engine ms", "numpy/zonedesk", "identical",
              "paid ¥", "unallocated ¥", "grades 优/合/基/不", "ties", "flagged", "checksum")
    table = [header]
    for size, swift, numpy, same in rows:
        table.append((f"{size:,}", f"{min(5_000, size):,}", f"{swift['engine_ms']:.1f}", f"{numpy['engine_ms']:.1f}",
                      f"{numpy['engine_ms'] / swift['engine_ms']:.1f}×", "yes" if same else "NO",
                      f"{swift['paid_fen'] / 100:,.2f}", f"{swift['unallocated_fen'] / 100:,.2f}",
                      "/".join(str(n) for n in swift["grade_counts"]), str(swift["ties"]), str(swift["flagged"]),
                      swift["checksum"]))
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    print()
    for i, row in enumerate(table):
        print("  ".join(cell.rjust(w) for cell, w in zip(row, widths)))
        if i == 0:
            print("  ".join("-" * w for w in widths))
    print()
    print("engine ms = scoring + distribution + coefficients + pay split, data generation excluded;")
    print(f"zonedesk best of 5, numpy best of {args.runs}. identical = same checksum (every person's fen and grade) and totals.")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
