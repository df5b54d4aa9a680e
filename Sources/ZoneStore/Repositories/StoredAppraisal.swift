import ZoneCore

/// A year's appraisal (年度考核) as stored.
public struct StoredAppraisal: Sendable, Identifiable {
    public enum Status: String, Sendable, CaseIterable {
        case draft, computed, published, final

        public var label: String {
            switch self {
            case .draft: "指标与评分录入中"
            case .computed: "已计算"
            case .published: "公示中"
            case .final: "结果已确定"
            }
        }

        /// Inputs may change only before publication; a change discards computed results.
        public var acceptsInputs: Bool { self == .draft || self == .computed }
    }

    public let id: Int64
    public let year: Int
    public let name: String
    public let status: Status
    /// The zone policy version the appraisal follows.
    public let policyVersion: Int
    public let publicityEnds: String?
    public let computedAt: String?
    public let version: Int
}

/// One indicator of the KPI cascade (潍坊: zone → department → person).
public struct StoredIndicator: Sendable, Identifiable, Equatable {
    public enum Level: String, Sendable, CaseIterable {
        case zone, department, person

        public var label: String {
            switch self {
            case .zone: "园区指标"
            case .department: "部门指标"
            case .person: "个人指标"
            }
        }

        /// The level an indicator of this level hangs under.
        public var parent: Level? {
            switch self {
            case .zone: nil
            case .department: .zone
            case .person: .department
            }
        }
    }

    public let id: Int64
    public let parentID: Int64?
    public let level: Level
    public let unitID: Int64?
    public let personID: Int64?
    public let name: String
    /// 计量单位: 亿元, %, 个.
    public let measure: String
    public let weight: Int
    public let rule: IndicatorRule
    public let dataSource: String
    public let owner: String
    public let cycle: AppraisalCycle
    /// Unit × 100; nil until entered.
    public let actual: Int64?
}

/// What the office enters to create an indicator.
public struct NewIndicator: Sendable {
    public var parentID: Int64?
    public var level: StoredIndicator.Level
    public var unitID: Int64?
    public var personID: Int64?
    public var name: String
    public var measure: String
    public var weight: Int
    public var rule: IndicatorRule
    public var dataSource: String
    public var owner: String
    public var cycle: AppraisalCycle

    public init(parentID: Int64?, level: StoredIndicator.Level, unitID: Int64?, personID: Int64?, name: String, measure: String,
                weight: Int, rule: IndicatorRule, dataSource: String, owner: String, cycle: AppraisalCycle) {
        self.parentID = parentID
        self.level = level
        self.unitID = unitID
        self.personID = personID
        self.name = name
        self.measure = measure
        self.weight = weight
        self.rule = rule
        self.dataSource = dataSource
        self.owner = owner
        self.cycle = cycle
    }
}

/// The non-KPI parts of one person's appraisal, as entered (hundredths for the reviews).
public struct AppraisalInput: Sendable, Equatable {
    public var personID: Int64
    public var peer360: Int
    public var leader: Int
    public var worklogSubmitted: Int
    public var worklogRequired: Int
    public var seniorityMonths: Int

    public init(personID: Int64, peer360: Int, leader: Int, worklogSubmitted: Int, worklogRequired: Int, seniorityMonths: Int) {
        self.personID = personID
        self.peer360 = peer360
        self.leader = leader
        self.worklogSubmitted = worklogSubmitted
        self.worklogRequired = worklogRequired
        self.seniorityMonths = seniorityMonths
    }
}

/// One person's stored result, with the name and unit for lists.
public struct AppraisalResultRow: Sendable, Equatable {
    public let personID: Int64
    public let name: String
    public let unitID: Int64
    public let establishment: StaffCategory
    public let groupKey: Int64
    public let kpi: Int
    public let worklog: Int
    public let score: Int
    /// The grade in force (after any upheld objection).
    public let grade: String
    /// The grade the engine gave.
    public let computedGrade: String
    public let bottomBand: Bool
    public let vetoed: Bool
    public let flagged: Bool
}

/// A comparison group's tally, as stored, with the ties text shown on the page.
public struct AppraisalGroupRow: Sendable, Equatable {
    public let groupKey: Int64
    public let tally: GroupTally
    public let ties: String
}

/// 容错纠错: an item that does not count for a person, with why and who approved it.
public struct AppraisalExemptionRow: Sendable, Equatable {
    public let personID: Int64
    public let indicatorID: Int64
    public let reason: String
    public let approver: String
    public let recordedBy: String
}

/// A department's result: its own sheet's score and its value coefficient (‰).
public struct DepartmentResultRow: Sendable, Equatable {
    public let unitID: Int64
    public let score: Int?
    public let coefficientMilli: Int
}

/// 申诉 filed during the publicity period.
public struct AppraisalObjection: Sendable, Identifiable, Equatable {
    public enum Status: String, Sendable, CaseIterable {
        case pending, upheld, rejected

        public var label: String {
            switch self {
            case .pending: "待复核"
            case .upheld: "已更正"
            case .rejected: "维持原结果"
            }
        }
    }

    public let id: Int64
    public let personID: Int64
    public let reason: String
    public let status: Status
    public let reply: String?
    public let newGrade: String?
    public let filedAt: String
    public let decidedBy: String?
}

/// A consequence the policy proposes, and the decision a person recorded on it.
public struct ConsequenceProposalRow: Sendable, Identifiable, Equatable {
    public enum Decision: String, Sendable, CaseIterable {
        case accepted, rejected

        public var label: String {
            switch self {
            case .accepted: "同意执行"
            case .rejected: "不予执行"
            }
        }
    }

    public let id: Int64
    public let personID: Int64
    public let action: String
    public let reason: String
    public let decision: Decision?
    public let note: String?
    public let decidedBy: String?
}
