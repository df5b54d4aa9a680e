/// Decides an appointment round: direct appointments first, then every post ranks its applicants
/// (the head's order, or weighted scores), then the applicant-optimal stable matching fills the
/// rest. 社会招聘 posts hire their best-scored external candidates up to the planned number. The
/// declared tie rule is: higher score, then more archive seniority, then lower person id
/// (candidates have no archive, so their ties go by the order they were entered in).
///
/// ```swift
/// let result = try RoundEngine.run(RoundInput(posts: [.init(postID: 1, capacity: 1, method: .mutualSelection)],
///                                             applications: [7: [1]], orderings: [1: [7]]))
/// result.assignments   // [7: 1]
/// ```
public enum RoundEngine {
    public struct Ranked: Sendable, Equatable, Codable {
        public let personID: Int64
        /// Weighted score in hundredths, when ranked by score.
        public let score: Int?
        /// How this person's place relative to the one above was decided, when it was a tie.
        public let tieBreak: String?
    }

    public struct Result: Sendable, Equatable, Codable {
        public let assignments: [Int64: Int64]
        public let unplaced: [Int64]
        public let rankings: [Int64: [Ranked]]
        /// For each unplaced applicant, why: which posts filled above them.
        public let explanations: [Int64: [String]]
        /// 社会招聘: hired candidate id → post, and each post's order of its scored candidates.
        public let hired: [Int64: Int64]
        public let candidateRankings: [Int64: [Ranked]]
    }

    public static func run(_ input: RoundInput) throws(MatchingError) -> Result {
        var capacity = Dictionary(uniqueKeysWithValues: input.posts.map { ($0.postID, $0.capacity) })
        var assignments: [Int64: Int64] = [:]
        for (person, post) in input.direct.sorted(by: { $0.key < $1.key }) where (capacity[post] ?? 0) > 0 {
            assignments[person] = post
            capacity[post]! -= 1
        }
        var rankings: [Int64: [Ranked]] = [:]
        let applicants = input.applications.keys.filter { assignments[$0] == nil }.sorted()
        for setup in input.posts where setup.method.takesApplications {
            let applied = applicants.filter { input.applications[$0]!.contains(setup.postID) }
            rankings[setup.postID] = rank(setup, applied: applied, input: input)
        }
        var hired: [Int64: Int64] = [:]
        var candidateRankings: [Int64: [Ranked]] = [:]
        for setup in input.posts where setup.method == .openRecruitment {
            let ranking = ordered((input.candidates[setup.postID] ?? [:]).map { ($0.key, $0.value) }, seniority: nil)
            candidateRankings[setup.postID] = ranking
            for candidate in ranking.prefix(setup.capacity) { hired[candidate.personID] = setup.postID }
        }
        let problem = MatchingProblem(
            applicants: applicants.map { .init(id: String($0), preferences: input.applications[$0]!.filter { rankings[$0] != nil }.map(String.init)) },
            posts: input.posts.filter(\.method.takesApplications).map {
                .init(id: String($0.postID), capacity: capacity[$0.postID] ?? 0, ranking: rankings[$0.postID]!.map { String($0.personID) })
            })
        let outcome = try StableMatching.solve(problem)
        for assignment in outcome.assignments { assignments[Int64(assignment.applicant)!] = Int64(assignment.post)! }
        let unplaced = outcome.unassigned.map { Int64($0)! }.sorted()
        var explanations: [Int64: [String]] = [:]
        for person in unplaced {
            explanations[person] = input.applications[person]!.map { post in
                guard let ranking = rankings[post], let position = ranking.firstIndex(where: { $0.personID == person }) else {
                    return "岗位\(post)：用人单位未将您列入拟聘排序"
                }
                let above = ranking[..<position].filter { assignments[$0.personID] == post }.count
                let me = ranking[position]
                let score = me.score.map { "综合成绩\(FixedPoint.format($0, places: 2))，" } ?? ""
                return "岗位\(post)：\(score)排第\(position + 1)名\(me.tieBreak.map { "（\($0)）" } ?? "")，已由排名靠前的\(above)人聘满（计划\(capacity[post] ?? 0)人）"
            }
        }
        return Result(assignments: assignments, unplaced: unplaced, rankings: rankings, explanations: explanations,
                      hired: hired, candidateRankings: candidateRankings)
    }

    /// A post's order of applicants: the head's explicit order if given, else weighted score
    /// (applicants without scores are not ranked), ties by seniority then id.
    static func rank(_ setup: RoundInput.PostSetup, applied: [Int64], input: RoundInput) -> [Ranked] {
        if setup.method == .mutualSelection, let order = input.orderings[setup.postID] {
            let set = Set(applied)
            return order.filter(set.contains).map { Ranked(personID: $0, score: nil, tieBreak: nil) }
        }
        let scored: [(Int64, Int)] = applied.compactMap { person in
            input.scores[setup.postID]?[person].map { (person, weighted($0, examWeight: setup.examWeight)) }
        }
        return ordered(scored, seniority: { input.seniority[$0] ?? Int.max })
    }

    /// (id, score) pairs by the tie rule: score, then seniority (when there is an archive to read
    /// it from), then id.
    static func ordered(_ scored: [(Int64, Int)], seniority: ((Int64) -> Int)?) -> [Ranked] {
        let years = seniority ?? { _ in 0 }
        let sorted = scored.sorted { a, b in
            (a.1, -years(a.0), -a.0) > (b.1, -years(b.0), -b.0)
        }
        // Everyone in a group of equal scores is told so, and by what the group was ordered.
        let groups = Dictionary(grouping: sorted, by: \.1)
        return sorted.map { entry in
            let group = groups[entry.1]!
            var tie: String?
            if group.count > 1 {
                let rule = seniority == nil ? "按登记顺序排序"
                    : Set(group.map { years($0.0) }).count == group.count ? "按档案资历排序" : "按档案资历、人员编号排序"
                tie = "与\(group.count - 1)人同分，" + rule
            }
            return Ranked(personID: entry.0, score: entry.1, tieBreak: tie)
        }
    }

    /// Exam × w + interview × (100 − w), in hundredths, rounded half up.
    public static func weighted(_ score: RoundInput.Score, examWeight: Int) -> Int {
        (score.exam * examWeight + score.interview * (100 - examWeight) + 50) / 100
    }
}

extension RoundEngine.Result {
    enum CodingKeys: String, CodingKey {
        case assignments, unplaced, rankings, explanations, hired, candidateRankings
    }

    /// Results stored before 社会招聘 existed have no candidate keys; they read as none hired.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(assignments: try c.decode([Int64: Int64].self, forKey: .assignments), unplaced: try c.decode([Int64].self, forKey: .unplaced),
                  rankings: try c.decode([Int64: [RoundEngine.Ranked]].self, forKey: .rankings),
                  explanations: try c.decode([Int64: [String]].self, forKey: .explanations),
                  hired: try c.decodeIfPresent([Int64: Int64].self, forKey: .hired) ?? [:],
                  candidateRankings: try c.decodeIfPresent([Int64: [RoundEngine.Ranked]].self, forKey: .candidateRankings) ?? [:])
    }
}
