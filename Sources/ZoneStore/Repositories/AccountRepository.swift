import SQLKit
import ZoneCore

/// Accounts, login failures and lockout. Password hashing happens above (bcrypt in ZoneWeb).
public struct AccountRepository: Sendable {
    let database: ZoneDatabase
    let audit: AuditLog
    let clock: Clock

    static let columns: SQLQueryString = """
        id, username, display_name, password_hash, role, zone_id, unit_id, person_id, must_change_password,
        failed_attempts, locked_until, active, version
        """

    public func find(username: String) async throws -> Account? {
        try await database.reader.raw("SELECT \(Self.columns) FROM accounts WHERE username = \(bind: username)").first().map(Self.account)
    }

    public func find(id: Int64) async throws -> Account? {
        try await database.reader.raw("SELECT \(Self.columns) FROM accounts WHERE id = \(bind: id)").first().map(Self.account)
    }

    public func all() async throws -> [Account] {
        try await database.reader.raw("SELECT \(Self.columns) FROM accounts ORDER BY id").all().map(Self.account)
    }

    public func create(_ new: NewAccount, actor: String) async throws -> Account {
        let audit = audit, backend = database.backend, now = clock.isoTimestamp
        let id = try await database.transaction { tx in
            guard try await tx.raw("SELECT id FROM accounts WHERE username = \(bind: new.username)").first() == nil else {
                throw StoreError.duplicate("用户名 \(new.username) 已存在")
            }
            let id = try await insertReturningID(tx, """
                INSERT INTO accounts (username, display_name, password_hash, role, zone_id, unit_id, person_id,
                                      must_change_password, created_at)
                VALUES (\(bind: new.username), \(bind: new.displayName), \(bind: new.passwordHash), \(bind: new.role.rawValue),
                        \(bind: new.zoneID), \(bind: new.unitID), \(bind: new.personID), \(bind: new.mustChangePassword ? 1 : 0), \(bind: now))
                """)
            try await audit.append(AuditEntry(actor: actor, action: "account.create", entity: "account", entityID: String(id),
                                              detail: "username=\(new.username); role=\(new.role.rawValue)"), in: tx, backend: backend)
            return id
        }
        return try await find(id: id)!
    }

    /// Counts a failed login; the fifth in a row locks the account for 30 minutes.
    /// Returns the account as it is after the failure.
    public func recordFailure(id: Int64, username: String) async throws -> Account {
        let audit = audit, backend = database.backend, now = clock.epochSeconds
        try await database.transaction { tx in
            let row = try await tx.raw("SELECT failed_attempts FROM accounts WHERE id = \(bind: id)").first()
            let failures = try (row?.decode(column: "failed_attempts", as: Int.self) ?? 0) + 1
            let lock = failures >= PasswordPolicy.maxFailures ? now + PasswordPolicy.lockoutSeconds : 0
            try await tx.raw("""
                UPDATE accounts SET failed_attempts = \(bind: lock > 0 ? 0 : failures), locked_until = \(bind: lock)
                WHERE id = \(bind: id)
                """).run()
            try await audit.append(AuditEntry(actor: username, action: lock > 0 ? "login.locked" : "login.failed",
                                              entity: "account", entityID: String(id), detail: "failures=\(failures)"),
                                   in: tx, backend: backend)
        }
        return try await find(id: id)!
    }

    public func recordSuccess(id: Int64, username: String) async throws {
        let audit = audit, backend = database.backend
        try await database.transaction { tx in
            try await tx.raw("UPDATE accounts SET failed_attempts = 0, locked_until = 0 WHERE id = \(bind: id)").run()
            try await audit.append(AuditEntry(actor: username, action: "login", entity: "account", entityID: String(id)),
                                   in: tx, backend: backend)
        }
    }

    public func setPassword(id: Int64, hash: String, mustChange: Bool, actor: String) async throws {
        let audit = audit, backend = database.backend
        try await database.transaction { tx in
            try await tx.raw("""
                UPDATE accounts SET password_hash = \(bind: hash), must_change_password = \(bind: mustChange ? 1 : 0),
                    version = version + 1 WHERE id = \(bind: id)
                """).run()
            try await audit.append(AuditEntry(actor: actor, action: mustChange ? "password.reset" : "password.change",
                                              entity: "account", entityID: String(id)), in: tx, backend: backend)
        }
    }

    /// 安全管理员's job: role and its scope anchors. The zone is set with the role because a
    /// province account belongs to no zone (nil) and a zone role to the assigning admin's zone.
    public func assignRole(id: Int64, role: Role, zoneID: Int64?, unitID: Int64?, personID: Int64?, actor: String) async throws {
        let audit = audit, backend = database.backend
        try await database.transaction { tx in
            try await tx.raw("""
                UPDATE accounts SET role = \(bind: role.rawValue), zone_id = \(bind: zoneID), unit_id = \(bind: unitID),
                    person_id = \(bind: personID), version = version + 1 WHERE id = \(bind: id)
                """).run()
            try await audit.append(AuditEntry(actor: actor, action: "account.role", entity: "account", entityID: String(id),
                                              detail: "role=\(role.rawValue); zone=\(zoneID.map(String.init) ?? ""); unit=\(unitID.map(String.init) ?? ""); person=\(personID.map(String.init) ?? "")"),
                                   in: tx, backend: backend)
        }
    }

    public func unlock(id: Int64, actor: String) async throws {
        let audit = audit, backend = database.backend
        try await database.transaction { tx in
            try await tx.raw("UPDATE accounts SET failed_attempts = 0, locked_until = 0 WHERE id = \(bind: id)").run()
            try await audit.append(AuditEntry(actor: actor, action: "account.unlock", entity: "account", entityID: String(id)),
                                   in: tx, backend: backend)
        }
    }

    static func account(_ row: any SQLRow) throws -> Account {
        Account(id: try row.decode(column: "id", as: Int64.self),
                username: try row.decode(column: "username", as: String.self),
                displayName: try row.decode(column: "display_name", as: String.self),
                passwordHash: try row.decode(column: "password_hash", as: String.self),
                role: try row.decode(column: "role", as: Role.self, table: "accounts"),
                zoneID: try row.decode(column: "zone_id", as: Int64?.self),
                unitID: try row.decode(column: "unit_id", as: Int64?.self),
                personID: try row.decode(column: "person_id", as: Int64?.self),
                mustChangePassword: try row.decode(column: "must_change_password", as: Int.self) != 0,
                failedAttempts: try row.decode(column: "failed_attempts", as: Int.self),
                lockedUntil: try row.decode(column: "locked_until", as: Int64.self),
                active: try row.decode(column: "active", as: Int.self) != 0,
                version: try row.decode(column: "version", as: Int.self))
    }
}
