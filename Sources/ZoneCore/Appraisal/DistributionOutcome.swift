/// The result of ``GradeDistribution/assign(scores:groups:groupCount:vetoed:seniority:grades:distribution:approvedGroups:)``.
public struct DistributionOutcome: Sendable, Equatable {
    /// Per person, the grade's position in the scheme (0 = best, e.g. 优秀).
    public var grades: [UInt8]
    /// Per person, whether they are in their group's bottom band (末位), which consequences such as
    /// 潍坊's "后5%" read even where the band forces no grade.
    public var bottomBand: [Bool]
    /// Per group, the counts behind the result.
    public var tallies: [GroupTally]
    /// Cuts that fell between equal scores, in group order (top before bottom).
    public var ties: [BoundaryTie]
    /// Everyone in ``ties``, ascending and without repeats: the results to review.
    public var flagged: [Int32]

    public init(grades: [UInt8], bottomBand: [Bool], tallies: [GroupTally], ties: [BoundaryTie], flagged: [Int32]) {
        self.grades = grades
        self.bottomBand = bottomBand
        self.tallies = tallies
        self.ties = ties
        self.flagged = flagged
    }
}
