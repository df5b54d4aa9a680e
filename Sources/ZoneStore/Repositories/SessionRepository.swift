import Foundation
import SQLKit
import Synchronization
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
    let recent = RecentSessions()

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

    /// The live session for a token, its account and the name of the account's zone (nil for an account of
    /// no zone, or of a zone that is not there), refreshing its idle timer; nil (and deleted) once idle for
    /// 30 minutes. The zone comes in the same read, so a request resolves its zone without another query.
    public func resume(token: String) async throws -> (session: Session, account: Account, zoneName: String?)? {
        let hash = Self.hash(token), now = clock.epochSeconds
        // Read before the lookup: a write committed meanwhile changes it and retires the entry.
        let stamp = database.changeStampCoversUnauditedWrites ? try await database.changeStamp() : nil
        if let stamp, let hit = recent.find(hash, stamp: stamp), now - hit.lastSeen < 60 {
            return (hit.session, hit.account, hit.zoneName)
        }
        guard let row = try await database.reader.raw("""
            SELECT csrf_token, last_seen_at, (SELECT zones.name FROM zones WHERE zones.id = accounts.zone_id) AS zone_name,
                   \(AccountRepository.columns)
            FROM sessions JOIN accounts ON accounts.id = sessions.account_id WHERE token_hash = \(bind: hash)
            """).first() else { return nil }
        let lastSeen = try row.decode(column: "last_seen_at", as: Int64.self)
        if now - lastSeen > PasswordPolicy.idleTimeoutSeconds {
            try await end(token: token)
            return nil
        }
        let account = try AccountRepository.account(row)
        let session = Session(accountID: account.id, csrfToken: try row.decode(column: "csrf_token", as: String.self))
        let zoneName = try row.decode(column: "zone_name", as: String?.self)
        // Touch at most once a minute: a page with many requests should not write on each.
        if now - lastSeen >= 60 {
            try await database.transaction { tx in
                try await tx.raw("UPDATE sessions SET last_seen_at = \(bind: now) WHERE token_hash = \(bind: hash)").run()
            }
        } else if let stamp {
            recent.store(hash, RecentSessions.Entry(session: session, account: account, zoneName: zoneName, lastSeen: lastSeen), stamp: stamp)
        }
        return (session, account, zoneName)
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

/// Sessions resolved since the database last changed, so a burst of requests from signed-in
/// browsers reads neither the session nor the account again. Any commit (a logout, a role or
/// password change, a lockout) changes the stamp and empties it; an entry is also used for at
/// most a minute, the idle timer's resolution, after which the session row is read and touched.
final class RecentSessions: Sendable {
    struct Entry: Sendable {
        let session: Session
        let account: Account
        let zoneName: String?
        let lastSeen: Int64
    }

    private struct State {
        var stamp = ChangeStamp.initial
        var entries: [String: Entry] = [:]
    }

    private static let capacity = 10_000
    private let state = Mutex(State())

    func find(_ hash: String, stamp: ChangeStamp) -> Entry? {
        state.withLock { $0.stamp == stamp ? $0.entries[hash] : nil }
    }

    func store(_ hash: String, _ entry: Entry, stamp: ChangeStamp) {
        state.withLock { state in
            if state.stamp != stamp || state.entries.count >= Self.capacity { state = State(stamp: stamp) }
            state.entries[hash] = entry
        }
    }
}
