/// Where a person counts against quotas: their unit, the establishment they occupy (none for 编外)
/// and the leadership rank they hold, if any.
public struct Placement: Hashable, Sendable {
    public var unitID: Int64
    public var category: StaffCategory
    public var leadership: LeadershipRank?

    public init(unitID: Int64, category: StaffCategory, leadership: LeadershipRank? = nil) {
        self.unitID = unitID
        self.category = category
        self.leadership = leadership
    }

    /// The establishment category this placement uses; 编外 uses none.
    public var establishment: EstablishmentCategory? {
        category == .contract ? nil : EstablishmentCategory(rawValue: category.rawValue)
    }
}

/// One change to who fills what: a hire (nil → p), a departure (p → nil) or a move/edit (p → q).
public struct StaffingChange: Hashable, Sendable {
    public var before: Placement?
    public var after: Placement?
    /// Who is changing, for messages ("张三").
    public var label: String

    public init(before: Placement?, after: Placement?, label: String = "") {
        self.before = before
        self.after = after
        self.label = label
    }
}
