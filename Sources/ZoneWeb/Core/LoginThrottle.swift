import Synchronization

/// Failed logins allowed per client address: a token bucket of `capacity` attempts that refills one
/// every `refillSeconds`, kept for at most `maxAddresses` addresses, so one address can neither
/// guess at speed nor lock account after account (five failures lock an account; ten per address
/// lock two, then one more every five minutes at most).
///
/// Each attempt takes a token before its password is checked, so parallel attempts cannot overdraw
/// the bucket; a successful login gives its token back, so the many clerks of an office behind one
/// NAT address sign in freely. The table is in memory, per server process: several servers behind
/// one proxy each keep their own (the per-account lockout in the database is shared).
///
/// ```swift
/// switch throttle.admit("203.0.113.9", now: clock.epochSeconds) {
/// case .allowed: …                                   // check the password; on success `refund`
/// case .refused(let retryAfter, let first): …        // 429; audit the first refusal
/// }
/// ```
public final class LoginThrottle: Sendable {
    public enum Admission: Equatable, Sendable {
        case allowed
        /// `first` is true for the first refusal since the bucket ran dry (worth one audit record).
        case refused(retryAfterSeconds: Int64, first: Bool)
    }

    private struct Bucket {
        var tokens: Int
        var refilledAt: Int64
        var lastUsed: Int64
        var refusalReported = false
    }

    public let capacity: Int
    public let refillSeconds: Int64
    public let maxAddresses: Int
    private let buckets = Mutex<[String: Bucket]>([:])

    public init(capacity: Int = 10, refillSeconds: Int64 = 60, maxAddresses: Int = 10_000) {
        precondition(capacity > 0 && refillSeconds > 0 && maxAddresses > 0)
        self.capacity = capacity
        self.refillSeconds = refillSeconds
        self.maxAddresses = maxAddresses
    }

    public func admit(_ address: String, now: Int64) -> Admission {
        buckets.withLock { table in
            var bucket = table[address] ?? Bucket(tokens: capacity, refilledAt: now, lastUsed: now)
            refill(&bucket, now: now)
            bucket.lastUsed = now
            let admission: Admission
            if bucket.tokens > 0 {
                bucket.tokens -= 1
                bucket.refusalReported = false
                admission = .allowed
            } else {
                admission = .refused(retryAfterSeconds: bucket.refilledAt + refillSeconds - now, first: !bucket.refusalReported)
                bucket.refusalReported = true
            }
            if table[address] == nil && table.count >= maxAddresses { evict(&table, now: now) }
            table[address] = bucket
            return admission
        }
    }

    /// Gives back the token of an attempt that signed in.
    public func refund(_ address: String) {
        buckets.withLock { table in
            if var bucket = table[address] {
                bucket.tokens = min(capacity, bucket.tokens + 1)
                table[address] = bucket
            }
        }
    }

    var trackedAddresses: Int { buckets.withLock { $0.count } }

    private func refill(_ bucket: inout Bucket, now: Int64) {
        guard now > bucket.refilledAt else { return }
        let earned = (now - bucket.refilledAt) / refillSeconds
        if earned >= Int64(capacity - bucket.tokens) {
            bucket.tokens = capacity
            bucket.refilledAt = now
        } else {
            bucket.tokens += Int(earned)
            bucket.refilledAt += earned * refillSeconds
        }
    }

    /// Makes room: first forgets buckets that have refilled (they hold nothing a fresh one would
    /// not), then, if over nine tenths remain, the least recently used down to nine tenths. Each
    /// eviction leaves a tenth free, so admission stays O(1) amortised.
    private func evict(_ table: inout [String: Bucket], now: Int64) {
        table = table.filter { _, bucket in
            var refilled = bucket
            refill(&refilled, now: now)
            return refilled.tokens < capacity
        }
        let keep = maxAddresses - max(1, maxAddresses / 10)
        guard table.count > keep else { return }
        for key in table.sorted(by: { $0.value.lastUsed < $1.value.lastUsed }).prefix(table.count - keep).map(\.key) {
            table[key] = nil
        }
    }
}
