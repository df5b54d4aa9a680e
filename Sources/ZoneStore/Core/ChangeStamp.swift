import Foundation
import Synchronization

/// Identifies the committed state of a database, cheaply: two equal stamps mean no transaction
/// committed in between, by this process or any other. See `ZoneDatabase.changeStamp()`.
public struct ChangeStamp: Equatable, Sendable {
    /// Transactions committed by this process.
    let local: Int
    /// SQLite: the WAL-index header's change counter and last frame; PostgreSQL: the newest audit seq.
    let shared: UInt64
    /// SQLite: the WAL salts, which change whenever the log restarts.
    let salt: UInt64

    /// What an empty cache holds: no database returns it.
    public static let initial = ChangeStamp(local: -1, shared: 0, salt: 0)
}

/// Reads SQLite's WAL-index header (the first 48 bytes of the `-shm` file, a documented part of
/// the file format: https://sqlite.org/walformat.html), whose `iChange` counter every commit by
/// any connection of any process increments. One `pread` on a descriptor kept open, no query.
final class WALIndexHeader: Sendable {
    private let path: String
    /// Opened on first use: a new database has no `-shm` file until its first transaction.
    private let descriptor = Atomic<Int32>(-1)
    /// When the header cannot be read, each stamp is new, so nothing is served from a cache.
    private let unreadable = Atomic<UInt64>(0)

    init(databasePath: String) {
        path = databasePath + "-shm"
    }

    deinit {
        let fd = descriptor.load(ordering: .relaxed)
        if fd >= 0 { close(fd) }
    }

    private func openDescriptor() -> Int32 {
        let current = descriptor.load(ordering: .acquiring)
        guard current < 0 else { return current }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return -1 }
        let (won, winner) = descriptor.compareExchange(expected: -1, desired: fd, ordering: .acquiringAndReleasing)
        if !won { close(fd) }
        return won ? fd : winner
    }

    /// (iChange << 32 | mxFrame, salt-1 << 32 | salt-2).
    func read() -> (shared: UInt64, salt: UInt64) {
        var header = [UInt8](repeating: 0, count: 48)
        let fd = openDescriptor()
        let count = fd < 0 ? -1 : header.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 48, 0) }
        guard count == 48, header[12] == 1 else {
            return (unreadable.add(1, ordering: .relaxed).newValue, .max)
        }
        // Native byte order, as SQLite writes it; only equality matters here.
        func word(_ offset: Int) -> UInt64 {
            header.withUnsafeBytes { UInt64($0.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) }
        }
        return (word(8) << 32 | word(16), word(32) << 32 | word(36))
    }
}
