import ZoneCore

/// A page of the people register: text matches name (substring) or a full ID number (exact).
public struct PeopleQuery: Sendable {
    public var zoneID: Int64
    public var text: String
    /// nil means every unit of the zone; otherwise only these (a scope or a unit filter).
    public var unitIDs: Set<Int64>?
    /// Restricts to one person (员工 sees only themself).
    public var personID: Int64?
    public var page: Int
    public var pageSize: Int

    public init(zoneID: Int64, text: String = "", unitIDs: Set<Int64>? = nil, personID: Int64? = nil,
                page: Int = 1, pageSize: Int = 20) {
        self.zoneID = zoneID
        self.text = text
        self.unitIDs = unitIDs
        self.personID = personID
        self.page = max(1, page)
        self.pageSize = min(max(1, pageSize), 200)
    }
}

public struct PeoplePage: Sendable {
    public let people: [Person]
    public let total: Int
    public let page: Int
    public let pageSize: Int

    public var pageCount: Int { max(1, (total + pageSize - 1) / pageSize) }
}
