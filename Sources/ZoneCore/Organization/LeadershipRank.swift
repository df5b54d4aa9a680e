/// The rank of a leadership post a person holds (实职领导职务).
public enum LeadershipRank: String, CaseIterable, Codable, Sendable {
    case division = "正处"
    case deputyDivision = "副处"
    case section = "正科"
    case deputySection = "副科"

    /// The quota classes this rank counts against: its own and its level's combined class, so a
    /// zone can cap "科级领导职数 20" (毕节) or 正科 and 副科 separately, or both.
    public var quotaClasses: [LeadershipClass] {
        switch self {
        case .division: [.division, .divisionLevel]
        case .deputyDivision: [.deputyDivision, .divisionLevel]
        case .section: [.section, .sectionLevel]
        case .deputySection: [.deputySection, .sectionLevel]
        }
    }
}

/// What a 领导职数 quota is set for: one rank, or a level's ranks together.
public enum LeadershipClass: String, CaseIterable, Codable, Sendable {
    case division = "正处"
    case deputyDivision = "副处"
    case divisionLevel = "处级"
    case section = "正科"
    case deputySection = "副科"
    case sectionLevel = "科级"

    public var label: String { rawValue + (rawValue.count == 2 && rawValue.hasSuffix("级") ? "" : "级") + "领导职数" }
}
