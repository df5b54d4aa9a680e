import ZoneCore

/// A random 双向选择 round in the shape people enter one: each applicant's 志愿 in the order they
/// chose them, each department head's order as the position numbers typed beside applicants'
/// names (distinct, with gaps, typed in any order), and the planned number of every post (0 too).
/// Indices stand for the people and posts a test maps them to; the store and web property tests
/// enter the same instance and compare the stored result with the engine run on it directly and
/// with the `matching` reference.
public struct RandomRound: Sendable {
    public struct Rank: Sendable {
        public let applicant: Int
        public let position: Int
    }

    /// Planned number per post.
    public var capacities: [Int]
    /// Each applicant's posts, most wanted first; an applicant with none has not applied.
    public var choices: [[Int]]
    /// Each post's head's entries in the order they were typed; applicants left out are not ranked.
    public var ranks: [[Rank]]

    public static func make(applicants: ClosedRange<Int>, posts: ClosedRange<Int>, capacities: ClosedRange<Int>, maxChoices: Int,
                            using rng: inout some RandomNumberGenerator) -> RandomRound {
        let postCount = Int.random(in: posts, using: &rng), applicantCount = Int.random(in: applicants, using: &rng)
        let choices = (0..<applicantCount).map { _ in
            Array((0..<postCount).shuffled(using: &rng).prefix(Int.random(in: 0...min(maxChoices, postCount), using: &rng)))
        }
        let ranks = (0..<postCount).map { post -> [Rank] in
            // A head ranks most of a post's applicants, and now and then nobody.
            let applied = choices.indices.filter { choices[$0].contains(post) }
            let ranked = Int.random(in: 0..<8, using: &rng) == 0 ? [] : applied.filter { _ in Int.random(in: 0..<4, using: &rng) > 0 }
            let positions = Array((1...(3 * ranked.count + 3)).shuffled(using: &rng).prefix(ranked.count))
            return zip(ranked, positions).map { Rank(applicant: $0, position: $1) }.shuffled(using: &rng)
        }
        return RandomRound(capacities: (0..<postCount).map { _ in Int.random(in: capacities, using: &rng) }, choices: choices, ranks: ranks)
    }

    /// Applicants who chose at least one post: the ones a round knows of.
    public var applicants: [Int] { choices.indices.filter { !choices[$0].isEmpty } }

    /// A post's applicants best first, as the head's position numbers order them.
    public func ranking(of post: Int) -> [Int] { ranks[post].sorted { $0.position < $1.position }.map(\.applicant) }

    /// The same round as the engine's input, with people and posts under the given ids.
    public func input(people: [Int64], posts: [Int64]) -> RoundInput {
        RoundInput(posts: capacities.indices.map { .init(postID: posts[$0], capacity: capacities[$0], method: .mutualSelection) },
                   applications: Dictionary(uniqueKeysWithValues: applicants.map { (people[$0], choices[$0].map { posts[$0] }) }),
                   orderings: Dictionary(uniqueKeysWithValues: capacities.indices.filter { !ranks[$0].isEmpty }
                       .map { (posts[$0], ranking(of: $0).map { people[$0] }) }))
    }

    /// The same round in `zonedesk match`'s shape, for the reference.
    public func problem(people: [Int64], posts: [Int64]) -> MatchingProblem {
        MatchingProblem(applicants: applicants.map { .init(id: String(people[$0]), preferences: choices[$0].map { String(posts[$0]) }) },
                        posts: capacities.indices.map { .init(id: String(posts[$0]), capacity: capacities[$0],
                                                              ranking: ranking(of: $0).map { String(people[$0]) }) })
    }
}

extension MatchingOutcome {
    /// A round's result in the reference's shape.
    public init(_ result: RoundEngine.Result) {
        self.init(assignments: result.assignments.map { .init(applicant: String($0.key), post: String($0.value)) },
                  unassigned: result.unplaced.map(String.init))
    }
}
