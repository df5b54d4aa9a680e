/// Why a staffing change was refused: which unit, which quota, and the figures.
public struct QuotaViolation: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// 超编 / 超员额: establishment or post cap exceeded.
        case establishment(EstablishmentCategory)
        /// The unit (and its ancestors) hold no quota of this category at all.
        case noEstablishment(EstablishmentCategory)
        /// 超职数: leadership posts of a rank or level exceeded.
        case leadership(LeadershipClass)
        /// No 领导职数 of this rank is set for the unit or above it.
        case noLeadership(LeadershipRank)
        /// 平编 unit would grow: 出一进一.
        case flatStaffing
        /// The zone's policy (organization.establishment) lists only `listed`, not this kind.
        case notInPolicy(EstablishmentCategory, listed: [EstablishmentCategory])
    }

    public let kind: Kind
    public let unitID: Int64
    public let unitName: String
    /// Occupied after the change.
    public let used: Int
    /// Quota including approved extra places.
    public let limit: Int
    /// Of `limit`, places added by recorded approvals (编制使用审批).
    public let approved: Int

    /// zh-CN message: "超编：产业发展局 事业编制 55/54".
    public var message: String {
        let extra = approved > 0 ? "（含审批增加\(approved)名）" : ""
        switch kind {
        case .establishment(.postCap): return "超员额：\(unitName) 员额 \(used)/\(limit)\(extra)"
        case .establishment(let c): return "超编：\(unitName) \(c.rawValue)编制 \(used)/\(limit)\(extra)"
        case .noEstablishment(let c): return "无编制：\(unitName) 及其上级未核定\(c == .postCap ? "员额" : c.rawValue + "编制")"
        case .leadership(let c): return "超职数：\(unitName) \(c.label) \(used)/\(limit)\(extra)"
        case .noLeadership(let r): return "无职数：\(unitName) 及其上级未核定\(r.rawValue)级领导职数"
        case .flatStaffing: return "平编单位须出一进一：\(unitName) 在编人数不得增加（现\(limit)人）"
        case .notInPolicy(let c, let listed): return OrganizationRules.refusal(c, listed: listed, for: .person).message
        }
    }

    public var englishMessage: String {
        switch kind {
        case .establishment(let c): return "over quota: \(unitName) \(c.rawValue) establishment \(used)/\(limit)"
        case .noEstablishment(let c): return "no establishment: \(unitName) holds no \(c.rawValue) quota"
        case .leadership(let c): return "over leadership posts: \(unitName) \(c.rawValue) \(used)/\(limit)"
        case .noLeadership(let r): return "no leadership posts: \(unitName) holds no \(r.rawValue) quota"
        case .flatStaffing: return "flat-staffed unit \(unitName) may not grow (one out, one in)"
        case .notInPolicy(let c, let listed): return OrganizationRules.refusal(c, listed: listed, for: .person).english
        }
    }

    public var description: String { message }
}
