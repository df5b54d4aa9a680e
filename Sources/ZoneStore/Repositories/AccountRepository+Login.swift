import SQLKit
import ZoneCore

/// How one login attempt ended. The person at the keyboard gets the same answer for every refusal
/// (no user-name enumeration); the reason is for the audit log and for tests.
public enum LoginOutcome: Sendable, Equatable {
    case signedIn(Account)
    case refused(LoginRefusal)
}

public enum LoginRefusal: String, Sendable {
    /// No such user name, or the account is deactivated.
    case unknownAccount = "unknown_account"
    case wrongPassword = "wrong_password"
    /// Locked before the attempt, or while its password was being checked.
    case locked
}

extension AccountRepository {
    /// One login attempt, safe against any number of parallel attempts on the same account.
    ///
    /// The password is checked (bcrypt, ~0.1 s) outside any transaction, so a slow check never holds
    /// SQLite's single writer. Instead each attempt first takes one of `PasswordPolicy.maxFailures`
    /// slots in one atomic `UPDATE` (failed attempts so far + attempts being checked must stay under
    /// the limit), and settles it afterwards; a wrong password that reaches the limit locks the
    /// account for 30 minutes. An attempt that finds every slot taken locks the account at once:
    /// it would be one too many. So at most five wrong passwords are ever checked in a row, however
    /// many arrive together, and a correct password checked while the account got locked does not
    /// sign in or clear the lock.
    ///
    /// `verify` gets the stored hash, or nil when there is none to check (unknown name, locked
    /// account): it must then do a dummy check of the same cost, so every answer takes as long.
    /// An account with a second factor also needs `oneTimeCode` to return the TOTP step the
    /// entered code belongs to; a wrong code counts as a wrong password, and a step no newer than
    /// the last accepted one (a replayed code) too. Every attempt is audited with the client
    /// `address`, unknown names too.
    ///
    /// ```swift
    /// let outcome = try await store.accounts.login(username: "hr", address: "10.0.0.7") { hash in
    ///     hasher.verify(password, hash: hash ?? hasher.decoy)
    /// }
    /// ```
    public func login(username: String, address: String, verify: @escaping @Sendable (_ hash: String?) async -> Bool,
                      oneTimeCode: @escaping @Sendable (_ secret: String) -> Int64? = { _ in nil }) async throws -> LoginOutcome {
        let now = clock.epochSeconds
        guard let account = try await find(username: username), account.active else {
            _ = await verify(nil)
            try await auditAttempt(username, account: nil, action: "login.failed", detail: "reason=unknown_account", address: address)
            return .refused(.unknownAccount)
        }
        guard let stored = try await reserveAttempt(account.id, now: now) else {
            _ = await verify(nil)
            try await refuseLocked(account, address: address, now: now)
            return .refused(.locked)
        }
        let passwordRight = await verify(stored.hash)
        let step = passwordRight && !stored.totpSecret.isEmpty ? oneTimeCode(stored.totpSecret) : nil
        return try await settleAttempt(account, correct: passwordRight && (stored.totpSecret.isEmpty || step != nil), totpStep: step,
                                       address: address, now: now)
    }

    /// Takes a checking slot unless the account is locked or every slot is taken; returns what
    /// to check it against, read in the same statement.
    private func reserveAttempt(_ id: Int64, now: Int64) async throws -> (hash: String, totpSecret: String)? {
        try await database.transaction { tx in
            try await tx.raw("""
                UPDATE accounts SET login_pending = login_pending + 1
                WHERE id = \(bind: id) AND locked_until <= \(bind: now)
                  AND failed_attempts + login_pending < \(bind: PasswordPolicy.maxFailures)
                RETURNING password_hash, totp_secret
                """).first().map { (try $0.decode(column: "password_hash", as: String.self), try $0.decode(column: "totp_secret", as: String.self)) }
        }
    }

    /// No slot: the account is locked already, or five attempts are unsettled and this is the
    /// sixth — which locks it now (and clears slots a crashed server left taken).
    private func refuseLocked(_ account: Account, address: String, now: Int64) async throws {
        let audit = audit, backend = database.backend
        try await database.transaction { tx in
            let lockedNow = try await tx.raw("""
                UPDATE accounts SET locked_until = \(bind: now + PasswordPolicy.lockoutSeconds), failed_attempts = 0, login_pending = 0
                WHERE id = \(bind: account.id) AND locked_until <= \(bind: now)
                RETURNING id
                """).first() != nil
            try await audit.append(Self.attemptEntry(account.username, account: account, action: lockedNow ? "login.locked" : "login.refused",
                                                     detail: lockedNow ? "reason=attempts_in_flight" : "reason=locked", address: address),
                                   in: tx, backend: backend)
        }
    }

    private func settleAttempt(_ account: Account, correct: Bool, totpStep: Int64?, address: String, now: Int64) async throws -> LoginOutcome {
        let audit = audit, backend = database.backend
        return try await database.transaction { tx in
            var correct = correct
            if correct, let totpStep {
                // Each code signs in once: its step must be newer than the last one accepted.
                correct = try await tx.raw("""
                    UPDATE accounts SET totp_last_step = \(bind: totpStep) WHERE id = \(bind: account.id) AND totp_last_step < \(bind: totpStep)
                    RETURNING id
                    """).first() != nil
            }
            // A lock set meanwhile stands: a correct password neither clears it nor signs in, and a
            // wrong one no longer counts (the lock reset the count).
            let row = try await tx.raw("""
                UPDATE accounts SET login_pending = CASE WHEN login_pending > 0 THEN login_pending - 1 ELSE 0 END,
                    failed_attempts = CASE WHEN locked_until > \(bind: now) THEN failed_attempts
                                           WHEN \(bind: correct ? 1 : 0) = 1 THEN 0 ELSE failed_attempts + 1 END
                WHERE id = \(bind: account.id)
                RETURNING \(Self.columns)
                """).first()
            guard let row else { return LoginOutcome.refused(.unknownAccount) }
            let after = try Self.account(row)
            if after.lockedUntil > now {
                try await audit.append(Self.attemptEntry(account.username, account: account, action: "login.refused",
                                                         detail: "reason=locked", address: address), in: tx, backend: backend)
                return .refused(.locked)
            }
            if correct {
                try await audit.append(Self.attemptEntry(account.username, account: account, action: "login", detail: "", address: address),
                                       in: tx, backend: backend)
                return .signedIn(after)
            }
            let locks = after.failedAttempts >= PasswordPolicy.maxFailures
            if locks {
                try await tx.raw("""
                    UPDATE accounts SET locked_until = \(bind: now + PasswordPolicy.lockoutSeconds), failed_attempts = 0, login_pending = 0
                    WHERE id = \(bind: account.id)
                    """).run()
            }
            try await audit.append(Self.attemptEntry(account.username, account: account, action: locks ? "login.locked" : "login.failed",
                                                     detail: "failures=\(after.failedAttempts)", address: address),
                                   in: tx, backend: backend)
            return .refused(.wrongPassword)
        }
    }

    private func auditAttempt(_ username: String, account: Account?, action: String, detail: String, address: String) async throws {
        let audit = audit, backend = database.backend
        try await database.transaction { tx in
            try await audit.append(Self.attemptEntry(username, account: account, action: action, detail: detail, address: address),
                                   in: tx, backend: backend)
        }
    }

    /// The typed name is the actor even when no such account exists (cut to 64 characters: it is
    /// whatever a stranger typed).
    static func attemptEntry(_ username: String, account: Account?, action: String, detail: String, address: String) -> AuditEntry {
        AuditEntry(actor: String(username.prefix(64)), action: action, entity: "account", entityID: account.map { String($0.id) } ?? "",
                   detail: detail.isEmpty ? "address=\(address)" : "\(detail); address=\(address)")
    }
}
