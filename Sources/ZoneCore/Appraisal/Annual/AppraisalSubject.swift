/// One person in a year's appraisal, with the parts that are not KPI (SPEC §C: 360/peer review,
/// leader review, work-log completeness) and what the forced distribution needs.
public struct AppraisalSubject: Sendable, Equatable {
    public var personID: Int64
    /// The comparison group: the unit id (同一单位) or the post level (同职级岗位), per policy.
    public var groupKey: Int64
    /// Index into the sheets passed to ``AnnualAppraisal/run(subjects:sheets:exemptions:approvedGroups:rules:)``.
    public var sheet: Int
    /// Hundredths, 0–10000.
    public var peer360: Int32
    public var leader: Int32
    public var worklogSubmitted: Int
    public var worklogRequired: Int
    /// 档案工龄 in months, for the tie rule.
    public var seniorityMonths: Int32

    public init(personID: Int64, groupKey: Int64, sheet: Int, peer360: Int32, leader: Int32,
                worklogSubmitted: Int, worklogRequired: Int, seniorityMonths: Int32) {
        self.personID = personID
        self.groupKey = groupKey
        self.sheet = sheet
        self.peer360 = peer360
        self.leader = leader
        self.worklogSubmitted = worklogSubmitted
        self.worklogRequired = worklogRequired
        self.seniorityMonths = seniorityMonths
    }
}

/// A 容错纠错 exemption: this person's bonus/penalty/veto item does not count this year.
public struct AppraisalExemption: Sendable, Hashable {
    public var personID: Int64
    public var indicatorID: Int64

    public init(personID: Int64, indicatorID: Int64) {
        self.personID = personID
        self.indicatorID = indicatorID
    }
}
