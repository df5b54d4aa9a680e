/// Decides an appointment round: direct appointments first, then every post ranks its applicants
/// (the head's order, or weighted scores), then the applicant-optimal stable matching fills the
/// rest. 社会招聘 posts hire their best-scored external candidates up to the planned number. Equal
/// scores go by the zone policy's declared rule (`RoundInput.tieBreak`, e.g. score → archive
/// seniority → person id); every tied person is told which key settled their place (candidates
/// have no archive, so their ties go by the order they were entered in).
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
        /// How this person's place among equal scores was decided, when it was a tie.
        public let tieBreak: String?
        /// The tie key that settled it: against the one above, or for the first of a tie against the one below.
        public let settledBy: TieBreakKey?

        init(personID: Int64, score: Int?, tieBreak: String? = nil, settledBy: TieBreakKey? = nil) {
            self.personID = personID
            self.score = score
            self.tieBreak = tieBreak
            self.settledBy = settledBy
        }
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
            let ranking = ordered((input.candidates[setup.postID] ?? [:]).map { ($0.key, $0.value) }, rule: [.score, .id], seniority: nil)
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
    /// (applicants without scores are not ranked), equal scores by the declared tie rule.
    static func rank(_ setup: RoundInput.PostSetup, applied: [Int64], input: RoundInput) -> [Ranked] {
        if setup.method == .mutualSelection, let order = input.orderings[setup.postID] {
            let set = Set(applied)
            return order.filter(set.contains).map { Ranked(personID: $0, score: nil) }
        }
        let scored: [(Int64, Int)] = applied.compactMap { person in
            input.scores[setup.postID]?[person].map { (person, weighted($0, examWeight: setup.examWeight)) }
        }
        return ordered(scored, rule: input.tieBreak, seniority: input.seniority)
    }

    /// (id, score) pairs in the order of `rule`'s keys. `seniority` nil: external candidates, whose
    /// ids are the order they were entered in.
    static func ordered(_ scored: [(Int64, Int)], rule: [TieBreakKey], seniority: [Int64: Int]?) -> [Ranked] {
        // Missing seniority ranks last; two missing are equal, and the next key decides.
        func started(_ id: Int64) -> Int { seniority?[id] ?? Int.max }
        /// The first key of the rule on which a comes before b; nil only for the same person.
        func settling(_ a: (Int64, Int), _ b: (Int64, Int)) -> (key: TieBreakKey, aFirst: Bool)? {
            for key in rule {
                switch key {
                case .score where a.1 != b.1: return (key, a.1 > b.1)
                case .seniority where started(a.0) != started(b.0): return (key, started(a.0) < started(b.0))
                case .id where a.0 != b.0: return (key, a.0 < b.0)
                default: continue
                }
            }
            return nil
        }
        let sorted = scored.sorted { settling($0, $1)?.aFirst ?? false }
        let sizes = Dictionary(grouping: sorted, by: \.1).mapValues(\.count)
        return sorted.indices.map { i in
            let entry = sorted[i], size = sizes[entry.1]!
            guard size > 1 else { return Ranked(personID: entry.0, score: entry.1) }
            // Against the one above if they share the score, else (first of the tie) the one below.
            let other = i > 0 && sorted[i - 1].1 == entry.1 ? sorted[i - 1] : sorted[min(i + 1, sorted.count - 1)]
            let key = settling(entry, other)?.key ?? .id
            let how = switch key {
            case .score: "按综合成绩排定"
            case .seniority: "按参加工作时间先后排定"
            case .id where seniority == nil: "按登记顺序排定"
            case .id where rule.contains(.seniority): "参加工作时间相同或未登记，按人员编号排定"
            case .id: "按人员编号排定"
            }
            return Ranked(personID: entry.0, score: entry.1, tieBreak: "与\(size - 1)人同分，\(how)", settledBy: key)
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
