/// One step of a restructuring plan. Steps apply in order to a snapshot of today's organisation.
public enum PlanOperation: Hashable, Codable, Sendable {
    /// 新设: a new unit with its quotas.
    case create(NewPlanUnit)
    /// 合并: the sources' people move into the target and the sources are abolished.
    case merge(sources: [UnitRef], into: UnitRef)
    /// 撤销: the unit is abolished and its people go to the destination.
    case abolish(UnitRef, peopleTo: Destination)
    /// 人员调整 / 分流: named people move or leave.
    case movePeople([Int64], to: Destination)
    /// 核定编制 (nil removes the quota).
    case setEstablishment(UnitRef, EstablishmentCategory, Int?)
    /// 核定领导职数 (nil removes it).
    case setLeadership(UnitRef, LeadershipClass, Int?)
    /// 职能调整: whether the unit counts as an economic-function unit.
    case setEconomic(UnitRef, Bool)
    /// 更名.
    case rename(UnitRef, String)
}

/// A unit a plan creates.
public struct NewPlanUnit: Hashable, Codable, Sendable {
    public var key: String
    public var name: String
    public var parent: UnitRef?
    public var kind: UnitKind
    public var orgType: OrgType
    public var funding: Funding?
    public var rank: String
    public var isEconomic: Bool

    public init(key: String, name: String, parent: UnitRef?, kind: UnitKind, orgType: OrgType, funding: Funding? = .full,
                rank: String = "", isEconomic: Bool = false) {
        self.key = key
        self.name = name
        self.parent = parent
        self.kind = kind
        self.orgType = orgType
        self.funding = funding
        self.rank = rank
        self.isEconomic = isEconomic
    }
}
