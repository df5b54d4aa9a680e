import ZoneCore

/// A unit to create with its quotas; `parentIndex` points at an earlier unit of the same batch.
public struct NewUnit: Sendable {
    public var unit: Unit
    public var parentIndex: Int?
    public var establishment: [EstablishmentCategory: Int]
    public var leadership: [LeadershipClass: Int]
    public var flatStaffing: Bool

    public init(unit: Unit, parentIndex: Int?, establishment: [EstablishmentCategory: Int] = [:],
                leadership: [LeadershipClass: Int] = [:], flatStaffing: Bool = false) {
        self.unit = unit
        self.parentIndex = parentIndex
        self.establishment = establishment
        self.leadership = leadership
        self.flatStaffing = flatStaffing
    }
}
