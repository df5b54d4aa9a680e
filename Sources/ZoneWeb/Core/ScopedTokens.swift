import Synchronization
import ZoneStore

/// Values held in memory under random tokens — background jobs, checked import sheets, error reports — each
/// readable only by the account that made it, in its zone, until it expires. A token that is unknown, expired or
/// someone else's reads as nil, so a page answers 404 and never tells which of the three it was.
///
/// A value held in a `slot` (an import form's path) is read only through that slot, and replaces the owner's
/// previous value there (a new preview replaces the one before it). With expired values dropped whenever a new
/// one is held, memory stays bounded without a sweeper.
final class ScopedTokens<Value: Sendable>: Sendable {
    struct Owner: Hashable, Sendable {
        let zoneID: Int64?
        let accountID: Int64

        init(_ principal: Principal) {
            zoneID = principal.zone?.id
            accountID = principal.account.id
        }
    }

    private struct Entry: Sendable {
        let owner: Owner
        let slot: String?
        let expires: ContinuousClock.Instant
        var value: Value
    }

    private let entries = Mutex<[String: Entry]>([:])
    private let lifetime: Duration

    init(lifetime: Duration) { self.lifetime = lifetime }

    /// Holds `value` for `principal` and returns its token.
    func hold(_ value: Value, for principal: Principal, slot: String? = nil) -> String {
        let token = SecureToken.hex(bytes: 16), owner = Owner(principal), now = ContinuousClock.now
        entries.withLock { entries in
            entries = entries.filter { $0.value.expires > now && !(slot != nil && $0.value.slot == slot && $0.value.owner == owner) }
            entries[token] = Entry(owner: owner, slot: slot, expires: now + lifetime, value: value)
        }
        return token
    }

    /// The value, if `principal` holds it in `slot` and it has not expired.
    func read(_ token: String, for principal: Principal, slot: String? = nil) -> Value? {
        entries.withLock { Self.live($0[token], Owner(principal), slot)?.value }
    }

    /// The value, removed: a token that may be used once.
    func take(_ token: String, for principal: Principal, slot: String? = nil) -> Value? {
        entries.withLock { entries in
            guard let entry = Self.live(entries[token], Owner(principal), slot) else { return nil }
            entries[token] = nil
            return entry.value
        }
    }

    /// Replaces a held value (a job reporting progress); does nothing once the token has gone.
    func update(_ token: String, to value: Value) {
        entries.withLock { $0[token]?.value = value }
    }

    private static func live(_ entry: Entry?, _ owner: Owner, _ slot: String?) -> Entry? {
        guard let entry, entry.owner == owner, entry.slot == slot, entry.expires > .now else { return nil }
        return entry
    }
}
