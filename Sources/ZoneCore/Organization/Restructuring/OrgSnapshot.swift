/// The organisation at one moment, as a plan sees it: units (live or abolished), quotas, and
/// where each person holds their place. Pure data, so a plan can be previewed without touching
/// the live register.
public struct OrgSnapshot: Sendable, Equatable {
    public struct UnitState: Sendable, Equatable {
        public var ref: UnitRef
        public var name: String
        public var parent: UnitRef?
        public var kind: UnitKind
        public var orgType: OrgType
        public var isEconomic: Bool
        public var abolished = false

        public init(ref: UnitRef, name: String, parent: UnitRef?, kind: UnitKind, orgType: OrgType, isEconomic: Bool) {
            self.ref = ref
            self.name = name
            self.parent = parent
            self.kind = kind
            self.orgType = orgType
            self.isEconomic = isEconomic
        }
    }

    public struct PersonState: Sendable, Equatable {
        public var id: Int64
        public var unit: UnitRef
        public var category: StaffCategory
        public var leadership: LeadershipRank?

        public init(id: Int64, unit: UnitRef, category: StaffCategory, leadership: LeadershipRank? = nil) {
            self.id = id
            self.unit = unit
            self.category = category
            self.leadership = leadership
        }
    }

    public var units: [UnitState]
    public var establishment: [UnitRef: [EstablishmentCategory: Int]]
    public var leadership: [UnitRef: [LeadershipClass: Int]]
    /// People holding a place in a unit of the zone.
    public var people: [PersonState]
    /// People the plan sends out of the zone, by destination.
    public var diverted: [String: [PersonState]] = [:]
    /// The zone's policy rules a plan must keep to (kinds in use); nil when no policy is loaded.
    public var organization: OrganizationRules?

    public init(units: [UnitState], establishment: [UnitRef: [EstablishmentCategory: Int]],
                leadership: [UnitRef: [LeadershipClass: Int]], people: [PersonState], organization: OrganizationRules? = nil) {
        self.units = units
        self.organization = organization
        self.establishment = establishment
        self.leadership = leadership
        self.people = people
    }

    public func unit(_ ref: UnitRef) -> UnitState? { units.first { $0.ref == ref } }

    public var liveUnits: [UnitState] { units.filter { !$0.abolished } }
}

extension QuotaBook {
    /// The quota book of a (planned) snapshot, so a plan's preview can show what would be over.
    /// Units the plan creates get negative ids, in the order the plan created them.
    /// Approvals recorded for existing units still count (they are keyed by existing ids).
    public init(snapshot: OrgSnapshot, approvedEstablishment: [Int64: [EstablishmentCategory: Int]] = [:],
                approvedLeadership: [Int64: [LeadershipClass: Int]] = [:]) {
        var ids: [UnitRef: Int64] = [:]
        var nextNew: Int64 = -1
        for unit in snapshot.units {
            switch unit.ref {
            case .existing(let id): ids[unit.ref] = id
            case .new: ids[unit.ref] = nextNew; nextNew -= 1
            }
        }
        let live = snapshot.liveUnits
        let units = live.enumerated().map { index, u in
            Unit(id: ids[u.ref]!, parentID: u.parent.flatMap { ids[$0] }, name: u.name, kind: u.kind, orgType: u.orgType, funding: nil,
                 rank: "", isEconomic: u.isEconomic, sortOrder: index)
        }
        var placements: [Placement: Int] = [:]
        for person in snapshot.people {
            placements[Placement(unitID: ids[person.unit]!, category: person.category, leadership: person.leadership), default: 0] += 1
        }
        self.init(tree: UnitTree(units),
                  establishment: Dictionary(uniqueKeysWithValues: snapshot.establishment.compactMap { k, v in ids[k].map { ($0, v) } }),
                  leadership: Dictionary(uniqueKeysWithValues: snapshot.leadership.compactMap { k, v in ids[k].map { ($0, v) } }),
                  approvedEstablishment: approvedEstablishment, approvedLeadership: approvedLeadership, placements: placements,
                  organization: snapshot.organization)
    }
}
