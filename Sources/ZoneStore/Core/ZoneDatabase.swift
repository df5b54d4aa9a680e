import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresKit
import SQLiteKit
import SQLKit

/// An open database: SQLite (one writer connection behind a gate plus a reader) or a PostgreSQL pool.
///
/// ```swift
/// let db = try await ZoneDatabase.open(DatabaseLocation("./data/zonedesk.sqlite"))
/// try await db.transaction { tx in try await tx.raw("…").run() }
/// try await db.close()
/// ```
public final class ZoneDatabase: Sendable {
    public let backend: Backend
    /// For reads outside a transaction.
    public let reader: any SQLDatabase
    private let writer: any SQLDatabase
    private let gate: AsyncGate?
    private let closer: @Sendable () async throws -> Void

    private init(backend: Backend, reader: any SQLDatabase, writer: any SQLDatabase, gate: AsyncGate?,
                 closer: @escaping @Sendable () async throws -> Void) {
        self.backend = backend
        self.reader = reader
        self.writer = writer
        self.gate = gate
        self.closer = closer
    }

    public static func open(_ location: DatabaseLocation, logger: Logger = Logger(label: "zonedesk.db")) async throws -> ZoneDatabase {
        switch location.backend {
        case .sqlite: try await openSQLite(path: location.raw, logger: logger)
        case .postgres: try openPostgres(url: location.raw, logger: logger)
        }
    }

    private static func openSQLite(path: String, logger: Logger) async throws -> ZoneDatabase {
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
        let readerConnection = try await connect()
        return ZoneDatabase(
            backend: .sqlite,
            reader: readerConnection.sql(queryLogLevel: nil),
            writer: writerConnection.sql(queryLogLevel: nil),
            gate: AsyncGate(),
            closer: {
                try await readerConnection.close().get()
                try await writerConnection.close().get()
            }
        )
    }

    private static func openPostgres(url: String, logger: Logger) throws -> ZoneDatabase {
        var configuration = try SQLPostgresConfiguration(url: url)
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
        return ZoneDatabase(backend: .postgres, reader: database, writer: database, gate: nil,
                            closer: { try await box.pool.shutdownAsync() })
    }

    /// Runs `body` in one transaction: committed if it returns, rolled back if it throws.
    /// SQLite takes the write lock up front (BEGIN IMMEDIATE) so a read-then-write cannot be overtaken.
    public func transaction<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        if let gate { await gate.acquire() }
        do {
            let result = try await writer.withSession { session in
                try await session.raw(self.backend == .sqlite ? "BEGIN IMMEDIATE" : "BEGIN").run()
                do {
                    let value = try await body(session)
                    try await session.raw("COMMIT").run()
                    return value
                } catch {
                    try? await session.raw("ROLLBACK").run()
                    throw error
                }
            }
            if let gate { await gate.release() }
            return result
        } catch {
            if let gate { await gate.release() }
            throw error
        }
    }

    public func close() async throws { try await closer() }
}

/// The pool guards its state with its own lock but is not annotated Sendable; only shutdown
/// crosses tasks through this box.
private final class PoolBox: @unchecked Sendable {
    let pool: EventLoopGroupConnectionPool<PostgresConnectionSource>
    init(pool: EventLoopGroupConnectionPool<PostgresConnectionSource>) { self.pool = pool }
}
