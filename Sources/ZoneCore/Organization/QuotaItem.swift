/// One quota a unit may hold: an establishment category (编制 or 员额) or a leadership class (领导职数).
/// The 编制台账 records changes per item, and the 三定 sheet has one column per item.
public enum QuotaItem: Hashable, Sendable {
    case establishment(EstablishmentCategory)
    case leadership(LeadershipClass)

    /// Every item in the sheet's column order: the five establishment categories, then the six leadership classes.
    public static let all: [QuotaItem] = EstablishmentCategory.allCases.map(QuotaItem.establishment) + LeadershipClass.allCases.map(QuotaItem.leadership)

    /// "行政编制", "员额", "正处级领导职数": the sheet's column and the 台账's category.
    public var label: String {
        switch self {
        case .establishment(.postCap): "员额"
        case .establishment(let c): c.rawValue + "编制"
        case .leadership(let c): c.label
        }
    }

    /// The stored pair, as `quota_approvals` stores it: kind `establishment`/`leadership` and the class's raw value.
    public var kind: String {
        switch self {
        case .establishment: "establishment"
        case .leadership: "leadership"
        }
    }

    public var classValue: String {
        switch self {
        case .establishment(let c): c.rawValue
        case .leadership(let c): c.rawValue
        }
    }

    public init?(kind: String, classValue: String) {
        switch kind {
        case "establishment": guard let c = EstablishmentCategory(rawValue: classValue) else { return nil }; self = .establishment(c)
        case "leadership": guard let c = LeadershipClass(rawValue: classValue) else { return nil }; self = .leadership(c)
        default: return nil
        }
    }
}
