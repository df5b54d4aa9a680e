import SQLKit
import Synchronization
import Testing
@testable import ZoneStore

/// `BulkWriter` on both databases: rows cross chunk boundaries, text that COPY must escape and
/// SQLite must bind as-is reads back byte for byte, NULL stays NULL, shared values reach every row,
/// a failure mid-way leaves nothing behind, and foreign keys still hold.
@Suite("Bulk writes: multi-row INSERT on SQLite, COPY on PostgreSQL")
struct BulkWriterTests {
    static let awkward = ["制表\t符", "换行\n和回车\r", "反斜杠\\N 与 \\\\", "引号 \" ' ,", "𠮷野家", "", "=cmd|' /C calc'!A0"]
    static let columns = ["id", "note", "amount"]

    static func rows(_ count: Int) -> [[BulkWriter.Value]] {
        (0..<count).map { n in
            [.int(Int64(n + 1)), .text(awkward[n % awkward.count] + String(n)), n % 5 == 0 ? .null : .int(Int64(n) * 1_000_000_007)]
        }
    }

    /// A fresh store with the `bulk_probe` table (its zone refers to a zone, as people's do).
    static func withProbe(_ backend: Backend, _ body: @escaping (Store) async throws -> Void) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            try await store.database.transaction { tx in
                try await tx.raw("""
                    CREATE TABLE bulk_probe (id BIGINT PRIMARY KEY, note TEXT NOT NULL, amount BIGINT, label TEXT,
                                             zone BIGINT REFERENCES zones(id))
                    """).run()
            }
            try await body(store)
        }
    }

    /// Inserts in a bulk transaction, 40 rows a statement or COPY chunk.
    static func insert(_ rows: [[BulkWriter.Value]], columns: [String] = columns, shared: [(column: String, value: BulkWriter.Value)] = [],
                       into database: ZoneDatabase, written: (@Sendable (Int) -> Void)? = nil) async throws {
        try await database.bulkTransaction { _, bulk in
            var bulk = bulk
            bulk.chunkRows = 40
            try await bulk.write(bulk.batch(into: "bulk_probe", columns: columns, rows: rows, shared: shared), written: written)
        }
    }

    static func count(_ database: ZoneDatabase) async throws -> Int64? {
        try await database.reader.raw("SELECT COUNT(*) AS n FROM bulk_probe").first()?.decode(column: "n", as: Int64.self)
    }

    @Test(arguments: TestDatabase.backends)
    func rowsReadBackExactlyAcrossChunks(_ backend: Backend) async throws {
        try await Self.withProbe(backend) { (store: Store) async throws in
            let database = store.database, zone = try await TestDatabase.seedZone(store).zoneID
            let progress = ProgressLog()
            try await Self.insert(Self.rows(250), shared: [("label", .text("共享\t值\\")), ("zone", .int(zone))], into: database) {
                progress.add($0)
            }
            #expect(progress.counts == [40, 80, 120, 160, 200, 240, 250])
            let stored = try await database.reader.raw("SELECT id, note, amount, label, zone FROM bulk_probe ORDER BY id").all()
            #expect(stored.count == 250)
            for (row, expected) in zip(stored, Self.rows(250)) {
                #expect(try row.decode(column: "label", as: String.self) == "共享\t值\\")
                #expect(try row.decode(column: "zone", as: Int64.self) == zone)
                guard case .int(let id) = expected[0], case .text(let note) = expected[1] else { Issue.record("bad fixture"); return }
                #expect(try row.decode(column: "id", as: Int64.self) == id)
                #expect(try row.decode(column: "note", as: String.self) == note)
                let amount = try row.decode(column: "amount", as: Int64?.self)
                if case .int(let value) = expected[2] { #expect(amount == value) } else { #expect(amount == nil) }
            }
        }
    }

    @Test(arguments: TestDatabase.backends)
    func aFailingRowRollsBackEveryChunk(_ backend: Backend) async throws {
        try await Self.withProbe(backend) { (store: Store) async throws in
            let database = store.database
            var failing = Self.rows(200)
            failing[170][0] = .int(3)  // a duplicate key in the fifth chunk
            let rows = failing
            await #expect(throws: (any Error).self) { try await Self.insert(rows, into: database) }
            #expect(try await Self.count(database) == 0)
            // The connection is usable afterwards (PostgreSQL leaves COPY mode, SQLite rolls back).
            try await Self.insert(Self.rows(3), into: database)
            #expect(try await Self.count(database) == 3)
        }
    }

    /// SQLite checks foreign keys at COMMIT in a bulk transaction; the whole transaction is refused.
    @Test(arguments: TestDatabase.backends)
    func aMissingParentRefusesTheWholeTransaction(_ backend: Backend) async throws {
        try await Self.withProbe(backend) { (store: Store) async throws in
            let database = store.database
            await #expect(throws: (any Error).self) {
                try await Self.insert(Self.rows(100), shared: [("zone", .int(999))], into: database)
            }
            #expect(try await Self.count(database) == 0)
        }
    }
}

/// The counts a `written` callback reported, in order.
final class ProgressLog: Sendable {
    private let log = Mutex<[Int]>([])
    func add(_ count: Int) { log.withLock { $0.append(count) } }
    var counts: [Int] { log.withLock { $0 } }
}
