import Foundation
import SQLKit
import ZoneCore

/// A signed-in browser: the cookie carries a random token, the table only its SHA-256, so a copy
/// of the database cannot be used to hijack sessions.
public struct Session: Sendable, Equatable {
    public let accountID: Int64
    public let csrfToken: String
}

public struct SessionRepository: Sendable {
    let database: ZoneDatabase
    let clock: Clock

    /// Returns the cookie token (shown once, never stored) and the session's CSRF token.
    public func create(accountID: Int64) async throws -> (token: String, session: Session) {
        let token = SecureToken.hex(bytes: 32), csrf = SecureToken.hex(bytes: 32), now = clock.epochSeconds
        let hash = Self.hash(token)
        try await database.transaction { tx in
            try await tx.raw("""
                INSERT INTO sessions (token_hash, account_id, csrf_token, created_at, last_seen_at)
                VALUES (\(bind: hash), \(bind: accountID), \(bind: csrf), \(bind: now), \(bind: now))
                """).run()
        }
        return (token, Session(accountID: accountID, csrfToken: csrf))
    }

    /// The live session for a token, refreshing its idle timer; nil (and deleted) once idle for 30 minutes.
    public func resume(token: String) async throws -> Session? {
        let hash = Self.hash(token), now = clock.epochSeconds
        guard let row = try await database.reader.raw("""
            SELECT account_id, csrf_token, last_seen_at FROM sessions WHERE token_hash = \(bind: hash)
            """).first() else { return nil }
        let lastSeen = try row.decode(column: "last_seen_at", as: Int64.self)
        if now - lastSeen > PasswordPolicy.idleTimeoutSeconds {
            try await end(token: token)
            return nil
        }
        // Touch at most once a minute: a page with many requests should not write on each.
        if now - lastSeen >= 60 {
            try await database.transaction { tx in
                try await tx.raw("UPDATE sessions SET last_seen_at = \(bind: now) WHERE token_hash = \(bind: hash)").run()
            }
        }
        return Session(accountID: try row.decode(column: "account_id", as: Int64.self),
                       csrfToken: try row.decode(column: "csrf_token", as: String.self))
    }

    public func end(token: String) async throws {
        let hash = Self.hash(token)
        try await database.transaction { tx in
            try await tx.raw("DELETE FROM sessions WHERE token_hash = \(bind: hash)").run()
        }
    }

    /// Ends every session of an account (password change, role change).
    public func endAll(accountID: Int64) async throws {
        try await database.transaction { tx in
            try await tx.raw("DELETE FROM sessions WHERE account_id = \(bind: accountID)").run()
        }
    }

    static func hash(_ token: String) -> String { sha256Hex(token) }
}
