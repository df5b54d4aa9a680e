import SQLKit

/// A password reset (三员分立): the system admin asks for it, the security admin — having seen the
/// owner in person — approves it and alone is shown the one-time password. Neither admin alone gets a
/// usable way into a business account; both steps are audited in the account's zone, and the owner
/// sees them on their home page.
public struct PasswordReset: Sendable, Equatable {
    public let id: Int64
    public let accountID: Int64
    public let requestedBy: String
    public let requestedAt: String
    public let approvedBy: String?
    public let approvedAt: String?
}

extension AccountRepository {
    static let resetColumns: SQLQueryString = "id, account_id, requested_by, requested_at, approved_by, approved_at"

    /// Records the system admin's request; a second request while one is pending is refused.
    public func requestReset(id: Int64, actor: String) async throws {
        let audit = audit, backend = database.backend, now = clock.isoTimestamp
        try await database.transaction { tx in
            let zone = try await Self.zone(of: id, in: tx)
            guard try await Self.pendingReset(id, in: tx) == nil else {
                throw StoreError.duplicate("该账号已有待批准的密码重置申请")
            }
            try await tx.raw("""
                INSERT INTO password_resets (account_id, zone_id, requested_by, requested_at)
                VALUES (\(bind: id), \(bind: zone), \(bind: actor), \(bind: now))
                """).run()
            try await audit.append(AuditEntry(actor: actor, action: "password.reset_request", entity: "account", entityID: String(id),
                                              zoneID: zone), in: tx, backend: backend)
        }
    }

    /// Sets the one-time password (`hash`, to be changed at the next login) for the pending
    /// request and unlocks the account; returns the request it approved.
    public func approveReset(id: Int64, hash: String, actor: String) async throws -> PasswordReset {
        let audit = audit, backend = database.backend, now = clock.isoTimestamp
        return try await database.transaction { tx in
            guard let pending = try await Self.pendingReset(id, in: tx) else {
                throw StoreError.notFound("该账号待批准的密码重置申请")
            }
            try await tx.raw("""
                UPDATE password_resets SET approved_by = \(bind: actor), approved_at = \(bind: now) WHERE id = \(bind: pending.id)
                """).run()
            try await tx.raw("""
                UPDATE accounts SET password_hash = \(bind: hash), must_change_password = 1, failed_attempts = 0, locked_until = 0,
                    version = version + 1 WHERE id = \(bind: id)
                """).run()
            try await audit.append(AuditEntry(actor: actor, action: "password.reset", entity: "account", entityID: String(id),
                                              detail: "requested_by=\(pending.requestedBy); approved_by=\(actor)",
                                              zoneID: try await Self.zone(of: id, in: tx)), in: tx, backend: backend)
            return PasswordReset(id: pending.id, accountID: id, requestedBy: pending.requestedBy, requestedAt: pending.requestedAt,
                                 approvedBy: actor, approvedAt: now)
        }
    }

    /// Requests not yet approved, by account id.
    public func pendingResets() async throws -> [Int64: PasswordReset] {
        let rows = try await database.reader.raw("""
            SELECT \(Self.resetColumns) FROM password_resets WHERE approved_by IS NULL ORDER BY id
            """).all().map(Self.reset)
        return Dictionary(rows.map { ($0.accountID, $0) }, uniquingKeysWith: { _, newer in newer })
    }

    /// The account's resets, newest first: what its owner is shown.
    public func resets(accountID: Int64, limit: Int = 5) async throws -> [PasswordReset] {
        try await database.reader.raw("""
            SELECT \(Self.resetColumns) FROM password_resets WHERE account_id = \(bind: accountID) ORDER BY id DESC LIMIT \(bind: limit)
            """).all().map(Self.reset)
    }

    static func pendingReset(_ accountID: Int64, in tx: any SQLDatabase) async throws -> PasswordReset? {
        try await tx.raw("""
            SELECT \(resetColumns) FROM password_resets WHERE account_id = \(bind: accountID) AND approved_by IS NULL ORDER BY id DESC LIMIT 1
            """).first().map(reset)
    }

    static func reset(_ row: any SQLRow) throws -> PasswordReset {
        PasswordReset(id: try row.decode(column: "id", as: Int64.self), accountID: try row.decode(column: "account_id", as: Int64.self),
                      requestedBy: try row.decode(column: "requested_by", as: String.self),
                      requestedAt: try row.decode(column: "requested_at", as: String.self),
                      approvedBy: try row.decode(column: "approved_by", as: String?.self),
                      approvedAt: try row.decode(column: "approved_at", as: String?.self))
    }
}
