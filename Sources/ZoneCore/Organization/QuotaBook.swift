/// A zone's quotas and their use at one moment, and the hard check every staffing change passes.
///
/// Quotas are held by a unit and shared by its descendants that hold none of the same kind
/// (毕节's 54 事业编制 of 党工委管委会 cover its 8 内设机构). A change is refused when, after it,
/// any holder it touches would have more people than quota + approved extra places; changes that
/// only reduce use are always allowed, even in a unit that is already over.
///
/// ```swift
/// let violations = book.check([StaffingChange(before: nil, after: Placement(unitID: 7, category: .institutional))])
/// // ["超编：产业发展局 事业编制 55/54"]
/// ```
public struct QuotaBook: Sendable {
    public let tree: UnitTree
    public let establishment: [Int64: [EstablishmentCategory: Int]]
    public let leadership: [Int64: [LeadershipClass: Int]]
    public let approvedEstablishment: [Int64: [EstablishmentCategory: Int]]
    public let approvedLeadership: [Int64: [LeadershipClass: Int]]
    /// 平编 units: under 出一进一 their in-establishment headcount may not grow (see ``freezesFlatUnits``).
    public let flatUnits: Set<Int64>
    /// Current people per unit and placement kind.
    public let placements: [Placement: Int]
    /// The zone's policy rules (kinds in use); nil when no policy is loaded, which restricts nothing.
    public let organization: OrganizationRules?

    public init(tree: UnitTree, establishment: [Int64: [EstablishmentCategory: Int]], leadership: [Int64: [LeadershipClass: Int]] = [:],
                approvedEstablishment: [Int64: [EstablishmentCategory: Int]] = [:], approvedLeadership: [Int64: [LeadershipClass: Int]] = [:],
                flatUnits: Set<Int64> = [], placements: [Placement: Int], organization: OrganizationRules? = nil) {
        self.tree = tree
        self.establishment = establishment
        self.leadership = leadership
        self.approvedEstablishment = approvedEstablishment
        self.approvedLeadership = approvedLeadership
        self.flatUnits = flatUnits
        self.placements = placements
        self.organization = organization
    }

    enum Key: Hashable {
        case establishment(Int64, EstablishmentCategory)
        case missing(Int64, EstablishmentCategory)
        case leadership(Int64, LeadershipClass)
        case noLeadership(Int64, LeadershipRank)
        case flat(Int64)
    }

    /// Whether a 平编 unit's in-establishment headcount is frozen (organization.at_quota). Under `one_out_one_in`
    /// (and with no policy loaded) each hire there must come with a departure in the same change — a vacancy or a
    /// recorded 编制使用审批 does not let it grow. Under `approval` 平编 only marks the unit as full: it hires within
    /// its quota plus the places recorded approvals add, like any unit, so the approval is what lets it take one more.
    public var freezesFlatUnits: Bool { organization?.atQuota != .approval }

    /// Nearest unit at or above `unitID` holding a quota of this category.
    public func holder(of unitID: Int64, _ category: EstablishmentCategory) -> Int64? {
        ancestors(of: unitID).first { establishment[$0]?[category] != nil }
    }

    public func holder(of unitID: Int64, _ quotaClass: LeadershipClass) -> Int64? {
        ancestors(of: unitID).first { leadership[$0]?[quotaClass] != nil }
    }

    func ancestors(of unitID: Int64) -> [Int64] {
        var out: [Int64] = []
        var current: Int64? = unitID
        while let id = current, out.count <= tree.units.count {
            out.append(id)
            current = tree[id]?.parentID
        }
        return out
    }

    /// The quota keys one placement counts against.
    func keys(_ p: Placement) -> [Key] {
        var keys: [Key] = []
        if let category = p.establishment {
            keys.append(holder(of: p.unitID, category).map { .establishment($0, category) } ?? .missing(p.unitID, category))
            if freezesFlatUnits, let flat = ancestors(of: p.unitID).first(where: flatUnits.contains) { keys.append(.flat(flat)) }
        }
        if let rank = p.leadership {
            let held = rank.quotaClasses.compactMap { c in holder(of: p.unitID, c).map { Key.leadership($0, c) } }
            keys.append(contentsOf: held.isEmpty ? [.noLeadership(p.unitID, rank)] : held)
        }
        return keys
    }

    /// Current use of every key, computed once per check.
    func usage() -> [Key: Int] {
        var used: [Key: Int] = [:]
        for (placement, count) in placements {
            for key in keys(placement) { used[key, default: 0] += count }
        }
        return used
    }

    /// Violations the changes would cause, all at once and in a stable order; empty means allowed.
    public func check(_ changes: [StaffingChange]) -> [QuotaViolation] {
        var delta: [Key: Int] = [:]
        for change in changes {
            if let before = change.before { for key in keys(before) { delta[key, default: 0] -= 1 } }
            if let after = change.after { for key in keys(after) { delta[key, default: 0] += 1 } }
        }
        let used = usage()
        var violations = changes.compactMap(policyViolation)
        for (key, change) in delta where change > 0 {
            if let v = evaluate(key, used: (used[key] ?? 0) + change, before: used[key] ?? 0) { violations.append(v) }
        }
        return violations.sorted { ($0.unitID, $0.message) < ($1.unitID, $1.message) }
    }

    /// The violation, if any, of `key` holding `count` people (`before` is the count prior to the change).
    func evaluate(_ key: Key, used count: Int, before: Int) -> QuotaViolation? {
        switch key {
        case .establishment(let unit, let category):
            let approved = approvedEstablishment[unit]?[category] ?? 0
            let limit = establishment[unit]![category]! + approved
            return count > limit ? violation(.establishment(category), unit, used: count, limit: limit, approved: approved) : nil
        case .missing(let unit, let category):
            return violation(.noEstablishment(category), unit, used: count, limit: 0, approved: 0)
        case .leadership(let unit, let quotaClass):
            let approved = approvedLeadership[unit]?[quotaClass] ?? 0
            let limit = leadership[unit]![quotaClass]! + approved
            return count > limit ? violation(.leadership(quotaClass), unit, used: count, limit: limit, approved: approved) : nil
        case .noLeadership(let unit, let rank):
            return violation(.noLeadership(rank), unit, used: count, limit: 0, approved: 0)
        case .flat(let unit):
            return count > before ? violation(.flatStaffing, unit, used: count, limit: before, approved: 0) : nil
        }
    }

    /// A change that puts someone into a kind the zone's policy does not list; keeping a kind someone already has
    /// (data from before the policy) is not refused, so they can still be moved or corrected.
    func policyViolation(_ change: StaffingChange) -> QuotaViolation? {
        guard let rules = organization, let after = change.after, let category = after.establishment,
              category != change.before?.establishment, rules.refusal(category, for: .person) != nil else { return nil }
        return violation(.notInPolicy(category, listed: rules.establishment), after.unitID, used: 0, limit: 0, approved: 0)
    }

    func violation(_ kind: QuotaViolation.Kind, _ unit: Int64, used: Int, limit: Int, approved: Int) -> QuotaViolation {
        QuotaViolation(kind: kind, unitID: unit, unitName: tree[unit]?.name ?? "单位\(unit)", used: used, limit: limit, approved: approved)
    }
}

extension QuotaBook {
    /// One quota holder's figures for display: quota, approved extra, and use.
    public struct Line: Sendable, Equatable {
        public let unitID: Int64
        public let label: String
        public let quota: Int
        public let approved: Int
        public let used: Int
        public var limit: Int { quota + approved }
        public var vacancy: Int { limit - used }
    }

    /// Every establishment and leadership quota with its use, ordered by unit then label.
    public func lines() -> [Line] {
        let used = usage()
        var out: [Line] = []
        for (unit, byCategory) in establishment {
            for (category, quota) in byCategory {
                out.append(Line(unitID: unit, label: category == .postCap ? "员额" : category.rawValue + "编制", quota: quota,
                                approved: approvedEstablishment[unit]?[category] ?? 0, used: used[.establishment(unit, category)] ?? 0))
            }
        }
        for (unit, byClass) in leadership {
            for (quotaClass, quota) in byClass {
                out.append(Line(unitID: unit, label: quotaClass.label, quota: quota,
                                approved: approvedLeadership[unit]?[quotaClass] ?? 0, used: used[.leadership(unit, quotaClass)] ?? 0))
            }
        }
        return out.sorted { ($0.unitID, $0.label) < ($1.unitID, $1.label) }
    }

    /// Holders over their limit right now, as violations (for plan application and reports).
    public func overages() -> [QuotaViolation] {
        var out: [QuotaViolation] = []
        for (key, count) in usage() {
            if let v = evaluate(key, used: count, before: count) { out.append(v) }
        }
        return out.sorted { ($0.unitID, $0.message) < ($1.unitID, $1.message) }
    }
}

extension QuotaBook {
    /// Applies changes one by one in order and reports, for each change that pushes a quota over
    /// its limit, the violations it causes (keyed by the change's index). Linear in the changes.
    public func violationsByRow(_ changes: [StaffingChange]) -> [(Int, [QuotaViolation])] {
        var used = usage()
        let start = used
        var out: [(Int, [QuotaViolation])] = []
        for (index, change) in changes.enumerated() {
            var touched: [Key] = []
            if let before = change.before { for key in keys(before) { used[key, default: 0] -= 1 } }
            if let after = change.after { for key in keys(after) { used[key, default: 0] += 1; touched.append(key) } }
            let violations = [policyViolation(change)].compactMap(\.self)
                + touched.compactMap { evaluate($0, used: used[$0] ?? 0, before: start[$0] ?? 0) }
            if !violations.isEmpty { out.append((index, violations)) }
        }
        return out
    }
}
