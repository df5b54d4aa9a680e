/// How a zone manages establishment (机构编制): which kinds it uses, what a full unit may do, and
/// the reform's leadership-post targets.
public struct OrganizationRules: Sendable, Equatable {
    /// 编制 kinds in use, plus 员额 for units that replaced 编制 with post caps (成都芯谷, 仪征 parks).
    public var establishment: [EstablishmentCategory]
    /// What a unit whose 编制 is fully used (平编) may do when it wants to hire.
    public var atQuota: AtQuotaRule
    /// Published targets for 领导职数 (新余: 科级职数 −18.3%); empty when the seed names none.
    public var leadershipTargets: [LeadershipTarget]

    public init(establishment: [EstablishmentCategory], atQuota: AtQuotaRule, leadershipTargets: [LeadershipTarget]) {
        self.establishment = establishment
        self.atQuota = atQuota
        self.leadershipTargets = leadershipTargets
    }

    /// Whether 员额 caps are used — a consequence of the list, not a second switch that could disagree.
    public var usesPostCaps: Bool { establishment.contains(.postCap) }
}

/// The 平编 rule: a unit whose 编制 is full hires only by 出一进一 or under a recorded approval.
public enum AtQuotaRule: String, CaseIterable, Sendable {
    /// 出一进一: a hire is allowed when paired with a recorded departure from the same unit and kind.
    case oneOutOneIn = "one_out_one_in"
    /// Only a recorded 编制使用审批 lets a full unit hire.
    case approval

    public var label: String {
        switch self {
        case .oneOutOneIn: "平编单位出一进一"
        case .approval: "满编须编制使用审批"
        }
    }
}

extension OrganizationRules {
    init?(reading r: PolicyReader) {
        let establishment = r.list("establishment") { $0.keyword(EstablishmentCategory.self) }
        let atQuota = r.keyword("at_quota", AtQuotaRule.self)
        let targetsValue = r.optional("leadership_targets")
        let leadershipTargets = targetsValue?.list { $0.object(LeadershipTarget.init(reading:)) } ?? []
        if let establishment {
            r.value("establishment")?.requireNonEmptyUnique(establishment.map(\.rawValue))
        }
        guard let establishment, let atQuota else { return nil }
        if let targetsValue, Set(leadershipTargets.map(\.rankClass)).count != leadershipTargets.count {
            targetsValue.problem("同一职级类别不得重复", "each leadership class may appear only once")
        }
        self.init(establishment: establishment, atQuota: atQuota, leadershipTargets: leadershipTargets)
    }
}

extension OrganizationRules {
    /// What a refused kind was to be used for, which words the refusal.
    public enum EstablishmentUse: Sendable, Hashable {
        /// A unit's quota (unit page, 三定 sheet, plan step).
        case quota
        /// A person registered in it (person form, people sheet).
        case person
    }

    /// Why `category` may not be used here (zh, en), or nil when the policy lists it: a zone that
    /// replaced 编制 with 员额 (成都芯谷) must not gain 事业编制 through a form or a sheet.
    public func refusal(_ category: EstablishmentCategory, for use: EstablishmentUse) -> (message: String, english: String)? {
        establishment.contains(category) ? nil : Self.refusal(category, listed: establishment, for: use)
    }

    /// The refusal's wording for a kind outside `listed`; also read by ``QuotaViolation``.
    static func refusal(_ category: EstablishmentCategory, listed: [EstablishmentCategory],
                        for use: EstablishmentUse) -> (message: String, english: String) {
        let kinds = listed.map(\.rawValue).joined(separator: "、")
        let label = QuotaItem.establishment(category).label
        let (zh, en) = switch use {
        case .quota: ("不能核定\(label)", "no \(category.rawValue) quota may be set")
        case .person: ("不能登记\(label)人员", "no one may be registered as \(category.rawValue)")
        }
        return ("本园区政策（organization.establishment）只使用：\(kinds)；\(zh)",
                "the zone's policy (organization.establishment) uses only \(kinds); \(en)")
    }
}
