import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresKit
import SQLiteKit
import SQLKit
import Synchronization

/// An open database: SQLite (one writer connection behind a gate plus a few readers) or a PostgreSQL pool.
///
/// ```swift
/// let db = try await ZoneDatabase.open(DatabaseLocation("./data/zonedesk.sqlite"))
/// try await db.transaction { tx in try await tx.raw("…").run() }
/// try await db.close()
/// ```
public final class ZoneDatabase: Sendable {
    public let backend: Backend
    public let location: DatabaseLocation
    private let readers: [any SQLDatabase]
    private let writer: any SQLDatabase
    /// Where a bulk transaction gets its connection (`bulkTransaction`).
    private let bulkSource: BulkSource
    private let gate: AsyncGate?
    private let closer: @Sendable () async throws -> Void
    private let nextReader = Atomic<Int>(0)
    /// Transactions committed by this process; part of `changeStamp`.
    private let commits = Atomic<Int>(0)
    /// SQLite's shared WAL index, which reveals commits by other processes (a CLI import).
    private let walIndex: WALIndexHeader?

    private enum BulkSource: Sendable {
        /// The writer connection itself: the gate serialises its transactions.
        case sqlite(SQLiteConnection)
        /// A connection of its own from the pool, for COPY.
        case postgres(PoolBox)
    }

    private init(location: DatabaseLocation, readers: [any SQLDatabase], writer: any SQLDatabase, bulkSource: BulkSource,
                 gate: AsyncGate?, closer: @escaping @Sendable () async throws -> Void) {
        self.backend = location.backend
        self.location = location
        self.walIndex = location.backend == .sqlite ? WALIndexHeader(databasePath: location.raw) : nil
        self.readers = readers
        self.writer = writer
        self.bulkSource = bulkSource
        self.gate = gate
        self.closer = closer
    }

    /// For reads outside a transaction. SQLite connections run one statement at a time, so reads
    /// are spread round-robin over several connections (WAL lets them read while the writer writes).
    public var reader: any SQLDatabase {
        readers.count == 1 ? readers[0] : readers[nextReader.add(1, ordering: .relaxed).oldValue % readers.count]
    }

    public static func open(_ location: DatabaseLocation, logger: Logger = Logger(label: "zonedesk.db")) async throws -> ZoneDatabase {
        switch location.backend {
        case .sqlite: try await openSQLite(location, logger: logger)
        case .postgres: try openPostgres(location, logger: logger)
        }
    }

    private static func openSQLite(_ location: DatabaseLocation, logger: Logger) async throws -> ZoneDatabase {
        let path = location.raw
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let loop = MultiThreadedEventLoopGroup.singleton.any()
        func connect() async throws -> SQLiteConnection {
            let conn = try await SQLiteConnection.open(storage: .file(path: path), threadPool: .singleton,
                                                       logger: logger, on: loop).get()
            _ = try await conn.query("PRAGMA foreign_keys = ON").get()
            return conn
        }
        let writerConnection = try await connect()
        _ = try await writerConnection.query("PRAGMA journal_mode = WAL").get()
        _ = try await writerConnection.query("PRAGMA synchronous = NORMAL").get()
        // A big write (a 100,000-row import: about 30 MB of table and index pages) stays in the writer's
        // page cache until it commits instead of spilling pages to the WAL half-way (64 MB at most,
        // taken only as pages are touched); its statement journal stays in memory too.
        _ = try await writerConnection.query("PRAGMA cache_size = -65536").get()
        _ = try await writerConnection.query("PRAGMA temp_store = MEMORY").get()
        var readerConnections: [SQLiteConnection] = []
        for _ in 0..<max(4, NIOSingletons.blockingPoolThreadCountSuggestion) { readerConnections.append(try await connect()) }
        let readers = readerConnections
        return ZoneDatabase(
            location: location,
            readers: readers.map { $0.sql(queryLogLevel: nil) },
            writer: writerConnection.sql(queryLogLevel: nil),
            bulkSource: .sqlite(writerConnection),
            gate: AsyncGate(),
            closer: {
                for connection in readers { try await connection.close().get() }
                try await writerConnection.close().get()
            }
        )
    }

    private static func openPostgres(_ location: DatabaseLocation, logger: Logger) throws -> ZoneDatabase {
        var configuration = try SQLPostgresConfiguration(url: location.raw)
        configuration.searchPath = nil
        let pool = EventLoopGroupConnectionPool(
            source: PostgresConnectionSource(sqlConfiguration: configuration),
            maxConnectionsPerEventLoop: 8,
            requestTimeout: .seconds(30),
            logger: logger,
            on: MultiThreadedEventLoopGroup.singleton
        )
        let database = pool.database(logger: logger).sql(queryLogLevel: nil)
        let box = PoolBox(pool: pool)
        return ZoneDatabase(location: location, readers: [database], writer: database, bulkSource: .postgres(box), gate: nil,
                            closer: { try await box.pool.shutdownAsync() })
    }

    /// Runs `body` in one transaction: committed if it returns, rolled back if it throws.
    /// SQLite takes the write lock up front (BEGIN IMMEDIATE) so a read-then-write cannot be overtaken.
    public func transaction<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        if let gate { await gate.acquire() }
        do {
            let result = try await writer.withSession { session in try await self.run(body, in: session) }
            if let gate { await gate.release() }
            return result
        } catch {
            if let gate { await gate.release() }
            throw error
        }
    }

    /// As `transaction`, and `body` also gets a `BulkWriter` that writes within the same transaction.
    func bulkTransaction<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase, BulkWriter) async throws -> R) async throws -> R {
        switch bulkSource {
        case .sqlite(let connection):
            return try await transaction { tx in
                // Checked at COMMIT instead of per statement, which spares the bulk INSERTs a statement journal.
                try await tx.raw("PRAGMA defer_foreign_keys = ON").run()
                return try await body(tx, BulkWriter(connection: .sqlite(connection)))
            }
        case .postgres(let box):
            return try await box.pool.withConnection { connection in
                connection.eventLoop.makeFutureWithTask {
                    try await self.run({ tx in try await body(tx, BulkWriter(connection: .postgres(connection))) },
                                       in: connection.sql(queryLogLevel: nil))
                }
            }.get()
        }
    }

    private func run<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R, in session: any SQLDatabase) async throws -> R {
        try await session.raw(backend == .sqlite ? "BEGIN IMMEDIATE" : "BEGIN").run()
        do {
            let value = try await body(session)
            try await session.raw("COMMIT").run()
            commits.add(1, ordering: .releasing)
            return value
        } catch {
            try? await session.raw("ROLLBACK").run()
            throw error
        }
    }

    /// Changes whenever a transaction commits, so anything computed from the database can be cached
    /// under the stamp read *before* computing it. SQLite: this process's commits plus the WAL
    /// index's change counter (every process's commits), with no query. PostgreSQL: this process's
    /// commits plus the newest audit record, because other servers may share the database and
    /// every business write is audited.
    public func changeStamp() async throws -> ChangeStamp {
        let local = commits.load(ordering: .acquiring)
        guard let walIndex else {
            let row = try await reader.raw("SELECT COALESCE(MAX(seq), 0) AS head FROM audit_log").first()
            return ChangeStamp(local: local, shared: UInt64(try row?.decode(column: "head", as: Int64.self) ?? 0), salt: 0)
        }
        let (shared, salt) = walIndex.read()
        return ChangeStamp(local: local, shared: shared, salt: salt)
    }

    /// Whether `changeStamp` also sees every write by other processes that is not audited (session
    /// ends): true for SQLite, whose WAL index counts any commit.
    public var changeStampCoversUnauditedWrites: Bool { walIndex != nil }

    public func close() async throws { try await closer() }
}

/// The pool guards its state with its own lock but is not annotated Sendable; only shutdown
/// crosses tasks through this box.
private final class PoolBox: @unchecked Sendable {
    let pool: EventLoopGroupConnectionPool<PostgresConnectionSource>
    init(pool: EventLoopGroupConnectionPool<PostgresConnectionSource>) { self.pool = pool }
}
