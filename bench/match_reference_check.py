#!/usr/bin/env python3
"""Solve `zonedesk match` inputs with the PyPI `matching` package (HospitalResident,
resident-optimal), as an independent check of ZoneDesk's engine.

    python3 bench/match_reference_check.py PROBLEMS.json [--time]

PROBLEMS.json holds one input object or a list of them; stdout gets the outputs in the same
shape (`{"assignments": {...}, "unassigned": [...]}`), one object or a list. With --time the
solve seconds (pre-filtering, building the game and solving; not JSON parsing) go to stderr.
Exit status 3 if `matching` is not installed.

Why the input is pre-filtered, and why that cannot change the answer
----------------------------------------------------------------------
`matching` 1.4 requires that every hospital ranks exactly the residents that rank it, that every
preference list is non-empty and every capacity at least 1; otherwise it warns and may crash
(capacity 0 makes it take the "worst match" of an empty list; an empty list makes a resident
take `prefs[0]`). ZoneDesk accepts all of these. So before handing an instance over we:

  1. drop posts with capacity 0, and every mention of them;
  2. keep a pair (applicant, post) only if the applicant lists the post *and* the post ranks the
     applicant (dropping one-sided mentions, order otherwise kept);
  3. drop applicants and posts whose lists are then empty (such applicants are reported
     unassigned).

In ZoneDesk's semantics a pair can be matched only if it survives steps 1–2, and a blocking pair
needs a mutually acceptable pair whose post either has a free seat or holds someone worse — a
capacity-0 post has neither. So the filtered and the original instance have the same feasible
matchings and the same blocking pairs, hence the same set of stable matchings and the same
applicant-optimal one. Relative order inside each list is unchanged, so every preference between
the remaining pairs is unchanged too. Step 3 removes only players with no acceptable partner,
who are unmatched in every matching.
"""
import argparse
import json
import sys
import threading
import time
import warnings


def prefilter(problem):
    """Return (resident_prefs, hospital_prefs, capacities) in the shape `matching` accepts."""
    open_posts = {post["id"]: post for post in problem["posts"] if post["capacity"] > 0}
    ranked_by = {post_id: set(post["ranking"]) for post_id, post in open_posts.items()}
    resident_prefs = {}
    for applicant in problem["applicants"]:
        applicant_id = applicant["id"]
        acceptable = [p for p in applicant["preferences"] if p in ranked_by and applicant_id in ranked_by[p]]
        if acceptable:
            resident_prefs[applicant_id] = acceptable
    listed = {a: set(prefs) for a, prefs in resident_prefs.items()}
    hospital_prefs, capacities = {}, {}
    for post_id, post in open_posts.items():
        ranking = [a for a in post["ranking"] if a in listed and post_id in listed[a]]
        if ranking:
            hospital_prefs[post_id] = ranking
            capacities[post_id] = post["capacity"]
    return resident_prefs, hospital_prefs, capacities


def solve(problem):
    from matching.games import HospitalResident

    resident_prefs, hospital_prefs, capacities = prefilter(problem)
    assignments = {}
    if resident_prefs:
        game = HospitalResident.create_from_dictionaries(resident_prefs, hospital_prefs, capacities)
        for hospital, residents in game.solve(optimal="resident").items():
            for resident in residents:
                assignments[resident.name] = hospital.name
    unassigned = sorted(a["id"] for a in problem["applicants"] if a["id"] not in assignments)
    return {"assignments": dict(sorted(assignments.items())), "unassigned": unassigned}


def solve_all_with_deep_stack(problems):
    """Solve every problem; return (results, seconds).

    `matching` deep-copies its players, whose preference lists point at each other, so the copy
    recurses about as deep as there are players: past Python's default limit (1000) from roughly
    a thousand applicants. Raise the limit, and run in a thread with a big C stack so the deeper
    recursion cannot overflow it.
    """
    outcome = {}

    def work():
        start = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the pre-filter already removed what `matching` warns about
            outcome["results"] = [solve(problem) for problem in problems]
        outcome["seconds"] = time.perf_counter() - start

    sys.setrecursionlimit(1_000_000)
    threading.stack_size(1 << 30)
    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    if "results" not in outcome:
        sys.exit(1)  # the thread has printed its traceback
    return outcome["results"], outcome["seconds"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input")
    parser.add_argument("--time", action="store_true", help="print solve seconds to stderr")
    args = parser.parse_args()
    try:
        import matching  # noqa: F401
    except ImportError:
        print("match_reference_check: the `matching` package is not installed (pip install matching)", file=sys.stderr)
        sys.exit(3)
    with open(args.input, encoding="utf-8") as f:
        data = json.load(f)
    problems = data if isinstance(data, list) else [data]
    results, seconds = solve_all_with_deep_stack(problems)
    if args.time:
        print(json.dumps({"seconds": seconds}), file=sys.stderr)
    json.dump(results if isinstance(data, list) else results[0], sys.stdout, ensure_ascii=False, sort_keys=True)
    print()


if __name__ == "__main__":
    main()
