/// A two-way selection round by id, in the fixed `zonedesk match` input shape:
///
/// ```json
/// {"applicants": [{"id": "a1", "preferences": ["p2", "p1"]}],
///  "posts":      [{"id": "p1", "capacity": 2, "ranking": ["a3", "a1"]}]}
/// ```
///
/// Preferences and rankings are best first. Ids are what people type and see; the engine works on
/// indices, so ``instance()`` resolves ids once, the integer ``StableMatching`` engine runs, and
/// ``outcome(postOf:)`` turns indices back into ids. `StableMatching.solve(_:)` does all three:
///
/// ```swift
/// let problem = MatchingProblem(
///     applicants: [.init(id: "a1", preferences: ["p1"]), .init(id: "a2", preferences: ["p1"])],
///     posts: [.init(id: "p1", capacity: 1, ranking: ["a2", "a1"])])
/// let outcome = try StableMatching.solve(problem)
/// // outcome.assignments == [.init(applicant: "a2", post: "p1")], outcome.unassigned == ["a1"]
/// ```
public struct MatchingProblem: Sendable, Equatable, Codable {
    public struct Applicant: Sendable, Equatable, Codable {
        public var id: String
        public var preferences: [String]

        public init(id: String, preferences: [String]) {
            self.id = id
            self.preferences = preferences
        }
    }

    public struct Post: Sendable, Equatable, Codable {
        public var id: String
        public var capacity: Int
        public var ranking: [String]

        public init(id: String, capacity: Int, ranking: [String]) {
            self.id = id
            self.capacity = capacity
            self.ranking = ranking
        }
    }

    public var applicants: [Applicant]
    public var posts: [Post]

    public init(applicants: [Applicant], posts: [Post]) {
        self.applicants = applicants
        self.posts = posts
    }

    /// Resolves ids to indices (applicants and posts numbered in input order). Refuses duplicate
    /// ids, references to unknown ids and negative capacities; duplicates inside a list are found
    /// by the engine and reported through ``error(for:)``.
    ///
    /// A capacity larger than the post's ranking is cut to the ranking's length: a post can hold
    /// only applicants it ranks, so this changes no result and keeps capacities in `Int32`.
    /// Ids compare as Swift strings: two canonically equivalent spellings (say "é" as one code
    /// point or as "e" plus a combining accent) are the same id, as they look the same on screen.
    public func instance() throws(MatchingError) -> MatchingInstance {
        var applicantIndex: [String: Int32] = [:]
        applicantIndex.reserveCapacity(applicants.count)
        for (index, applicant) in applicants.enumerated() {
            guard applicantIndex.updateValue(Int32(index), forKey: applicant.id) == nil else {
                throw .duplicateApplicant(applicant.id)
            }
        }
        var postIndex: [String: Int32] = [:]
        postIndex.reserveCapacity(posts.count)
        for (index, post) in posts.enumerated() {
            guard postIndex.updateValue(Int32(index), forKey: post.id) == nil else {
                throw .duplicatePost(post.id)
            }
        }

        var preferenceOffsets: [Int32] = [0]
        preferenceOffsets.reserveCapacity(applicants.count + 1)
        var preferences: [Int32] = []
        for applicant in applicants {
            for postID in applicant.preferences {
                guard let post = postIndex[postID] else {
                    throw .unknownPost(applicant: applicant.id, post: postID)
                }
                preferences.append(post)
            }
            preferenceOffsets.append(Int32(preferences.count))
        }

        var capacities: [Int32] = []
        capacities.reserveCapacity(posts.count)
        var rankingOffsets: [Int32] = [0]
        rankingOffsets.reserveCapacity(posts.count + 1)
        var rankings: [Int32] = []
        for post in posts {
            guard post.capacity >= 0 else {
                throw .negativeCapacity(post: post.id, capacity: post.capacity)
            }
            capacities.append(Int32(min(post.capacity, post.ranking.count)))
            for applicantID in post.ranking {
                guard let applicant = applicantIndex[applicantID] else {
                    throw .unknownApplicant(post: post.id, applicant: applicantID)
                }
                rankings.append(applicant)
            }
            rankingOffsets.append(Int32(rankings.count))
        }
        return MatchingInstance(preferenceOffsets: preferenceOffsets, preferences: preferences,
                                capacities: capacities, rankingOffsets: rankingOffsets, rankings: rankings)
    }

    /// The engine's complaint about ``instance()``'s output, in this problem's ids.
    public func error(for defect: MatchingInstance.Defect) -> MatchingError {
        switch defect {
        case .duplicatePreference(let applicant, let post):
            .duplicatePreference(applicant: applicants[applicant].id, post: posts[post].id)
        case .duplicateRanking(let post, let applicant):
            .duplicateRanking(post: posts[post].id, applicant: applicants[applicant].id)
        case .negativeCapacity(let post, let capacity):
            .negativeCapacity(post: posts[post].id, capacity: capacity)
        case .postOutOfRange, .applicantOutOfRange:
            // instance() only emits indices it has just resolved.
            preconditionFailure("resolved index out of range: \(defect)")
        }
    }

    /// Translates the engine's post-per-applicant array back into ids.
    public func outcome(postOf: [Int32]) -> MatchingOutcome {
        precondition(postOf.count == applicants.count, "one entry per applicant")
        var assignments: [MatchingOutcome.Assignment] = []
        assignments.reserveCapacity(applicants.count)
        var unassigned: [String] = []
        for (applicant, post) in zip(applicants, postOf) {
            if post == StableMatching.unassigned {
                unassigned.append(applicant.id)
            } else {
                assignments.append(.init(applicant: applicant.id, post: posts[Int(post)].id))
            }
        }
        return MatchingOutcome(assignments: assignments, unassigned: unassigned)
    }
}

extension StableMatching {
    /// Solves a round given by ids: ``MatchingProblem/instance()``, the integer engine, then
    /// ``MatchingProblem/outcome(postOf:)``. Throws the first problem found in the input.
    public static func solve(_ problem: MatchingProblem) throws(MatchingError) -> MatchingOutcome {
        let instance = try problem.instance()
        let postOf: [Int32]
        do {
            postOf = try solve(instance)
        } catch {
            throw problem.error(for: error)
        }
        return problem.outcome(postOf: postOf)
    }
}
