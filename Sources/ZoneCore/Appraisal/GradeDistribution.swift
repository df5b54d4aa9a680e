/// Forced distribution (强制分布): grades every person from their score, then applies the
/// policy's cap on the top grade and floor on the bottom band within each comparison group.
///
/// Within a group, members are ranked by score (higher first) and equal scores are settled by the
/// policy's declared tie rule (``ForcedDistribution/tieBreak``): seniority (longer first) if the rule
/// names it, then id (lower first). The id is the person's position in the input arrays, so callers
/// pass people in id order. People vetoed by a 一票否决 item rank after everyone else. Then:
///
/// 1. Each person gets the grade their score earns by thresholds (``GradeScheme``).
/// 2. **Floor**: the last `floorCount` ranked members form the bottom band (末位), where
///    `floorCount = rounding(floor × size)`; if the band names a grade they get it (or keep a worse
///    one), otherwise they are only marked (潍坊 后5%).
/// 3. **Cap**: at most `capCount = min(rounding(cap × size), size − floorCount)` members keep the top
///    grade (or better); the next ones who earned it by score move one grade down. `cap` is the
///    approved higher share (≤ 25%) for groups in `approvedGroups`. Limiting the cap by the floor
///    settles tiny groups where rounding would make both apply to the same person: the floor is a
///    "at least", the cap an "at most", and both hold when the cap gives way.
/// 4. **Veto**: vetoed people get the scheme's last grade (不合格 / 不称职 / 不及格).
///
/// Rounding (``RoundingRule``) is the policy's and matters most for small groups. With a 20% cap
/// and a 5% floor:
///
/// | size | floor: cap, floor | half_up: cap, floor | at_least_one: cap, floor |
/// |------|-------------------|---------------------|--------------------------|
/// | 1    | 0, 0              | 0, 0                | 0, 1                     |
/// | 2    | 0, 0              | 0, 0                | 1, 1                     |
/// | 3    | 0, 0              | 1, 0                | 1, 1                     |
/// | 4    | 0, 0              | 1, 0                | 1, 1                     |
/// | 10   | 2, 0              | 2, 1                | 2, 1                     |
///
/// A cut that falls between equal scores was decided by the tie rule rather than the score; it is
/// reported in ``DistributionOutcome/ties`` and everyone with that score in the group is in
/// ``DistributionOutcome/flagged`` for review. The result depends only on the inputs: the same
/// data always gives the same grades.
///
/// ```swift
/// let policy = try PolicyLoader.load(path: "policies/xinyu.yaml")
/// let outcome = try GradeDistribution.assign(
///     scores: [9_500, 9_200, 9_200, 8_000, 7_500, 6_100, 9_800, 8_800, 8_500, 8_300],
///     groups: [Int32](repeating: 0, count: 10), groupCount: 1,
///     seniority: [Int32](repeating: 120, count: 10),
///     grades: policy.appraisal.grades, distribution: policy.appraisal.distribution)
/// // half_up: cap 20% × 10 = 2 (persons 6 and 0 stay 优秀; 1 and 2 earned it but move to 良好),
/// // floor 5% × 10 = 0.5 → 1: person 5 is 末位 and gets 不及格.
/// // outcome.tallies[0] == GroupTally(size: 10, vetoed: 0, approvedCap: false, roundedCap: 2,
/// //                                   capCount: 2, floorCount: 1, eligible: 4, top: 2)
/// ```
///
/// Complexity: O(n + G) time and O(n) memory: one counting sort buckets people by group, then each
/// group is sorted by one packed 64-bit key (veto, score, seniority, id) with a byte-wise radix
/// sort, which is linear and — unlike a comparison sort on random scores — never mispredicts a
/// branch. A million people in 5,000 groups take a few tens of milliseconds.
public enum GradeDistribution {
    public static func assign(
        scores: [Int32], groups: [Int32], groupCount: Int, vetoed: [Bool] = [], seniority: [Int32] = [],
        grades: GradeScheme, distribution: ForcedDistribution, approvedGroups: Set<Int32> = []
    ) throws(AppraisalError) -> DistributionOutcome {
        let count = scores.count
        precondition(groups.count == count, "one group per person")
        precondition(vetoed.isEmpty || vetoed.count == count, "vetoed is empty or one flag per person")
        precondition(seniority.isEmpty || seniority.count == count, "seniority is empty or one value per person")
        precondition(count < Int(Int32.max), "fewer than 2³¹ people (ids live in the ranking key)")
        precondition(groupCount >= 0 && groupCount < Int(Int32.max), "groupCount out of range")
        precondition(grades.grades.count <= Int(UInt8.max), "too many grades")

        guard let topRank = grades.rank(of: distribution.top.grade) else { throw .unknownGrade(distribution.top.grade) }
        var bottomRank: Int?
        if let key = distribution.bottom?.grade {
            guard let rank = grades.rank(of: key) else { throw .unknownGrade(key) }
            bottomRank = rank
        }
        let lastRank = UInt8(grades.grades.count - 1)
        let demotedRank = UInt8(min(topRank + 1, Int(lastRank)))
        let usesSeniority = distribution.tieBreak.contains(.seniority)
        if usesSeniority, seniority.isEmpty { throw .seniorityMissing }

        // Validate before any work, so a refusal names the first bad row.
        for person in 0..<count {
            guard (0...ScoreScale.full).contains(scores[person]) else {
                throw .scoreOutOfRange(person: person, score: scores[person])
            }
            guard UInt32(bitPattern: groups[person]) < UInt32(groupCount) else {
                throw .unknownGroup(person: person, group: groups[person])
            }
            if usesSeniority, !(0...0xFFFF).contains(seniority[person]) {
                throw .seniorityOutOfRange(person: person, months: seniority[person])
            }
        }
        var approved = [Bool](repeating: false, count: groupCount)
        for group in approvedGroups {
            guard UInt32(bitPattern: group) < UInt32(groupCount) else { throw .unknownApprovedGroup(group) }
            approved[Int(group)] = true
        }

        // Threshold grade of every possible score, so grading is one table read.
        var gradeOfScore = [UInt8](repeating: lastRank, count: Int(ScoreScale.full) + 1)
        for score in 0...Int(ScoreScale.full) {
            gradeOfScore[score] = UInt8(grades.grades.firstIndex { $0.minScore * 100 <= score } ?? Int(lastRank))
        }

        // Bucket people by group with a counting sort, writing each member's ranking key as it
        // goes: ascending key = ranking order (not vetoed first, higher score, longer seniority,
        // lower id), with the id itself in the low 32 bits, so the key is all a group needs.
        // Writing keys here reads the inputs in order; each bucket fills front to back, so the
        // scattered writes stay in cache.
        var starts = [Int32](repeating: 0, count: groupCount + 1)
        for group in groups { starts[Int(group) + 1] += 1 }
        var largest: Int32 = 0
        for group in 0..<groupCount {
            largest = max(largest, starts[group + 1])
            starts[group + 1] += starts[group]
        }
        var keys = [UInt64](repeating: 0, count: count)
        do {
            var cursor = starts
            scores.withUnsafeBufferPointer { scores in
            groups.withUnsafeBufferPointer { groups in
            vetoed.withUnsafeBufferPointer { vetoed in
            seniority.withUnsafeBufferPointer { seniority in
            cursor.withUnsafeMutableBufferPointer { cursor in
            keys.withUnsafeMutableBufferPointer { keys in
                for person in 0..<count {
                    let group = Int(groups[person])
                    let at = Int(cursor[group])
                    cursor[group] += 1
                    let veto = !vetoed.isEmpty && vetoed[person]
                    let months = usesSeniority ? UInt64(seniority[person]) : 0
                    keys[at] = (veto ? 1 << 63 : 0)
                        | UInt64(Int(ScoreScale.full) - Int(scores[person])) << 48
                        | (0xFFFF - months) << 32
                        | UInt64(person)
                }
            }}}}}}
        }

        var gradeOut = [UInt8](repeating: 0, count: count)
        var bottomOut = [Bool](repeating: false, count: count)
        var tallies: [GroupTally] = []
        tallies.reserveCapacity(groupCount)
        var ties: [BoundaryTie] = []
        // Only the digits that can differ need sorting: veto and score (16 bits), plus seniority
        // when the tie rule uses it; ids are already ascending within each bucket.
        let sorter = RankingSort(capacity: Int(largest), sortedBits: usesSeniority ? 32 : 16)
        defer { sorter.deallocate() }

        gradeOfScore.withUnsafeBufferPointer { gradeOfScore in
        gradeOut.withUnsafeMutableBufferPointer { gradeOut in
        bottomOut.withUnsafeMutableBufferPointer { bottomOut in
        keys.withUnsafeMutableBufferPointer { keys in
            for group in 0..<groupCount {
                let start = Int(starts[group])
                let size = Int(starts[group + 1]) - start
                let ranked = UnsafeMutableBufferPointer(rebasing: keys[start..<(start + size)])
                sorter.sort(ranked)
                var vetoCount = 0
                while vetoCount < size, ranked[size - 1 - vetoCount] >> 63 != 0 { vetoCount += 1 }

                let share = approved[group] ? distribution.top.approvedCap : distribution.top.cap
                let roundedCap = distribution.rounding.count(share, of: size)
                let floorCount = min(size, distribution.bottom.map { distribution.rounding.count($0.floor, of: size) } ?? 0)
                let capCount = min(roundedCap, size - floorCount)
                let bandStart = size - floorCount
                @inline(__always) func score(at position: Int) -> Int32 {
                    Int32(ScoreScale.full) - Int32(truncatingIfNeeded: (ranked[position] >> 48) & 0x7FFF)
                }
                @inline(__always) func person(at position: Int) -> Int {
                    Int(truncatingIfNeeded: ranked[position] & 0xFFFF_FFFF)
                }

                var eligible = 0
                let rankedCount = size - vetoCount
                for position in 0..<size {
                    let who = person(at: position)
                    var rank: UInt8
                    if position >= rankedCount {
                        rank = lastRank
                    } else {
                        rank = gradeOfScore[Int(score(at: position))]
                        if Int(rank) <= topRank {
                            eligible += 1
                            if position >= capCount { rank = demotedRank }
                        }
                    }
                    if position >= bandStart {
                        bottomOut[who] = true
                        if let bottomRank, Int(rank) < bottomRank { rank = UInt8(bottomRank) }
                    }
                    gradeOut[who] = rank
                }

                // A cut between two equal, non-vetoed scores was made by the tie rule.
                func tie(at cut: Int, _ boundary: BoundaryTie.Boundary) {
                    guard cut > 0, cut < rankedCount, score(at: cut - 1) == score(at: cut) else { return }
                    let shared = score(at: cut)
                    var low = cut - 1
                    while low > 0, score(at: low - 1) == shared { low -= 1 }
                    var high = cut
                    while high + 1 < rankedCount, score(at: high + 1) == shared { high += 1 }
                    let people = (low...high).map { Int32(person(at: $0)) }.sorted()
                    ties.append(BoundaryTie(group: Int32(group), boundary: boundary, score: shared, people: people))
                }
                if capCount > 0, eligible > capCount { tie(at: capCount, .top) }
                if floorCount > 0 { tie(at: bandStart, .bottom) }

                tallies.append(GroupTally(size: Int32(size), vetoed: Int32(vetoCount), approvedCap: approved[group],
                                          roundedCap: Int32(roundedCap), capCount: Int32(capCount),
                                          floorCount: Int32(floorCount), eligible: Int32(eligible),
                                          top: Int32(min(eligible, capCount))))
            }
        }}}}

        var flagged = ties.flatMap(\.people)
        flagged.sort()
        var unique: [Int32] = []
        unique.reserveCapacity(flagged.count)
        for id in flagged where unique.last != id { unique.append(id) }
        return DistributionOutcome(grades: gradeOut, bottomBand: bottomOut, tallies: tallies, ties: ties, flagged: unique)
    }
}
