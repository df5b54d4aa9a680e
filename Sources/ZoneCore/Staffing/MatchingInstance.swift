/// A two-way selection (双向选择) problem in integer, struct-of-arrays form: the input of
/// ``StableMatching/solve(_:)``.
///
/// Applicants and posts are numbered `0..<applicantCount` and `0..<postCount`. Both sides' lists are
/// stored in compressed sparse row (CSR) layout — one flat array of entries plus an offsets array —
/// instead of `[[Int]]`, so a 50,000-applicant instance is five flat allocations rather than 55,000
/// little arrays, and the engine walks memory in order. A dense post × applicant rank table would be
/// simpler to index but needs 250 million cells at 50k × 5k; CSR stays proportional to the lists.
///
/// ```swift
/// // Applicant 0 prefers post 1, then post 0; post 0 holds one and ranks applicant 1 above 0.
/// let instance = MatchingInstance(
///     preferences: [[1, 0], [0]],
///     capacities: [1, 1],
///     rankings: [[1, 0], [0]])
/// let posts = try StableMatching.solve(instance)   // [1, 0]
/// ```
public struct MatchingInstance: Sendable, Equatable {
    /// Applicant `a`'s preference list, best first, is
    /// `preferences[preferenceOffsets[a] ..< preferenceOffsets[a + 1]]` (post indices).
    public let preferenceOffsets: [Int32]
    public let preferences: [Int32]
    /// Seats per post; 0 is allowed and means the post takes nobody.
    public let capacities: [Int32]
    /// Post `p`'s ranking, best first, is `rankings[rankingOffsets[p] ..< rankingOffsets[p + 1]]`
    /// (applicant indices). An applicant missing from it is unacceptable to the post.
    public let rankingOffsets: [Int32]
    public let rankings: [Int32]

    public var applicantCount: Int { preferenceOffsets.count - 1 }
    public var postCount: Int { capacities.count }

    /// Takes the CSR arrays as they are. The *shape* is a programming error if wrong (offsets must
    /// start at 0, never decrease and end at the entry count) and traps; the *values* (indices in
    /// range, no duplicates, capacity ≥ 0) are data and are checked by ``StableMatching/solve(_:)``,
    /// which throws a ``MatchingInstance/Defect``.
    public init(preferenceOffsets: [Int32], preferences: [Int32], capacities: [Int32],
                rankingOffsets: [Int32], rankings: [Int32]) {
        precondition(Self.isCSR(preferenceOffsets, entries: preferences.count),
                     "preferenceOffsets must start at 0, be non-decreasing and end at preferences.count")
        precondition(rankingOffsets.count == capacities.count + 1
                     && Self.isCSR(rankingOffsets, entries: rankings.count),
                     "rankingOffsets must have one more element than capacities and frame rankings")
        self.preferenceOffsets = preferenceOffsets
        self.preferences = preferences
        self.capacities = capacities
        self.rankingOffsets = rankingOffsets
        self.rankings = rankings
    }

    /// Convenience for small instances (tests, examples): one array per applicant and per post.
    public init(preferences: [[Int]], capacities: [Int], rankings: [[Int]]) {
        precondition(capacities.count == rankings.count, "one ranking per post")
        let (prefOffsets, prefs) = Self.flatten(preferences)
        let (rankOffsets, ranks) = Self.flatten(rankings)
        self.init(preferenceOffsets: prefOffsets, preferences: prefs,
                  capacities: capacities.map { Int32(clamping: $0) },
                  rankingOffsets: rankOffsets, rankings: ranks)
    }

    private static func flatten(_ lists: [[Int]]) -> (offsets: [Int32], entries: [Int32]) {
        var offsets: [Int32] = [0]
        offsets.reserveCapacity(lists.count + 1)
        var entries: [Int32] = []
        for list in lists {
            // Out-of-range values become -1 so that solve(_:) reports them instead of trapping here.
            entries.append(contentsOf: list.map { Int32(exactly: $0) ?? -1 })
            offsets.append(Int32(entries.count))
        }
        return (offsets, entries)
    }

    private static func isCSR(_ offsets: [Int32], entries: Int) -> Bool {
        guard offsets.first == 0, Int(offsets.last!) == entries else { return false }
        return zip(offsets, offsets.dropFirst()).allSatisfy { $0 <= $1 }
    }

    /// Why an instance cannot be solved, in indices. ``MatchingProblem`` translates these into ids.
    public enum Defect: Error, Equatable, Sendable {
        case postOutOfRange(applicant: Int, post: Int)
        case applicantOutOfRange(post: Int, applicant: Int)
        case negativeCapacity(post: Int, capacity: Int)
        case duplicatePreference(applicant: Int, post: Int)
        case duplicateRanking(post: Int, applicant: Int)
    }
}
