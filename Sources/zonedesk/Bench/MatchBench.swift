import ZoneCore

extension BenchCase {
    /// `match`: the two-way selection engine on `size` applicants and `size / 10` posts.
    /// The checksum is FNV-1a over the post index per applicant (-1 for none).
    static let match = BenchCase(name: "match", defaultSize: 50_000) { size in
        let instance = MatchBench.instance(applicants: size, seed: MatchBench.seed)
        var postOf: [Int32] = []
        let milliseconds = try Stopwatch.bestMilliseconds {
            postOf = try StableMatching.solve(instance)
        }
        return BenchResult(case: "match", size: size, engineMilliseconds: milliseconds,
                           checksum: Checksum.fnv1a64(postOf))
    }
}

/// The seeded data of the `match` case (the same recipe as `bench/gen_match.py`, though not the
/// same random stream).
enum MatchBench {
    static let seed: UInt64 = 20_250_601

    /// `applicants` applicants, `applicants / 10` posts (at least 1); each applicant lists
    /// `min(10, posts)` distinct random posts; each post ranks exactly the applicants that listed
    /// it, in random order; capacities are uniform in 1...2m-1 with m = 0.9 · applicants / posts,
    /// so about a tenth of the applicants stay unassigned and rejection chains are realistic.
    static func instance(applicants: Int, seed: UInt64) -> MatchingInstance {
        var rng = SeededGenerator(seed: seed)
        let postCount = max(1, applicants / 10)
        let choices = min(10, postCount)

        var preferenceOffsets: [Int32] = [0]
        preferenceOffsets.reserveCapacity(applicants + 1)
        var preferences: [Int32] = []
        preferences.reserveCapacity(applicants * choices)
        var listedBy = [[Int32]](repeating: [], count: postCount)
        for applicant in 0..<applicants {
            let start = preferences.count
            while preferences.count - start < choices {
                let post = Int32(Int.random(in: 0..<postCount, using: &rng))
                guard !preferences[start...].contains(post) else { continue }
                preferences.append(post)
                listedBy[Int(post)].append(Int32(applicant))
            }
            preferenceOffsets.append(Int32(preferences.count))
        }

        let meanCapacity = max(1, 9 * applicants / (10 * postCount))
        var capacities: [Int32] = []
        capacities.reserveCapacity(postCount)
        var rankingOffsets: [Int32] = [0]
        rankingOffsets.reserveCapacity(postCount + 1)
        var rankings: [Int32] = []
        rankings.reserveCapacity(preferences.count)
        for post in 0..<postCount {
            capacities.append(Int32(Int.random(in: 1...(2 * meanCapacity - 1), using: &rng)))
            rankings.append(contentsOf: listedBy[post].shuffled(using: &rng))
            rankingOffsets.append(Int32(rankings.count))
        }
        return MatchingInstance(preferenceOffsets: preferenceOffsets, preferences: preferences,
                                capacities: capacities, rankingOffsets: rankingOffsets, rankings: rankings)
    }
}
