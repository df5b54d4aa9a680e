#!/usr/bin/env python3
"""numpy reference for `zonedesk bench --case appraise-pay`: the same rules on the same data.

    python3 bench/appraise_pay_reference.py --size 1000000        # prints one JSON line
    python3 bench/appraise_pay_reference.py --size 20000 --runs 1

It regenerates the Swift case's inputs from the same seed (SplitMix64 ported to numpy uint64, one
stream per field, `below(x, n) = ((x >> 32) * n) >> 32`), then runs, vectorised:

  1. KPI scoring: linear to target capped at 120%, thresholds, bonus and penalty items, veto;
     kpi = clamp(round_half_up(sum(w * points) / 100) + bonus - penalty, 0, 10000) in hundredths.
  2. Person score: round_half_up((60 kpi + 10 peer + 20 leader + 10 worklog) / 100).
  3. Forced distribution per group (ranking = not vetoed, score desc, seniority desc, id asc):
     threshold grades, top cap 20% (25% in approved groups) and bottom floor 5% with half-up
     rounding, cap = min(rounded cap, size - floor), veto -> last grade, bottom band -> 不合格;
     ties at a cut counted and flagged.
  4. Department coefficients by score band, person weights = post coefficient x score (0 for
     不合格), zone pool -> packages (headcount x coefficient) -> people by largest remainder,
     ties in remainders to the lower index; a package whose people all weigh 0 stays unallocated.

Data generation is not timed. The checksum is FNV-1a 64 over, per person, the pay as 8
little-endian bytes and the grade byte — the same bytes the Swift case hashes. Written as idiomatic
numpy (masks, lexsort, cumsum segment sums), not tuned to lose or to win.
"""
import argparse
import json
import sys
import time

import numpy as np

SEED = 20_250_607
MAX_GROUPS = 5_000
INDICATORS = 10
SHEETS = 4
POOL_PER_PERSON = 2_400_037
LEVEL_COEFFICIENTS = np.array([2_000, 1_600, 1_300, 1_100, 1_000], dtype=np.int64)
CATEGORY_COEFFICIENTS = np.array([1_000, 1_300, 1_000, 1_000], dtype=np.int64)

GAMMA = 0x9E3779B97F4A7C15
STREAM = 0xD1B54A32D192ED03
MASK64 = (1 << 64) - 1

# Grades (毕节): 优秀 >= 90, 合格 >= 70, 基本合格 >= 60, 不合格.
GRADE_MIN = [9_000, 7_000, 6_000, 0]
TOP_RANK, BOTTOM_RANK, LAST_RANK = 0, 3, 3
CAP, APPROVED_CAP, FLOOR = 2_000, 2_500, 500  # ten-thousandths
NO_INCENTIVE = [False, False, False, True]
WEIGHTS = (60, 10, 20, 10)
BANDS = [(95, 1_500), (90, 1_300), (85, 1_200), (80, 1_100), (70, 1_000), (60, 800), (0, 500)]

LINEAR, THRESHOLDS, BONUS, PENALTY, VETO = 0, 1, 2, 3, 4


# ---------------------------------------------------------------- data (the Swift recipe, ported)

def splitmix64(seed, n):
    """The first n outputs of SeededGenerator(seed): state_k = seed + k * gamma, then the mix."""
    z = np.arange(1, n + 1, dtype=np.uint64) * np.uint64(GAMMA) + np.uint64(seed & MASK64)
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


def stream(k, n, seed=SEED):
    return splitmix64((seed + k * STREAM) & MASK64, n)


def below(x, n):
    return (((x >> np.uint64(32)) * np.asarray(n, dtype=np.uint64)) >> np.uint64(32)).astype(np.int64)


def target(sheet, slot):
    return 10_000 * (slot + 1) * (sheet + 2)


def catalog():
    """Four sheets x 10 indicators, as arrays indexed by indicator id (sheet * 10 + slot)."""
    n = SHEETS * INDICATORS
    c = {name: np.zeros(n, dtype=np.int64) for name in
         ("kind", "weight", "target", "cap_actual", "cap_points", "per_item", "item_max")}
    steps = [(9_000, 10_000), (7_500, 8_500), (6_000, 7_000), (0, 4_000)]
    c["step_min"] = np.full((n, len(steps)), np.iinfo(np.int64).max, dtype=np.int64)
    c["step_points"] = np.zeros((n, len(steps)), dtype=np.int64)
    linear_weights = [20, 15, 15, 10, 10]
    for sheet in range(SHEETS):
        for slot in range(INDICATORS):
            i = sheet * INDICATORS + slot
            if slot < 5:
                t = target(sheet, slot)
                c["kind"][i], c["weight"][i], c["target"][i] = LINEAR, linear_weights[slot], t
                c["cap_actual"][i], c["cap_points"][i] = (t * 120 + 99) // 100, 12_000
            elif slot < 7:
                c["kind"][i], c["weight"][i] = THRESHOLDS, 15
                for s, (minimum, points) in enumerate(steps):
                    c["step_min"][i, s], c["step_points"][i, s] = minimum, points
            elif slot == 7:
                c["kind"][i], c["per_item"][i], c["item_max"][i] = BONUS, 50, 200
            elif slot == 8:
                c["kind"][i], c["per_item"][i], c["item_max"][i] = PENALTY, 100, 300
            else:
                c["kind"][i] = VETO
    return c


def generate(n, seed=SEED):
    groups_n = min(MAX_GROUPS, n)
    group = below(stream(1, n, seed), groups_n)
    category = below(stream(2, n, seed), SHEETS)
    level = below(stream(3, n, seed), len(LEVEL_COEFFICIENTS))
    seniority = below(stream(4, n, seed), 481)

    x = stream(5, n * INDICATORS, seed).reshape(n, INDICATORS)
    actuals = np.empty((n, INDICATORS), dtype=np.int64)
    for slot in range(5):
        t = target(category, slot)
        actuals[:, slot] = t * 3 // 5 + below(x[:, slot], t * 4 // 5 + 1)
    for slot in (5, 6):
        actuals[:, slot] = 5_000 + below(x[:, slot], 5_001)
    actuals[:, 7] = np.maximum(0, below(x[:, 7], 10) - 6)
    actuals[:, 8] = np.maximum(0, below(x[:, 8], 10) - 7)
    actuals[:, 9] = (below(x[:, 9], 1_000) == 0).astype(np.int64)
    indicators = (category[:, None] * INDICATORS + np.arange(INDICATORS)[None, :]).astype(np.int32)

    months = below(stream(8, n, seed), 5) + 8
    level_c = LEVEL_COEFFICIENTS[level]
    category_c = CATEGORY_COEFFICIENTS[category]
    return {
        "groups_n": groups_n,
        "group": group.astype(np.int32),
        "offsets": np.arange(0, (n + 1) * INDICATORS, INDICATORS, dtype=np.int64),
        "indicators": indicators.ravel(),
        "actuals": actuals.ravel(),
        "peer": 7_000 + below(stream(6, n, seed), 3_001),
        "leader": 7_000 + below(stream(7, n, seed), 3_001),
        "worklog": (2 * months * 10_000 + 12) // 24,
        "seniority": seniority,
        "dept_score": 6_000 + below(stream(9, groups_n, seed), 4_001),
        "post_coefficient": (level_c // 1000) * category_c + (2 * (level_c % 1000) * category_c + 1000) // 2000,
        "approved": (np.arange(groups_n) % 50) == 7,
        "pool": n * POOL_PER_PERSON,
    }


# ---------------------------------------------------------------- engine (timed)

def half_up(numerator, denominator):
    return (2 * numerator + denominator) // (2 * denominator)


def kpi_scores(offsets, indicators, actuals, cat):
    kind = cat["kind"][indicators]
    points = np.zeros(len(indicators), dtype=np.int64)

    m = kind == LINEAR
    i = indicators[m]
    a = np.clip(actuals[m], 0, cat["cap_actual"][i])
    points[m] = np.minimum(half_up(a * 10_000, cat["target"][i]), cat["cap_points"][i])

    m = kind == THRESHOLDS
    i, a = indicators[m], actuals[m]
    p = np.zeros(len(i), dtype=np.int64)
    done = np.zeros(len(i), dtype=bool)
    for s in range(cat["step_min"].shape[1]):
        hit = ~done & (a >= cat["step_min"][i, s])
        p[hit] = cat["step_points"][i, s][hit]
        done |= hit
    points[m] = p

    adjustment = np.zeros(len(indicators), dtype=np.int64)
    for k, sign in ((BONUS, 1), (PENALTY, -1)):
        m = kind == k
        i = indicators[m]
        limit = cat["item_max"][i]
        adjustment[m] = sign * np.minimum(np.minimum(np.maximum(actuals[m], 0), limit) * cat["per_item"][i], limit)
    veto_hit = (kind == VETO) & (actuals > 0)

    starts = offsets[:-1]
    weight = cat["weight"][indicators]
    weight_total = np.add.reduceat(weight, starts)
    bad = np.flatnonzero(weight_total != 100)
    if len(bad):
        raise ValueError(f"person {bad[0]}: indicator weights sum to {weight_total[bad[0]]}, not 100")
    weighted = np.add.reduceat(weight * points, starts)
    kpi = half_up(weighted, 100) + np.add.reduceat(adjustment, starts)
    vetoed = np.logical_or.reduceat(veto_hit, starts)
    return np.clip(kpi, 0, 10_000), vetoed


def round_count(share, size):
    """Half-up head count for `share` ten-thousandths of `size` people."""
    return (share * size * 2 + 10_000) // 20_000


def distribute(score, group, groups_n, vetoed, seniority, approved):
    n = len(score)
    ids = np.arange(n)
    order = np.lexsort((ids, -seniority, -score, vetoed, group))
    g = group[order]
    s = score[order]
    v = vetoed[order]
    size = np.bincount(group, minlength=groups_n)
    start = np.concatenate(([0], np.cumsum(size)[:-1]))
    pos = ids - start[g]
    veto_count = np.bincount(group, weights=vetoed, minlength=groups_n).astype(np.int64)

    rounded_cap = round_count(np.where(approved, APPROVED_CAP, CAP), size)
    floor_count = np.minimum(size, round_count(FLOOR, size))
    cap_count = np.minimum(rounded_cap, size - floor_count)
    band_start = size - floor_count

    lut = np.full(10_001, LAST_RANK, dtype=np.uint8)
    for rank in reversed(range(len(GRADE_MIN))):
        lut[GRADE_MIN[rank]:] = rank
    rank = lut[s]
    eligible = ~v & (rank <= TOP_RANK)
    rank[eligible & (pos >= cap_count[g])] = TOP_RANK + 1
    rank[v] = LAST_RANK
    band = pos >= band_start[g]
    rank[band] = np.maximum(rank[band], BOTTOM_RANK)
    grades = np.empty(n, dtype=np.uint8)
    grades[order] = rank
    eligible_count = np.bincount(g[eligible], minlength=groups_n)

    # Ties: equal, non-vetoed scores on both sides of a cut.
    ranked_count = size - veto_count
    tie_score = []
    for cut, applies in ((cap_count, (cap_count > 0) & (eligible_count > cap_count)),
                         (band_start, floor_count > 0)):
        applies = applies & (cut > 0) & (cut < ranked_count)
        at = np.clip(start + cut, 1, max(n - 1, 1))  # only read where it applies, then in range
        applies &= (s[at] == s[at - 1]) if n > 1 else False
        tie_score.append(np.where(applies, s[at] if n > 1 else -1, -1))
    flagged = ~vetoed & ((score == tie_score[0][group]) | (score == tie_score[1][group]))
    return grades, {
        "demoted": int((eligible_count - np.minimum(eligible_count, cap_count)).sum()),
        "vetoed": int(veto_count.sum()),
        "ties": int((tie_score[0] >= 0).sum() + (tie_score[1] >= 0).sum()),
        "flagged": int(flagged.sum()),
    }


def largest_remainder(total, weights):
    """One amount split by weights: floors, then the leftover to the largest remainders, lower index first."""
    weight_sum = int(weights.sum())
    if weight_sum == 0:
        raise ValueError("all weights are zero")
    if total * int(weights.max()) >= 2 ** 63:
        raise OverflowError("total x weight does not fit in int64")
    share, remainder = np.divmod(total * weights, weight_sum)
    leftover = total - int(share.sum())
    order = np.lexsort((np.arange(len(weights)), -remainder))
    share[order[:leftover]] += 1
    return share


def split_people(packages, dept, weights):
    """Each package split among its department's people; all-zero departments stay unallocated."""
    n, depts = len(dept), len(packages)
    order = np.argsort(dept, kind="stable")
    d = dept[order]
    w = weights[order]
    size = np.bincount(dept, minlength=depts)
    end = np.cumsum(size)
    start = end - size
    cw = np.concatenate(([0], np.cumsum(w)))
    weight_sum = cw[end] - cw[start]
    if int(packages.max(initial=0)) * int(w.max(initial=0)) >= 2 ** 63:
        raise OverflowError("package x weight does not fit in int64")
    payable = weight_sum > 0
    share, remainder = np.divmod(packages[d] * w, np.where(payable, weight_sum, 1)[d])
    cs = np.concatenate(([0], np.cumsum(share)))
    leftover = np.where(payable, packages - (cs[end] - cs[start]), 0)
    ranked = np.lexsort((-remainder, d))  # stable: equal remainders keep index order
    position = np.arange(n) - start[d[ranked]]
    share[ranked[position < leftover[d[ranked]]]] += 1
    pay = np.empty(n, dtype=np.int64)
    pay[order] = np.where(payable[d], share, 0)
    return pay, np.where(payable, 0, packages)


def engine(data, cat):
    kpi, vetoed = kpi_scores(data["offsets"], data["indicators"], data["actuals"], cat)
    wk, wp, wl, ww = WEIGHTS
    score = half_up(wk * kpi + wp * data["peer"] + wl * data["leader"] + ww * data["worklog"], 100)
    grades, stats = distribute(score, data["group"], data["groups_n"], vetoed, data["seniority"], data["approved"])

    band_lut = np.zeros(10_001, dtype=np.int64)
    for minimum, value in reversed(BANDS):
        band_lut[minimum * 100:] = value
    coefficient = band_lut[data["dept_score"]]
    weights = data["post_coefficient"] * score * np.where(np.array(NO_INCENTIVE)[grades], 0, 1)

    headcount = np.bincount(data["group"], minlength=data["groups_n"])
    packages = largest_remainder(data["pool"], headcount * coefficient)
    pay, unallocated = split_people(packages, data["group"], weights)
    stats.update(pool=int(data["pool"]), packages=packages, unallocated=unallocated)
    return pay, grades, stats


# ---------------------------------------------------------------- checksum and CLI

def fnv1a64(pay, grades):
    record = np.empty(len(pay), dtype=[("pay", "<i8"), ("grade", "u1")])
    record["pay"], record["grade"] = pay, grades
    h = 0xCBF29CE484222325
    for byte in record.tobytes():
        h = ((h ^ byte) * 0x100000001B3) & MASK64
    return f"{h:016x}"


def measure(size, runs=3, seed=SEED):
    """Returns (summary dict, best engine seconds)."""
    data = generate(size, seed)
    cat = catalog()
    best, result = float("inf"), None
    for _ in range(runs):
        start = time.perf_counter()
        result = engine(data, cat)
        best = min(best, time.perf_counter() - start)
    pay, grades, stats = result
    packages, unallocated = stats.pop("packages"), stats.pop("unallocated")
    assert int(packages.sum()) == stats["pool"], "packages do not sum to the pool"
    per_department = unallocated.copy()
    np.add.at(per_department, data["group"], pay)
    assert np.array_equal(per_department, packages), "people do not sum to their package"
    summary = {
        "case": "appraise-pay", "size": size, "engine_ms": round(best * 1000, 3),
        "checksum": fnv1a64(pay, grades),
        "pool_fen": stats["pool"], "paid_fen": int(pay.sum()), "unallocated_fen": int(unallocated.sum()),
        "grade_counts": np.bincount(grades, minlength=len(GRADE_MIN)).tolist(),
        "demoted": stats["demoted"], "vetoed": stats["vetoed"], "ties": stats["ties"], "flagged": stats["flagged"],
    }
    return summary, best


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    summary, _ = measure(args.size, args.runs)
    print(json.dumps(summary, separators=(",", ":"), ensure_ascii=False))


if __name__ == "__main__":
    sys.exit(main())
