/// What a 三定 import did: units created and updated, quota changes written to the 编制台账, and the zone's
/// units the sheet did not name (kept, by path).
public struct UnitImportResult: Sendable, Equatable {
    public let created: Int
    public let updated: Int
    public let quotaChanges: Int
    public let unlisted: [String]
}
