/// One node of a zone's org tree: 党工委/管委会, a 内设机构, a 事业单位, a park, a 法定机构 or a company.
public struct Unit: Identifiable, Hashable, Sendable, Codable {
    public var id: Int64
    public var parentID: Int64?
    public var name: String
    public var kind: UnitKind
    public var orgType: OrgType
    public var funding: Funding?
    public var rank: String
    /// Counts toward the "economic-function units" share of a restructuring plan.
    public var isEconomic: Bool
    public var sortOrder: Int

    public init(id: Int64, parentID: Int64?, name: String, kind: UnitKind, orgType: OrgType,
                funding: Funding?, rank: String, isEconomic: Bool, sortOrder: Int) {
        self.id = id
        self.parentID = parentID
        self.name = name
        self.kind = kind
        self.orgType = orgType
        self.funding = funding
        self.rank = rank
        self.isEconomic = isEconomic
        self.sortOrder = sortOrder
    }
}

public enum UnitKind: String, CaseIterable, Codable, Sendable {
    case zone, committee, department, institution, discipline, park, statutory, company

    public var label: String {
        switch self {
        case .zone: "园区"
        case .committee: "党工委/管委会"
        case .department: "内设机构"
        case .institution: "事业单位"
        case .discipline: "纪工委"
        case .park: "园区（一区多园）"
        case .statutory: "法定机构"
        case .company: "平台公司"
        }
    }
}

public enum OrgType: String, CaseIterable, Codable, Sendable {
    case government = "党政机关"
    case institution = "事业单位"
    case statutory = "法定机构"
    case stateEnterprise = "国有企业"
}

public enum Funding: String, CaseIterable, Codable, Sendable {
    case full = "全额"
    case partial = "差额"
    case selfFunded = "自收自支"
}

/// The kinds of establishment a unit is given (编制 by type, or 员额 where 编制 is no longer used).
public enum EstablishmentCategory: String, CaseIterable, Codable, Sendable {
    case administrative = "行政"
    case institutional = "事业"
    case worker = "工勤"
    case civilServiceManaged = "参公"
    case postCap = "员额"
}
