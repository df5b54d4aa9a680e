import ZoneCore

/// A performance-pay run (绩效工资发放批次) as stored.
public struct StoredPayRun: Sendable, Identifiable, Equatable {
    public enum Status: String, Sendable, CaseIterable {
        case preview, approved, locked, reversed, discarded

        public var label: String {
            switch self {
            case .preview: "待审批（预览）"
            case .approved: "已审批待发放"
            case .locked: "已发放（锁定）"
            case .reversed: "已冲销（被更正）"
            case .discarded: "已作废"
            }
        }
    }

    public let id: Int64
    /// "2025" for a year, "2025-06" for a month.
    public let period: String
    public let appraisalID: Int64
    public let status: Status
    public let poolFen: Int64
    public let paidFen: Int64
    public let unallocatedFen: Int64
    public let rewardFen: Int64
    public let headcount: Int
    /// How the pool was set, in words (e.g. the 毕节 multiple and tier).
    public let poolBasis: String
    /// SHA-256 over every line: equal checksums mean fen-for-fen equal runs.
    public let checksum: String
    /// The locked run this one corrects (reverses and replaces).
    public let correctsID: Int64?
    public let version: Int
    public let createdBy: String
    public let createdAt: String
    public let approvedBy: String?
    public let lockedBy: String?
    public let lockedAt: String?
}

/// A department's package in a run.
public struct PayPackageRow: Sendable, Equatable {
    /// nil when the policy splits the zone pool directly among people.
    public let unitID: Int64?
    public let headcount: Int
    public let coefficientMilli: Int
    public let packageFen: Int64
    public let unallocatedFen: Int64
}

/// One person's line in a run.
public struct PayLineRow: Sendable, Equatable {
    public let runID: Int64
    public let personID: Int64
    public let name: String
    public let unitID: Int64
    public let postCoefficientMilli: Int
    public let score: Int
    public let grade: String
    public let performanceFen: Int64
    public let rewardFen: Int64
    public let totalFen: Int64
}

/// How the office sets a run's pool.
public enum PayPool: Sendable, Equatable {
    /// An amount decided outside (e.g. approved by the finance bureau).
    case fixed(fen: Int64)
    /// 毕节: the municipal civil-servant performance fund × the multiple of the zone's score tier.
    case fund(basisFen: Int64, zoneScore: Int32)
}

/// What a run is created from.
public struct PayRunRequest: Sendable {
    public var period: String
    public var appraisalID: Int64
    public var pool: PayPool
    /// 成都芯谷 工资总控: the outside average pay per person per year, and this period's base pay
    /// total, both in fen; required when the policy caps total pay.
    public var averagePayFen: Int64?
    public var baseTotalFen: Int64?

    public init(period: String, appraisalID: Int64, pool: PayPool, averagePayFen: Int64? = nil, baseTotalFen: Int64? = nil) {
        self.period = period
        self.appraisalID = appraisalID
        self.pool = pool
        self.averagePayFen = averagePayFen
        self.baseTotalFen = baseTotalFen
    }
}

/// 一次性重奖 recorded for a period, paid with that period's run.
public struct PayReward: Sendable, Identifiable, Equatable {
    public let id: Int64
    public let period: String
    public let personID: Int64
    public let amountFen: Int64
    public let reason: String
    public let approval: String
    public let recordedBy: String
}

/// Where a pay run is, for the CLI and long runs: people read, computed, lines written.
public enum PayRunProgress: Sendable, Equatable {
    case read(people: Int)
    case computed(paidFen: Int64)
    case written(lines: Int, of: Int)
}
