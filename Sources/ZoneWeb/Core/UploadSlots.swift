import Synchronization

/// How many uploads may be read and parsed at once. An accepted .xlsx can cost a few hundred MB while it is read
/// (see `XLSXReader`); with a fixed number of slots the server's memory stays bounded however many clerks (or
/// scripts) post at the same moment. A request that finds no free slot is answered 503 at once, not queued, so
/// waiting uploads hold no memory either.
final class UploadSlots: Sendable {
    let limit: Int
    private let used = Mutex(0)

    init(limit: Int) { self.limit = limit }

    /// Takes a slot if one is free; the caller must `release()` it when the request is done.
    func tryAcquire() -> Bool {
        used.withLock { count in
            guard count < limit else { return false }
            count += 1
            return true
        }
    }

    func release() { used.withLock { $0 -= 1 } }
}
