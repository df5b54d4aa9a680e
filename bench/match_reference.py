#!/usr/bin/env python3
"""Plain-Python deferred acceptance for `zonedesk match` input: the readable reference.

Same semantics as ZoneDesk's StableMatching engine: applicant-optimal stable many-to-one
matching; an applicant can only get a post that is on its list *and* ranks it; a post with
capacity 0 takes nobody. Written the way one would write it in Python without tuning it to
lose — dicts for ranks and a heap per post — so the benchmark ratio against it is fair.

    python3 bench/match_reference.py INPUT.json            # prints the output JSON
    python3 bench/match_reference.py INPUT.json --time     # also the best-of-3 seconds on stderr
"""
import argparse
import heapq
import json
import sys
import time


def solve(problem):
    """Return {"assignments": {applicant: post}, "unassigned": [applicant, ...]}."""
    posts = problem["posts"]
    applicants = problem["applicants"]
    capacity = {post["id"]: post["capacity"] for post in posts}
    rank = {post["id"]: {a: r for r, a in enumerate(post["ranking"])} for post in posts}
    prefs = {applicant["id"]: applicant["preferences"] for applicant in applicants}
    for applicant_id, wanted in prefs.items():
        for post_id in wanted:
            if post_id not in rank:
                raise ValueError(f"applicant {applicant_id!r} lists unknown post {post_id!r}")
    for post in posts:
        for applicant_id in post["ranking"]:
            if applicant_id not in prefs:
                raise ValueError(f"post {post['id']!r} ranks unknown applicant {applicant_id!r}")

    next_choice = dict.fromkeys(prefs, 0)
    held = {post_id: [] for post_id in capacity}  # max-heap of (-rank, applicant): worst on top
    free = [applicant["id"] for applicant in reversed(applicants)]
    while free:
        applicant = free.pop()
        wanted = prefs[applicant]
        while next_choice[applicant] < len(wanted):
            post = wanted[next_choice[applicant]]
            next_choice[applicant] += 1
            r = rank[post].get(applicant)
            if r is None or capacity[post] == 0:
                continue
            heap = held[post]
            if len(heap) < capacity[post]:
                heapq.heappush(heap, (-r, applicant))
                break
            if -heap[0][0] > r:
                _, displaced = heapq.heapreplace(heap, (-r, applicant))
                free.append(displaced)
                break

    assignments = {applicant: post for post, heap in held.items() for _, applicant in heap}
    unassigned = sorted(a for a in prefs if a not in assignments)
    return {"assignments": dict(sorted(assignments.items())), "unassigned": unassigned}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input")
    parser.add_argument("--time", action="store_true", help="print best-of-3 solve seconds to stderr")
    args = parser.parse_args()
    with open(args.input, encoding="utf-8") as f:
        problem = json.load(f)
    best = float("inf")
    for _ in range(3 if args.time else 1):
        start = time.perf_counter()
        result = solve(problem)
        best = min(best, time.perf_counter() - start)
    if args.time:
        print(json.dumps({"seconds": best}), file=sys.stderr)
    json.dump(result, sys.stdout, ensure_ascii=False, sort_keys=True)
    print()


if __name__ == "__main__":
    main()
