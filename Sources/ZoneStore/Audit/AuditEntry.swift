/// What happened, by whom, to what. `detail` is a short canonical text (field=value; …) with
/// personal data masked, so the log itself does not spread ID numbers.
public struct AuditEntry: Sendable, Equatable {
    public var actor: String
    public var action: String
    public var entity: String
    public var entityID: String
    public var detail: String
    /// The zone the row belongs to, which decides whose auditors read it. nil when appending means
    /// the actor's account's zone; a stored nil is a row of no zone (a province account's), read
    /// only by an auditor of no zone.
    public var zoneID: Int64?

    public init(actor: String, action: String, entity: String, entityID: String, detail: String = "", zoneID: Int64? = nil) {
        self.actor = actor
        self.action = action
        self.entity = entity
        self.entityID = entityID
        self.detail = detail
        self.zoneID = zoneID
    }

    /// Entities whose details are accounts and keys, not business data: the audit admin reads
    /// them in full, since checking the other two admins' work is the audit admin's duty.
    static let adminEntities: Set<String> = ["account", "audit_key"]

    /// `detail` with the business values taken out and the field names kept — what the audit admin
    /// (who reads no business data) sees: `name=张三; idNumber=110105********002X` becomes
    /// `name=…; idNumber=…`, `status: 在岗 → 待岗` becomes `status: …`.
    public var detailWithoutValues: String {
        if Self.adminEntities.contains(entity) { return detail }
        return detail.split(separator: "; ").map { part -> String in
            if let sign = part.firstIndex(where: { $0 == "=" || $0 == ":" }) { return String(part[...sign]) + (part[sign] == "=" ? "…" : " …") }
            return "…"
        }.joined(separator: "; ")
    }
}

/// Whose audit rows a reader sees: one zone's (that zone's auditors), the rows of no zone (the
/// province's auditors, who check the province's accounts), or every row (the command line).
public enum AuditScope: Sendable, Equatable {
    case zone(Int64)
    case province
    case all
}

/// A stored audit row with its chain hashes.
public struct AuditRecord: Sendable, Equatable {
    public let seq: Int64
    public let at: String
    public let entry: AuditEntry
    public let prevHash: String
    public let hash: String
    /// The key that signed the row (`AuditKeyring`); "" for a legacy row hashed without a key.
    public let keyID: String
}

/// The result of walking the chain: nil `firstBad` means every row verified.
public struct AuditVerification: Sendable, Equatable {
    public let rowsChecked: Int
    public let firstBad: Int64?
    public let reason: String?
    /// The newest row walked, to be written down elsewhere as an anchor.
    public var head: AuditAnchor? = nil
    /// Rows written before the chain was keyed: their hashes hold without a secret, so they show
    /// that nothing was edited by accident, not that nobody rewrote them.
    public var legacyRows: Int = 0
    /// The keys that signed the rows walked, oldest first.
    public var keyIDs: [String] = []

    public var isIntact: Bool { firstBad == nil }
}

/// A chain head (sequence number and hash) kept outside the database — a file on another
/// machine, a line in a signed report. A valid chain alone cannot show that its newest rows were
/// cut off; a later walk that no longer reaches an anchor, or reaches it with another hash, can.
public struct AuditAnchor: Sendable, Equatable {
    public let seq: Int64
    public let hash: String

    public init(seq: Int64, hash: String) {
        self.seq = seq
        self.hash = hash
    }

    /// One anchor per line: `seq hash`, then anything (the time it was taken); `#` starts a comment.
    public static func parse(lines text: String) throws -> [AuditAnchor] {
        try text.split(whereSeparator: \.isNewline).enumerated().compactMap { index, line in
            let fields = line.split(separator: " ")
            guard let first = fields.first, !first.hasPrefix("#") else { return nil }
            guard fields.count >= 2, let seq = Int64(first), seq > 0, fields[1].count == 64,
                  fields[1].allSatisfy(\.isHexDigit) else {
                throw StoreError.invalid("锚点文件第\(index + 1)行格式应为“序号 哈希”", english: "anchor line \(index + 1) should be \"seq hash\"")
            }
            return AuditAnchor(seq: seq, hash: String(fields[1]))
        }
    }

    public var line: String { "\(seq) \(hash)" }
}
