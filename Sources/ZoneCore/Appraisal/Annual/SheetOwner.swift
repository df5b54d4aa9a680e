/// Whose KPI sheet scores a person in the cascade: their own (个人指标) if they have one, else
/// their unit's, else the nearest ancestor unit's, else the zone's — so a department that has not
/// split its targets further scores its staff on the department's result.
public enum SheetOwner: Hashable, Sendable {
    case person(Int64)
    case unit(Int64)
    case zone

    public static func resolve(personID: Int64?, unitID: Int64, personSheets: Set<Int64>, unitSheets: Set<Int64>,
                               parentOf: [Int64: Int64?], zoneSheet: Bool) -> SheetOwner? {
        if let personID, personSheets.contains(personID) { return .person(personID) }
        var current: Int64? = unitID
        var seen = Set<Int64>()
        while let id = current, seen.insert(id).inserted {
            if unitSheets.contains(id) { return .unit(id) }
            current = parentOf[id] ?? nil
        }
        return zoneSheet ? .zone : nil
    }
}
