import SQLKit
import Synchronization
import Testing
@testable import ZoneStore

/// `BulkWriter` on both databases: rows cross chunk boundaries, text that COPY must escape and
/// SQLite must bind as-is reads back byte for byte, NULL stays NULL, shared values reach every row,
/// and a failure mid-way leaves nothing behind.
@Suite("Bulk writes: multi-row INSERT on SQLite, COPY on PostgreSQL")
struct BulkWriterTests {
    static let awkward = ["制表\t符", "换行\n和回车\r", "反斜杠\\N 与 \\\\", "引号 \" ' ,", "𠮷野家", "", "=cmd|' /C calc'!A0"]

    static func rows(_ count: Int) -> [[BulkWriter.Value]] {
        (0..<count).map { n in
            [.int(Int64(n + 1)), .text(awkward[n % awkward.count] + String(n)), n % 5 == 0 ? .null : .int(Int64(n) * 1_000_000_007)]
        }
    }

    @Test(arguments: TestDatabase.backends)
    func rowsReadBackExactlyAcrossChunks(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            let database = store.database
            try await database.transaction { tx in
                try await tx.raw("CREATE TABLE bulk_probe (id BIGINT PRIMARY KEY, note TEXT NOT NULL, amount BIGINT, label TEXT, zone BIGINT)").run()
            }
            let progress = ProgressLog()
            try await database.bulkTransaction { _, bulk in
                var bulk = bulk
                bulk.chunkRows = 40
                try await bulk.insert(into: "bulk_probe", columns: ["id", "note", "amount"], rows: Self.rows(250),
                                      shared: [("label", .text("共享\t值\\")), ("zone", .int(7))]) { progress.add($0) }
            }
            #expect(progress.counts == [40, 80, 120, 160, 200, 240, 250])
            let stored = try await database.reader.raw("SELECT id, note, amount, label, zone FROM bulk_probe ORDER BY id").all()
            #expect(stored.count == 250)
            for (row, expected) in zip(stored, Self.rows(250)) {
                #expect(try row.decode(column: "label", as: String.self) == "共享\t值\\" && row.decode(column: "zone", as: Int64.self) == 7)
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
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            let database = store.database
            try await database.transaction { tx in
                try await tx.raw("CREATE TABLE bulk_probe (id BIGINT PRIMARY KEY, note TEXT NOT NULL, amount BIGINT)").run()
            }
            var failing = Self.rows(200)
            failing[170][0] = .int(3)  // a duplicate key in the fifth chunk
            let rows = failing
            await #expect(throws: (any Error).self) {
                try await database.bulkTransaction { _, bulk in
                    var bulk = bulk
                    bulk.chunkRows = 40
                    try await bulk.insert(into: "bulk_probe", columns: ["id", "note", "amount"], rows: rows)
                }
            }
            let count = try await database.reader.raw("SELECT COUNT(*) AS n FROM bulk_probe").first()?.decode(column: "n", as: Int64.self)
            #expect(count == 0)
            // The connection is usable afterwards (PostgreSQL leaves COPY mode, SQLite rolls back).
            try await database.bulkTransaction { _, bulk in
                try await bulk.insert(into: "bulk_probe", columns: ["id", "note", "amount"], rows: Self.rows(3))
            }
            #expect(try await database.reader.raw("SELECT COUNT(*) AS n FROM bulk_probe").first()?.decode(column: "n", as: Int64.self) == 3)
        }
    }
}

extension BulkWriterTests {
    /// Foreign keys still hold: SQLite checks them at COMMIT in a bulk transaction, and the whole
    /// transaction is refused.
    @Test(arguments: TestDatabase.backends)
    func aMissingParentRefusesTheWholeTransaction(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            let database = store.database
            try await database.transaction { tx in
                try await tx.raw("CREATE TABLE bulk_child (id BIGINT PRIMARY KEY, zone_id BIGINT NOT NULL REFERENCES zones(id))").run()
            }
            await #expect(throws: (any Error).self) {
                try await database.bulkTransaction { _, bulk in
                    try await bulk.insert(into: "bulk_child", columns: ["id", "zone_id"], rows: [[.int(1), .int(999)]])
                }
            }
            let count = try await database.reader.raw("SELECT COUNT(*) AS n FROM bulk_child").first()?.decode(column: "n", as: Int64.self)
            #expect(count == 0)
        }
    }
}

/// The counts a `written` callback reported, in order.
final class ProgressLog: Sendable {
    private let log = Mutex<[Int]>([])
    func add(_ count: Int) { log.withLock { $0.append(count) } }
    var counts: [Int] { log.withLock { $0 } }
}
