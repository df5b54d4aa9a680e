/// The forced distribution within each comparison group: how many may get the top grade, how
/// many must land at the bottom, how shares of small groups round, and how ties are settled.
public struct ForcedDistribution: Sendable, Equatable {
    public var group: ComparisonGroup
    public var rounding: RoundingRule
    /// Order that settles equal scores at a grade boundary; such ties are also flagged for review.
    public var tieBreak: [TieBreakKey]
    public var top: TopBand
    /// Absent when the seed sets no bottom share (毕节, 成都芯谷).
    public var bottom: BottomBand?

    public init(group: ComparisonGroup, rounding: RoundingRule, tieBreak: [TieBreakKey], top: TopBand, bottom: BottomBand?) {
        self.group = group
        self.rounding = rounding
        self.tieBreak = tieBreak
        self.top = top
        self.bottom = bottom
    }
}

/// Who is compared with whom (潍坊: "同职级岗位"; elsewhere the same unit).
public enum ComparisonGroup: String, CaseIterable, Sendable {
    case unit
    case postRank = "post_rank"

    public var label: String {
        switch self {
        case .unit: "同一单位"
        case .postRank: "同职级岗位"
        }
    }
}

/// The cap on the top grade: `cap` normally (优秀 ≤ 20%), `approvedCap` with a recorded approval (≤ 25%).
public struct TopBand: Sendable, Equatable {
    public var grade: String
    public var cap: Proportion
    public var approvedCap: Proportion

    public init(grade: String, cap: Proportion, approvedCap: Proportion) {
        self.grade = grade
        self.cap = cap
        self.approvedCap = approvedCap
    }
}

/// The bottom of each group (末位): at least `floor` of it. With a `grade` the bottom is forced into
/// that grade (新余: 5% 不及格率); without one it is only marked as 末位 for consequences
/// (潍坊: 排在同职级岗位后5%).
public struct BottomBand: Sendable, Equatable {
    public var grade: String?
    public var floor: Proportion

    public init(grade: String?, floor: Proportion) {
        self.grade = grade
        self.floor = floor
    }
}

extension ForcedDistribution {
    init?(reading r: PolicyReader, grades: GradeScheme?) {
        let group = r.keyword("group", ComparisonGroup.self)
        let rounding = r.keyword("rounding", RoundingRule.self)
        let tieBreak = r.value("tie_break")?.tieBreak()
        let top = r.object("top") { TopBand(reading: $0, grades: grades) }
        let bottomValue = r.optional("bottom")
        let bottom = bottomValue?.object { BottomBand(reading: $0, grades: grades) }
        guard let group, let rounding, let tieBreak, let top else { return nil }
        // A bottom band that is written but unreadable fails the whole distribution, so consequences
        // do not also report "no bottom band".
        if bottomValue != nil, bottom == nil { return nil }
        self.init(group: group, rounding: rounding, tieBreak: tieBreak, top: top, bottom: bottom)
        guard let bottom, let bottomValue else { return }
        if top.approvedCap.tenThousandths + bottom.floor.tenThousandths > Proportion.scale {
            bottomValue.problem("floor 与 top.approved_cap 之和超过 1", "floor plus top.approved_cap exceeds 1")
        }
        if let bottomGrade = bottom.grade, let grades, let topRank = grades.rank(of: top.grade),
           let bottomRank = grades.rank(of: bottomGrade), bottomRank <= topRank {
            bottomValue.problem("末位等次 \(bottomGrade) 应低于顶端等次 \(top.grade)",
                                "bottom grade \(bottomGrade) must rank below top grade \(top.grade)")
        }
    }
}

extension TopBand {
    init?(reading r: PolicyReader, grades: GradeScheme?) {
        let grade = r.value("grade")?.gradeReference(in: grades)
        let cap = r.proportion("cap")
        let approved = r.proportion("approved_cap")
        guard let grade, let cap, let approved else { return nil }
        guard cap <= approved else {
            r.problem("cap（\(cap)）不得大于 approved_cap（\(approved)）", "cap (\(cap)) must not exceed approved_cap (\(approved))")
            return nil
        }
        self.init(grade: grade, cap: cap, approvedCap: approved)
    }
}

extension BottomBand {
    init?(reading r: PolicyReader, grades: GradeScheme?) {
        let gradeValue = r.optional("grade")
        let grade = gradeValue?.gradeReference(in: grades)
        let floor = r.proportion("floor")
        guard let floor else { return nil }
        if gradeValue != nil, grade == nil { return nil }
        self.init(grade: grade, floor: floor)
    }
}
