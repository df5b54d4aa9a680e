/// What happened, by whom, to what. `detail` is a short canonical text (field=value; …) with
/// personal data masked, so the log itself does not spread ID numbers.
public struct AuditEntry: Sendable, Equatable {
    public var actor: String
    public var action: String
    public var entity: String
    public var entityID: String
    public var detail: String

    public init(actor: String, action: String, entity: String, entityID: String, detail: String = "") {
        self.actor = actor
        self.action = action
        self.entity = entity
        self.entityID = entityID
        self.detail = detail
    }
}

/// A stored audit row with its chain hashes.
public struct AuditRecord: Sendable, Equatable {
    public let seq: Int64
    public let at: String
    public let entry: AuditEntry
    public let prevHash: String
    public let hash: String
}

/// The result of walking the chain: nil `firstBad` means every row verified.
public struct AuditVerification: Sendable, Equatable {
    public let rowsChecked: Int
    public let firstBad: Int64?
    public let reason: String?

    public var isIntact: Bool { firstBad == nil }
}
