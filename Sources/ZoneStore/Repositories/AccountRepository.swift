import SQLKit
import ZoneCore

/// Accounts, login attempts and lockout (`login`), passwords and their history. Password hashing
/// happens above (bcrypt in ZoneWeb).
public struct AccountRepository: Sendable {
    let database: ZoneDatabase
    let audit: AuditLog
    let clock: Clock

    static let columns: SQLQueryString = """
        id, username, display_name, password_hash, role, zone_id, unit_id, person_id, must_change_password,
        failed_attempts, locked_until, active, version, CASE WHEN totp_secret <> '' THEN 1 ELSE 0 END AS has_totp
        """

    public func find(username: String) async throws -> Account? {
        try await database.reader.raw("SELECT \(Self.columns) FROM accounts WHERE username = \(bind: username)").first().map(Self.account)
    }

    public func find(id: Int64) async throws -> Account? {
        try await database.reader.raw("SELECT \(Self.columns) FROM accounts WHERE id = \(bind: id)").first().map(Self.account)
    }

    /// Every account of the database, for the command line and its checks; the web app's admins read `all(zoneID:)`.
    public func all() async throws -> [Account] {
        try await database.reader.raw("SELECT \(Self.columns) FROM accounts ORDER BY id").all().map(Self.account)
    }

    /// The accounts of one zone, or with nil those of no zone (the province's): what one zone's admins, or the
    /// province's, look after. Another zone's accounts are never among them.
    public func all(zoneID: Int64?) async throws -> [Account] {
        try await database.reader.raw("SELECT \(Self.columns) FROM accounts WHERE \(Self.inZone(zoneID)) ORDER BY id").all().map(Self.account)
    }

    /// One account if it is of `zoneID` (nil: of no zone); an account elsewhere reads as missing.
    public func find(id: Int64, zoneID: Int64?) async throws -> Account? {
        try await database.reader.raw("SELECT \(Self.columns) FROM accounts WHERE id = \(bind: id) AND \(Self.inZone(zoneID))").first().map(Self.account)
    }

    static func inZone(_ zoneID: Int64?) -> SQLQueryString {
        if let zoneID { "zone_id = \(bind: zoneID)" } else { "zone_id IS NULL" }
    }

    public func create(_ new: NewAccount, actor: String) async throws -> Account {
        let audit = audit, backend = database.backend, now = clock.isoTimestamp
        let id = try await database.transaction { tx in
            try await Self.insert(new, actor: actor, now: now, in: tx, audit: audit, backend: backend)
        }
        return try await find(id: id)!
    }

    /// Inserts one account inside `tx`, audited; refuses a user name that is taken. A new zone's
    /// three admins are written this way in the transaction that creates the zone.
    static func insert(_ new: NewAccount, actor: String, now: String, in tx: any SQLDatabase, audit: AuditLog,
                       backend: Backend) async throws -> Int64 {
        guard try await tx.raw("SELECT id FROM accounts WHERE username = \(bind: new.username)").first() == nil else {
            throw StoreError.duplicate("用户名 \(new.username) 已存在", english: "user name \(new.username) is taken")
        }
        let id = try await insertReturningID(tx, """
            INSERT INTO accounts (username, display_name, password_hash, role, zone_id, unit_id, person_id,
                                  must_change_password, created_at)
            VALUES (\(bind: new.username), \(bind: new.displayName), \(bind: new.passwordHash), \(bind: new.role.rawValue),
                    \(bind: new.zoneID), \(bind: new.unitID), \(bind: new.personID), \(bind: new.mustChangePassword ? 1 : 0), \(bind: now))
            """)
        try await audit.append(AuditEntry(actor: actor, action: "account.create", entity: "account", entityID: String(id),
                                          detail: "username=\(new.username); role=\(new.role.rawValue)", zoneID: new.zoneID),
                               in: tx, backend: backend)
        return id
    }

    /// Sets a new password hash and ends the account's sessions — every one but `keepingSession`
    /// (the cookie token of the browser that changed its own password) — in one transaction, so a
    /// stolen session does not outlive the password. A password the owner chose (`mustChange`
    /// false) joins the history of their latest `PasswordPolicy.historyDepth`; a one-time password
    /// from a reset does not, so resets cannot push a real password out of it.
    public func setPassword(id: Int64, hash: String, mustChange: Bool, actor: String, keepingSession: String? = nil) async throws {
        let audit = audit, backend = database.backend, now = clock.isoTimestamp
        let kept = keepingSession.map(SessionRepository.hash) ?? ""
        try await database.transaction { tx in
            try await tx.raw("""
                UPDATE accounts SET password_hash = \(bind: hash), must_change_password = \(bind: mustChange ? 1 : 0),
                    version = version + 1 WHERE id = \(bind: id)
                """).run()
            try await tx.raw("DELETE FROM sessions WHERE account_id = \(bind: id) AND token_hash <> \(bind: kept)").run()
            if !mustChange {
                try await tx.raw("""
                    INSERT INTO password_history (account_id, password_hash, changed_at) VALUES (\(bind: id), \(bind: hash), \(bind: now))
                    """).run()
                try await tx.raw("""
                    DELETE FROM password_history WHERE account_id = \(bind: id) AND id NOT IN (
                        SELECT id FROM password_history WHERE account_id = \(bind: id) ORDER BY id DESC LIMIT \(bind: PasswordPolicy.historyDepth))
                    """).run()
            }
            try await audit.append(AuditEntry(actor: actor, action: mustChange ? "password.reset" : "password.change",
                                              entity: "account", entityID: String(id), zoneID: try await Self.zone(of: id, in: tx)),
                                   in: tx, backend: backend)
        }
    }

    /// Hashes of the account's latest chosen passwords, newest first; a new password matching any
    /// of them is refused.
    public func recentPasswordHashes(id: Int64) async throws -> [String] {
        try await database.reader.raw("""
            SELECT password_hash FROM password_history WHERE account_id = \(bind: id)
            ORDER BY id DESC LIMIT \(bind: PasswordPolicy.historyDepth)
            """).all().map { try $0.decode(column: "password_hash", as: String.self) }
    }

    /// 安全管理员's job: role and its scope anchors. The account's zone is not among them: it is set
    /// when the account is created and never changes, so no admin can move an account into another
    /// zone (or out of the province) by giving it a role.
    public func assignRole(id: Int64, role: Role, unitID: Int64?, personID: Int64?, actor: String) async throws {
        let audit = audit, backend = database.backend
        try await database.transaction { tx in
            try await tx.raw("""
                UPDATE accounts SET role = \(bind: role.rawValue), unit_id = \(bind: unitID),
                    person_id = \(bind: personID), version = version + 1 WHERE id = \(bind: id)
                """).run()
            try await audit.append(AuditEntry(actor: actor, action: "account.role", entity: "account", entityID: String(id),
                                              detail: "role=\(role.rawValue); unit=\(unitID.map(String.init) ?? ""); person=\(personID.map(String.init) ?? "")",
                                              zoneID: try await Self.zone(of: id, in: tx)),
                                   in: tx, backend: backend)
        }
    }

    /// The account's TOTP secret (base32), nil when it has none. Read only where a code is checked.
    public func totpSecret(id: Int64) async throws -> String? {
        let secret = try await database.reader.raw("SELECT totp_secret FROM accounts WHERE id = \(bind: id)").first()?
            .decode(column: "totp_secret", as: String.self)
        return secret?.isEmpty == false ? secret : nil
    }

    /// Enrols (a base32 secret) or removes ('') the account's second factor. `usedStep` is the step
    /// of the code that confirmed the enrolment, which may then not sign in as well.
    public func setTOTP(id: Int64, secret: String, usedStep: Int64 = 0, actor: String) async throws {
        let audit = audit, backend = database.backend
        try await database.transaction { tx in
            try await tx.raw("""
                UPDATE accounts SET totp_secret = \(bind: secret), totp_last_step = \(bind: usedStep), version = version + 1 WHERE id = \(bind: id)
                """).run()
            try await audit.append(AuditEntry(actor: actor, action: secret.isEmpty ? "totp.remove" : "totp.enrol", entity: "account",
                                              entityID: String(id)), in: tx, backend: backend)
        }
    }

    public func unlock(id: Int64, actor: String) async throws {
        let audit = audit, backend = database.backend
        try await database.transaction { tx in
            try await tx.raw("UPDATE accounts SET failed_attempts = 0, login_pending = 0, locked_until = 0 WHERE id = \(bind: id)").run()
            try await audit.append(AuditEntry(actor: actor, action: "account.unlock", entity: "account", entityID: String(id),
                                              zoneID: try await Self.zone(of: id, in: tx)), in: tx, backend: backend)
        }
    }

    /// The account's zone: its audit rows belong there, whoever acted on it.
    static func zone(of id: Int64, in tx: any SQLDatabase) async throws -> Int64? {
        try await tx.raw("SELECT zone_id FROM accounts WHERE id = \(bind: id)").first()?.decode(column: "zone_id", as: Int64?.self) ?? nil
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
                version: try row.decode(column: "version", as: Int.self),
                hasTOTP: try row.decode(column: "has_totp", as: Int.self) != 0)
    }
}
