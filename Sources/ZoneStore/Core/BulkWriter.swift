import NIOCore
import PostgresKit
import SQLiteKit

/// Writes many rows into one table inside a `ZoneDatabase.bulkTransaction`, as fast as each backend
/// takes them: SQLite gets multi-row INSERTs whose values are bound by number straight as SQLite
/// values, PostgreSQL gets `COPY … FROM STDIN`. SQLKit's statement builder costs more than the
/// insert itself at 100,000 rows (a bind placeholder and an `Encodable` box per value). Values are
/// still bound or escaped, never spliced into SQL; table and column names come from code only.
struct BulkWriter: Sendable {
    enum Value: Sendable {
        case int(Int64)
        case text(String)
        case null
    }

    enum Connection: Sendable {
        case sqlite(SQLiteConnection)
        case postgres(PostgresConnection)
    }

    let connection: Connection
    /// Rows per statement or COPY chunk; nil for the backend's default. Tests set a small one so a short
    /// table crosses chunk boundaries.
    var chunkRows: Int?

    /// Inserts `rows` (one value per column) and calls `written` with the count written so far after
    /// each statement or COPY chunk.
    func insert(into table: String, columns: [String], rows: [[Value]], written: (@Sendable (Int) -> Void)? = nil) async throws {
        switch connection {
        case .sqlite(let connection):
            let perStatement = min(chunkRows ?? .max, Self.sqliteBindLimit / columns.count)
            try await Self.insert(connection, table, columns, rows, perStatement, written)
        case .postgres(let connection):
            try await Self.copy(connection, table, columns, rows, chunkRows ?? Self.copyChunk, written)
        }
    }

    /// SQLite allows 32,766 bound values a statement; each row binds one per column.
    static let sqliteBindLimit = 32_766

    private static func insert(_ connection: SQLiteConnection, _ table: String, _ columns: [String], _ rows: [[Value]],
                               _ perStatement: Int, _ written: (@Sendable (Int) -> Void)?) async throws {
        var start = 0
        while start < rows.count {
            let chunk = rows[start..<min(start + perStatement, rows.count)]
            let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ",") + ")"
            let sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
                + Array(repeating: tuple, count: chunk.count).joined(separator: ",")
            var binds: [SQLiteData] = []
            binds.reserveCapacity(chunk.count * columns.count)
            for row in chunk {
                precondition(row.count == columns.count, "one value per column")
                for value in row {
                    switch value {
                    case .int(let number): binds.append(.integer(Int(number)))
                    case .text(let text): binds.append(.text(text))
                    case .null: binds.append(.null)
                    }
                }
            }
            try await connection.query(sql, binds) { _ in }
            start += chunk.count
            written?(start)
        }
    }

    /// Rows per COPY data message; a few hundred kilobytes each.
    static let copyChunk = 5_000

    private static func copy(_ connection: PostgresConnection, _ table: String, _ columns: [String], _ rows: [[Value]],
                             _ perChunk: Int, _ written: (@Sendable (Int) -> Void)?) async throws {
        try await connection.copyFrom(table: table, columns: columns, logger: connection.logger) { writer in
            var start = 0
            while start < rows.count {
                let chunk = rows[start..<min(start + perChunk, rows.count)]
                var buffer = ByteBufferAllocator().buffer(capacity: chunk.count * 160)
                for row in chunk {
                    precondition(row.count == columns.count, "one value per column")
                    for (index, value) in row.enumerated() {
                        if index > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
                        writeCopyText(value, to: &buffer)
                    }
                    buffer.writeInteger(UInt8(ascii: "\n"))
                }
                try await writer.write(buffer)
                start += chunk.count
                written?(start)
            }
        }
    }

    /// COPY's text format: `\N` is NULL; backslash, tab, newline and carriage return are escaped.
    static func writeCopyText(_ value: Value, to buffer: inout ByteBuffer) {
        switch value {
        case .null:
            buffer.writeStaticString("\\N")
        case .int(let number):
            buffer.writeString(String(number))
        case .text(let text):
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
                case UInt8(ascii: "\t"): buffer.writeStaticString("\\t")
                case UInt8(ascii: "\n"): buffer.writeStaticString("\\n")
                case UInt8(ascii: "\r"): buffer.writeStaticString("\\r")
                default: buffer.writeInteger(byte)
                }
            }
        }
    }
}
