#!/usr/bin/env python3
"""Run ZoneDesk's matching engine side by side with two Python implementations and print ratios.

    python3 bench/run.py                         # 50,000 applicants / 5,000 posts
    python3 bench/run.py --sizes 2000,5000,50000 --matching-timeout 300
    python3 bench/run.py --zonedesk /path/to/zonedesk

For each size it generates one seeded instance (bench/gen_match.py) and solves it with

  * `zonedesk match --time` (release build; default .build-match/release/zonedesk, else
    .build/release/zonedesk): engine_ms is the integer engine alone, best of 5; solve_ms is ids in
    to ids out (resolving ids, engine, building the output; not JSON parsing), best of 3;
  * bench/match_reference.py, plain-Python deferred acceptance, in this process, best of 3
    (same span as solve_ms: dict input to dict output);
  * the PyPI `matching` package (bench/match_reference_check.py), once, in a child process
    killed after --matching-timeout seconds (default 120): its input checks compare every
    resident with every hospital, so its time grows about quadratically (≈3 s at 5,000
    applicants here, ≈16 min at 50,000 on a busy 2-core machine); the table then says skipped.
    Pass --matching-timeout 1800 to wait for it.

All outputs that exist must be identical (the applicant-optimal stable matching is unique);
any difference is printed and the exit status is 1. `zonedesk bench --case match` runs the same
engine on Swift-generated data and is printed for reference.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import gen_match  # noqa: E402
import match_reference  # noqa: E402


def default_zonedesk():
    for build in (".build-match", ".build"):
        path = os.path.join(ROOT, build, "release", "zonedesk")
        if os.access(path, os.X_OK):
            return path
    return os.path.join(ROOT, ".build-match", "release", "zonedesk")


def run_zonedesk(zonedesk, input_path, output_path):
    proc = subprocess.run([zonedesk, "match", "--input", input_path, "--output", output_path, "--time"],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"zonedesk match failed ({proc.returncode}): {proc.stderr.strip()}")
    timing = json.loads(proc.stderr.strip().splitlines()[-1])
    with open(output_path, encoding="utf-8") as f:
        return json.load(f), timing["engine_ms"], timing["solve_ms"]


def run_reference(problem):
    best, result = float("inf"), None
    for _ in range(3):
        start = time.perf_counter()
        result = match_reference.solve(problem)
        best = min(best, time.perf_counter() - start)
    return result, best


def run_matching(input_path, timeout):
    """Return (result, seconds, note); result is None when skipped."""
    script = os.path.join(HERE, "match_reference_check.py")
    try:
        proc = subprocess.run([sys.executable, script, input_path, "--time"],
                              capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, None, f"skipped: did not finish within {timeout:g} s"
    if proc.returncode == 3:
        return None, None, "skipped: `matching` not installed (pip install matching)"
    if proc.returncode != 0:
        return None, None, f"failed: {proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else proc.returncode}"
    seconds = json.loads(proc.stderr.strip().splitlines()[-1])["seconds"]
    return json.loads(proc.stdout), seconds, ""


def differences(name, result, expected):
    """A short description of how `result` differs from `expected`, or None."""
    if result == expected:
        return None
    a, b = result["assignments"], expected["assignments"]
    wrong = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
    return f"{name} differs on {len(wrong)} applicants, e.g. " + ", ".join(
        f"{k}: {a.get(k)} vs {b.get(k)}" for k in wrong[:5])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    parser.add_argument("--sizes", default="50000", help="comma-separated applicant counts (default 50000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--zonedesk", default=default_zonedesk(), help="zonedesk release binary")
    parser.add_argument("--matching-timeout", type=float, default=120, help="seconds before giving up on `matching`")
    args = parser.parse_args()
    if not os.access(args.zonedesk, os.X_OK):
        sys.exit(f"no zonedesk binary at {args.zonedesk}; build it with "
                 "`swift build -c release --scratch-path .build-match --product zonedesk` or pass --zonedesk")

    rows, notes, failed = [], [], False
    with tempfile.TemporaryDirectory(prefix="zonedesk-bench-") as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            problem = gen_match.generate(size, args.seed)
            input_path = os.path.join(tmp, f"match-{size}.json")
            with open(input_path, "w", encoding="utf-8") as f:
                json.dump(problem, f, separators=(",", ":"))

            zd_result, engine_ms, solve_ms = run_zonedesk(args.zonedesk, input_path, os.path.join(tmp, f"out-{size}.json"))
            ref_result, ref_s = run_reference(problem)
            print(f"size {size}: zonedesk engine {engine_ms:.2f} ms, solve {solve_ms:.1f} ms; "
                  f"python reference {ref_s:.3f} s; running `matching` ...", file=sys.stderr, flush=True)
            mt_result, mt_s, note = run_matching(input_path, args.matching_timeout)
            if note:
                notes.append(f"size {size}: `matching` {note}")

            for problem_note in (differences("zonedesk match", zd_result, ref_result),
                                 mt_result is not None and differences("`matching`", mt_result, ref_result) or None):
                if problem_note:
                    failed = True
                    notes.append(f"size {size}: MISMATCH: {problem_note}")
            identical = "no" if failed else ("all 3" if mt_result is not None else "zonedesk = reference")
            rows.append((size, engine_ms, solve_ms, ref_s, mt_s, identical,
                         len(zd_result["assignments"]), len(zd_result["unassigned"])))

        bench = subprocess.run([args.zonedesk, "bench", "--case", "match", "--size", str(rows[-1][0])],
                               capture_output=True, text=True)

    print()
    header = ("applicants", "posts", "zonedesk engine ms", "zonedesk solve ms", "python ref s", "matching s",
              "ref/engine", "ref/solve", "matching/engine", "identical", "assigned", "unassigned")
    table = [header]
    for size, engine_ms, solve_ms, ref_s, mt_s, identical, assigned, unassigned in rows:
        table.append((f"{size:,}", f"{max(1, size // 10):,}", f"{engine_ms:.2f}", f"{solve_ms:.1f}", f"{ref_s:.3f}",
                      "—" if mt_s is None else f"{mt_s:.2f}",
                      f"{ref_s * 1000 / engine_ms:,.0f}×", f"{ref_s * 1000 / solve_ms:,.1f}×",
                      "—" if mt_s is None else f"{mt_s * 1000 / engine_ms:,.0f}×",
                      identical, f"{assigned:,}", f"{unassigned:,}"))
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    for i, row in enumerate(table):
        print("  ".join(cell.rjust(w) for cell, w in zip(row, widths)))
        if i == 0:
            print("  ".join("-" * w for w in widths))
    print()
    print("engine = integer engine alone, best of 5; solve = ids in to ids out, best of 3 (no JSON parsing);")
    print("python ref = bench/match_reference.py, best of 3, same span as solve; matching = PyPI `matching`, once.")
    for note in notes:
        print(note)
    print(f"zonedesk bench: {bench.stdout.strip() or bench.stderr.strip()}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
