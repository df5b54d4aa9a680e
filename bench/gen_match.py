#!/usr/bin/env python3
"""Write a seeded random `zonedesk match` input, shaped like `zonedesk bench --case match`.

    python3 bench/gen_match.py --size 50000 --seed 1 --out /tmp/match-50000.json

size applicants, size/10 posts; every applicant lists min(10, posts) distinct random posts;
every post ranks exactly the applicants that listed it, in random order; capacities are uniform
in 1..2m-1 with m = 0.9 * size / posts, so total capacity is about 0.9 * size and about a tenth
of the applicants stay unassigned, which keeps rejection chains realistic.
"""
import argparse
import json
import random


def generate(size, seed):
    rng = random.Random(seed)
    post_count = max(1, size // 10)
    choices = min(10, post_count)
    listers = [[] for _ in range(post_count)]
    applicants = []
    for a in range(size):
        picked = rng.sample(range(post_count), choices)
        for p in picked:
            listers[p].append(f"a{a}")
        applicants.append({"id": f"a{a}", "preferences": [f"p{p}" for p in picked]})
    mean = max(1, 9 * size // (10 * post_count))
    posts = []
    for p in range(post_count):
        ranking = listers[p]
        rng.shuffle(ranking)
        posts.append({"id": f"p{p}", "capacity": rng.randint(1, 2 * mean - 1), "ranking": ranking})
    return {"applicants": applicants, "posts": posts}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=50000, help="number of applicants (default 50000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", required=True, help="output JSON file")
    args = parser.parse_args()
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(generate(args.size, args.seed), f, separators=(",", ":"))


if __name__ == "__main__":
    main()
