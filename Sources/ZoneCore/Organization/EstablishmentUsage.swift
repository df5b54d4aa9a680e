/// 编制 use per unit: quota, people occupying it, vacancies (空编) or excess (超编).
///
/// A quota held by a unit covers its descendants that hold none of their own (毕节: the 54 事业编制 of
/// 党工委管委会 are shared by its 8 内设机构), so each person counts against the nearest unit at or
/// above their own that holds a quota of any kind.
public struct EstablishmentUsage: Sendable {
    public struct Line: Sendable, Equatable {
        public let unitID: Int64
        public var quota: Int
        /// Extra places granted by recorded approvals (编制使用审批).
        public var approved: Int
        public var used: Int
        public var vacancy: Int { quota + approved - used }
    }

    /// Lines keyed by the quota-holding unit.
    public let lines: [Int64: Line]
    /// 编外 (no establishment) head count per unit, own members only.
    public let contractStaff: [Int64: Int]
    /// Everyone per unit, own members only.
    public let staff: [Int64: Int]

    public init(tree: UnitTree, quotas: [Int64: [EstablishmentCategory: Int]], approved: [Int64: [EstablishmentCategory: Int]] = [:],
                headcounts: [Int64: [StaffCategory: Int]]) {
        var lines: [Int64: Line] = [:]
        for (unitID, byCategory) in quotas {
            lines[unitID] = Line(unitID: unitID, quota: byCategory.values.reduce(0, +),
                                 approved: approved[unitID]?.values.reduce(0, +) ?? 0, used: 0)
        }
        var contract: [Int64: Int] = [:], staff: [Int64: Int] = [:]
        for (unitID, byCategory) in headcounts {
            for (category, count) in byCategory {
                staff[unitID, default: 0] += count
                if category == .contract {
                    contract[unitID, default: 0] += count
                } else if let holder = Self.holder(of: unitID, tree: tree, quotas: quotas) {
                    lines[holder]?.used += count
                }
            }
        }
        self.lines = lines
        contractStaff = contract
        self.staff = staff
    }

    /// The display figures of a quota book: its quotas, approvals and who holds a place where.
    public init(book: QuotaBook) {
        var headcounts: [Int64: [StaffCategory: Int]] = [:]
        for (placement, count) in book.placements { headcounts[placement.unitID, default: [:]][placement.category, default: 0] += count }
        self.init(tree: book.tree, quotas: book.establishment, approved: book.approvedEstablishment, headcounts: headcounts)
    }

    public static func holder(of unitID: Int64, tree: UnitTree, quotas: [Int64: [EstablishmentCategory: Int]]) -> Int64? {
        var current: Int64? = unitID
        while let id = current {
            if quotas[id] != nil { return id }
            current = tree[id]?.parentID
        }
        return nil
    }

    /// Figures for a unit including everything below it.
    public struct Totals: Sendable, Equatable {
        public var quota = 0
        public var approved = 0
        public var used = 0
        public var contract = 0
        public var staff = 0
        public var vacancy: Int { quota + approved - used }

        public init() {}
    }

    /// Subtree totals for every unit, accumulated bottom-up in one pass over the tree.
    public func rollup(_ tree: UnitTree) -> [Int64: Totals] {
        var totals: [Int64: Totals] = [:]
        for (unit, _) in tree.flattened().reversed() {
            var own = totals[unit.id] ?? Totals()
            own.quota += lines[unit.id]?.quota ?? 0
            own.approved += lines[unit.id]?.approved ?? 0
            own.used += lines[unit.id]?.used ?? 0
            own.contract += contractStaff[unit.id] ?? 0
            own.staff += staff[unit.id] ?? 0
            totals[unit.id] = own
            if let parent = unit.parentID {
                var up = totals[parent] ?? Totals()
                up.quota += own.quota
                up.approved += own.approved
                up.used += own.used
                up.contract += own.contract
                up.staff += own.staff
                totals[parent] = up
            }
        }
        return totals
    }

    public var totalQuota: Int { lines.values.reduce(0) { $0 + $1.quota } }
    public var totalApproved: Int { lines.values.reduce(0) { $0 + $1.approved } }
    public var totalUsed: Int { lines.values.reduce(0) { $0 + $1.used } }
    public var totalStaff: Int { staff.values.reduce(0, +) }
    public var totalContract: Int { contractStaff.values.reduce(0, +) }
}
