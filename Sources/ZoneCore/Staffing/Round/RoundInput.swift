/// Everything an appointment round decides from, keyed by person and post ids.
public struct RoundInput: Sendable {
    public struct PostSetup: Sendable, Equatable {
        public var postID: Int64
        public var capacity: Int
        public var method: AppointmentMethod
        /// Exam weight in percent; interview gets the rest (竞争上岗).
        public var examWeight: Int

        public init(postID: Int64, capacity: Int, method: AppointmentMethod, examWeight: Int = 50) {
            self.postID = postID
            self.capacity = capacity
            self.method = method
            self.examWeight = examWeight
        }
    }

    /// Exam and interview scores in hundredths (85.50 → 8550).
    public struct Score: Sendable, Equatable {
        public var exam: Int
        public var interview: Int

        public init(exam: Int, interview: Int) {
            self.exam = exam
            self.interview = interview
        }

        /// "85.5" → 8550; 0–100 with at most two decimals, nil otherwise.
        public static func hundredths(_ text: String) -> Int? {
            FixedPoint.parse(text, places: 2).flatMap { $0 <= 10_000 ? $0 : nil }
        }
    }

    public var posts: [PostSetup]
    /// Each applicant's posts, most wanted first.
    public var applications: [Int64: [Int64]]
    public var scores: [Int64: [Int64: Score]]
    /// A department head's explicit order of applicants for a post (双向选择); people left out are not ranked.
    public var orderings: [Int64: [Int64]]
    /// 直接聘任: person → post, decided before matching.
    public var direct: [Int64: Int64]
    /// Archive seniority: 参加工作时间 as yyyymmdd (smaller is more senior), for the `seniority`
    /// tie key; people without one rank after everyone who has one.
    public var seniority: [Int64: Int]
    /// The zone policy's order for equal rankings (`staffing.tie_break`, ending with `id`).
    public var tieBreak: [TieBreakKey]
    /// 社会招聘: post → external candidate id → score in hundredths. Candidate ids are their own
    /// numbering, never person ids; only scored candidates are listed.
    public var candidates: [Int64: [Int64: Int]]

    public init(posts: [PostSetup], applications: [Int64: [Int64]] = [:], scores: [Int64: [Int64: Score]] = [:],
                orderings: [Int64: [Int64]] = [:], direct: [Int64: Int64] = [:], seniority: [Int64: Int] = [:],
                tieBreak: [TieBreakKey] = TieBreakKey.declared, candidates: [Int64: [Int64: Int]] = [:]) {
        self.posts = posts
        self.applications = applications
        self.scores = scores
        self.orderings = orderings
        self.direct = direct
        self.seniority = seniority
        self.tieBreak = tieBreak
        self.candidates = candidates
    }
}

extension CivilDate {
    /// yyyymmdd as one number, ordered as the dates are: `RoundInput.seniority`'s unit.
    public var ordinal: Int { year * 10_000 + month * 100 + day }
}
