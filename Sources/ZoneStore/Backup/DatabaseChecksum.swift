import Crypto
import Foundation
import SQLKit

/// A fingerprint of everything a database holds: SHA-256 over every table's name and rows.
///
/// It is what proves a backup and restore lost nothing: the same checksum before the backup and
/// after the restore means every row of every table (including the audit chain, accounts and
/// `schema_migrations`) came back with the same values. Each row is rendered as text by the
/// database itself (`quote()` in SQLite, `::text` in PostgreSQL), so only the same backend is
/// comparable; rows are sorted in Swift by their bytes, so the order does not depend on collation.
///
/// ```swift
/// let before = try await DatabaseChecksum.compute(store.database)
/// print(before)   // "23 tables, 5,120 rows, sha256 9f2c…"
/// ```
public struct DatabaseChecksum: Sendable, Equatable, CustomStringConvertible {
    public let tables: Int
    public let rows: Int
    public let hex: String

    public var description: String { "\(tables) tables, \(rows) rows, sha256 \(hex)" }

    public static func compute(_ database: ZoneDatabase) async throws -> DatabaseChecksum {
        let db = database.reader
        var hasher = SHA256()
        var rowCount = 0
        let tables = try await tableNames(db, database.backend)
        for table in tables {
            let columns = try await columnNames(db, database.backend, table: table)
            let expression = rowExpression(columns, database.backend)
            let rows = try await db.raw("SELECT \(unsafeRaw: expression) AS r FROM \(unsafeRaw: quoted(table))").all()
                .map { try $0.decode(column: "r", as: String.self) }
                .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            hasher.update(data: Data("\u{1d}\(table)\u{1e}".utf8))
            for row in rows { hasher.update(data: Data((row + "\n").utf8)) }
            rowCount += rows.count
        }
        let hex = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        return DatabaseChecksum(tables: tables.count, rows: rowCount, hex: hex)
    }

    /// User tables in name order (SQLite's own `sqlite_*` tables are left out).
    static func tableNames(_ db: any SQLDatabase, _ backend: Backend) async throws -> [String] {
        let sql: SQLQueryString = switch backend {
        case .sqlite: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        case .postgres: """
            SELECT table_name::text AS name FROM information_schema.tables
            WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name
            """
        }
        return try await db.raw(sql).all().map { try $0.decode(column: "name", as: String.self) }
    }

    static func columnNames(_ db: any SQLDatabase, _ backend: Backend, table: String) async throws -> [String] {
        let sql: SQLQueryString = switch backend {
        case .sqlite: "SELECT name FROM pragma_table_info(\(bind: table)) ORDER BY cid"
        case .postgres: """
            SELECT column_name::text AS name FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = \(bind: table) ORDER BY ordinal_position
            """
        }
        return try await db.raw(sql).all().map { try $0.decode(column: "name", as: String.self) }
    }

    /// One text value per row: the columns' literal forms joined by the unit separator, NULL kept
    /// apart from the text "NULL" (SQLite's `quote` writes strings in quotes; PostgreSQL gets `\N`).
    static func rowExpression(_ columns: [String], _ backend: Backend) -> String {
        switch backend {
        case .sqlite:
            columns.map { "quote(\(quoted($0)))" }.joined(separator: " || char(31) || ")
        case .postgres:
            // `||` rather than concat_ws, which takes at most 100 arguments.
            columns.map { "COALESCE(\(quoted($0))::text, '\\N')" }.joined(separator: " || chr(31) || ")
        }
    }

    static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
