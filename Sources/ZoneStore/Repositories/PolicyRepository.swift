import SQLKit
import ZoneCore

/// A zone's policy document (SPEC "Policies as data"): stored as the YAML text it was loaded
/// from, versioned, and read back through ``PolicyLoader`` so the database never holds a policy
/// the loader would refuse.
public struct PolicyRepository: Sendable {
    let database: ZoneDatabase
    let audit: AuditLog
    let clock: Clock

    public struct Current: Sendable {
        public let version: Int
        public let policy: ZonePolicy
        public let document: String
    }

    /// Validates and stores a new version; returns it. A refused document writes nothing.
    @discardableResult
    public func load(zoneID: Int64, yaml: String, source: String, actor: String) async throws -> Int {
        let policy: ZonePolicy
        do { policy = try PolicyLoader.load(yaml: yaml, source: source) } catch {
            throw StoreError.invalid(error.description, english: "the policy file is refused: \(error.problems.count) problem(s), each listed above by line and field")
        }
        let audit = audit, backend = database.backend, now = clock.isoTimestamp
        return try await database.transaction { tx in
            try await Self.insertVersion(zoneID: zoneID, yaml: yaml, policy: policy, actor: actor, now: now, in: tx, audit: audit, backend: backend)
        }
    }

    /// Stores `yaml` (already read as `policy`) as the zone's next version inside `tx`, audited;
    /// a new zone's version 1 is written this way in the transaction that creates the zone.
    static func insertVersion(zoneID: Int64, yaml: String, policy: ZonePolicy, actor: String, now: String,
                              in tx: any SQLDatabase, audit: AuditLog, backend: Backend) async throws -> Int {
        let row = try await tx.raw("SELECT COALESCE(MAX(version), 0) AS v FROM zone_policies WHERE zone_id = \(bind: zoneID)").first()
        let version = try (row?.decode(column: "v", as: Int.self) ?? 0) + 1
        try await tx.raw("""
            INSERT INTO zone_policies (zone_id, version, document, loaded_at, loaded_by)
            VALUES (\(bind: zoneID), \(bind: version), \(bind: yaml), \(bind: now), \(bind: actor))
            """).run()
        try await audit.append(AuditEntry(actor: actor, action: "policy.load", entity: "zone", entityID: String(zoneID),
                                          detail: "version=\(version); code=\(policy.code); policy_version=\(policy.version); sha256=\(sha256Hex(yaml))", zoneID: zoneID),
                               in: tx, backend: backend)
        return version
    }

    /// The latest version (or the given one), or nil when there is none.
    public func current(zoneID: Int64, version: Int? = nil, in db: (any SQLDatabase)? = nil) async throws -> Current? {
        let db = db ?? database.reader
        let query: SQLQueryString = if let version {
            "SELECT version, document FROM zone_policies WHERE zone_id = \(bind: zoneID) AND version = \(bind: version)"
        } else {
            "SELECT version, document FROM zone_policies WHERE zone_id = \(bind: zoneID) ORDER BY version DESC LIMIT 1"
        }
        guard let row = try await db.raw(query).first() else { return nil }
        let document = try row.decode(column: "document", as: String.self)
        let policy: ZonePolicy
        do { policy = try PolicyLoader.load(yaml: document, source: "zone_policies") } catch { throw StoreError.invalid(error.description) }
        return Current(version: try row.decode(column: "version", as: Int.self), policy: policy, document: document)
    }

    /// The zone's policy, or a refusal naming what is missing.
    public func require(zoneID: Int64, version: Int? = nil, in db: (any SQLDatabase)? = nil) async throws -> Current {
        guard let current = try await current(zoneID: zoneID, version: version, in: db) else {
            throw StoreError.invalid("本园区尚未载入政策文件（zonedesk policy load）", english: "no policy loaded for this zone (zonedesk policy load)")
        }
        return current
    }
}
