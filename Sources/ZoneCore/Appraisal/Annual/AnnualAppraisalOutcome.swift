/// What ``AnnualAppraisal`` decided, keyed by person and group ids rather than array positions,
/// ready to store and show.
public struct AnnualAppraisalOutcome: Sendable, Equatable {
    public struct PersonResult: Sendable, Equatable {
        public var personID: Int64
        public var groupKey: Int64
        /// Hundredths, 0–10000.
        public var kpi: Int32
        public var worklog: Int32
        public var score: Int32
        /// 0 = best grade.
        public var gradeRank: Int
        public var bottomBand: Bool
        public var vetoed: Bool
        /// A cut fell between equal scores next to this person: review before publishing.
        public var flagged: Bool
    }

    public struct GroupResult: Sendable, Equatable {
        public var groupKey: Int64
        public var tally: GroupTally
    }

    public struct Tie: Sendable, Equatable {
        public var groupKey: Int64
        public var boundary: BoundaryTie.Boundary
        public var score: Int32
        public var personIDs: [Int64]
    }

    /// Ascending person id.
    public var people: [PersonResult]
    /// Ascending group key.
    public var groups: [GroupResult]
    public var ties: [Tie]
    /// Each sheet's own KPI score (the department's result, for value coefficients), in sheet order.
    public var sheetScores: [Int32]
}
