import NIOCore
import PostgresKit
import SQLiteKit

/// Writes many rows into one table inside a `ZoneDatabase.bulkTransaction`, as fast as each backend
/// takes them: SQLite gets multi-row INSERTs whose values are bound by number straight as SQLite
/// values, PostgreSQL gets `COPY … FROM STDIN`. SQLKit's statement builder costs more than the
/// insert itself at 100,000 rows (a bind placeholder and an `Encodable` box per value). Values are
/// still bound or escaped, never spliced into SQL; table and column names come from code only.
///
/// Encoding (`batch`) and writing (`write`) are separate steps, so a caller can encode the next rows
/// while the database writes the last: then the write is only the database's own work.
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

    /// Rows encoded for one backend, ready to `write`.
    struct Batch: Sendable {
        fileprivate enum Payload: Sendable {
            case statements([(sql: String, binds: [SQLiteData])])
            case copy(table: String, columns: [String], chunks: [ByteBuffer])
        }

        fileprivate let payload: Payload
        /// The rows written after each statement or chunk, for progress.
        fileprivate let counts: [Int]
    }

    let connection: Connection
    /// Rows per statement or COPY chunk; nil for the backend's default. Tests set a small one so a short
    /// table crosses chunk boundaries.
    var chunkRows: Int?

    /// SQLite allows 32,766 bound values a statement.
    static let sqliteBindLimit = 32_766
    /// Rows per COPY data message; a few hundred kilobytes each.
    static let copyChunk = 5_000

    /// Encodes `rows` (one value per column; every row also gets the `shared` columns' values) for `write`.
    func batch(into table: String, columns: [String], rows: [[Value]], shared: [(column: String, value: Value)] = []) -> Batch {
        switch connection {
        case .sqlite:
            // Shared values are bound once a statement (?1…?k) and named by every row.
            let perStatement = min(chunkRows ?? .max, (Self.sqliteBindLimit - shared.count) / columns.count)
            var statements: [(sql: String, binds: [SQLiteData])] = []
            var counts: [Int] = []
            var start = 0
            while start < rows.count {
                let chunk = rows[start..<min(start + perStatement, rows.count)]
                statements.append(Self.insertStatement(table, columns, chunk, shared))
                start += chunk.count
                counts.append(start)
            }
            return Batch(payload: .statements(statements), counts: counts)
        case .postgres:
            let perChunk = chunkRows ?? Self.copyChunk
            var chunks: [ByteBuffer] = []
            var counts: [Int] = []
            var start = 0
            while start < rows.count {
                let chunk = rows[start..<min(start + perChunk, rows.count)]
                chunks.append(Self.copyData(chunk, columns.count, shared.map(\.value)))
                start += chunk.count
                counts.append(start)
            }
            return Batch(payload: .copy(table: table, columns: shared.map(\.column) + columns, chunks: chunks), counts: counts)
        }
    }

    /// Writes an encoded batch; `written` hears the rows written so far after each statement or chunk.
    func write(_ batch: Batch, written: (@Sendable (Int) -> Void)? = nil) async throws {
        switch (connection, batch.payload) {
        case (.sqlite(let connection), .statements(let statements)):
            for (statement, count) in zip(statements, batch.counts) {
                try await connection.query(statement.sql, statement.binds) { _ in }
                written?(count)
            }
        case (.postgres(let connection), .copy(let table, let columns, let chunks)):
            guard !chunks.isEmpty else { return }
            try await connection.copyFrom(table: table, columns: columns, logger: connection.logger) { writer in
                for (chunk, count) in zip(chunks, batch.counts) {
                    try await writer.write(chunk)
                    written?(count)
                }
            }
        default:
            preconditionFailure("a batch is written by the writer that encoded it")
        }
    }

    private static func insertStatement(_ table: String, _ columns: [String], _ rows: ArraySlice<[Value]>,
                                        _ shared: [(column: String, value: Value)]) -> (sql: String, binds: [SQLiteData]) {
        // OR ROLLBACK: a failing row ends the whole transaction, as a bulk write wants anyway, so SQLite
        // keeps no statement journal to undo just this statement (with foreign keys deferred by
        // `ZoneDatabase.bulkTransaction`); that journal cost about a tenth of the insert.
        var sql = "INSERT OR ROLLBACK INTO \(table) (\((shared.map(\.column) + columns).joined(separator: ", "))) VALUES "
        sql.reserveCapacity(sql.utf8.count + rows.count * columns.count * 8)
        // A bare `?` takes the number after the highest used so far, so each row's own values follow on
        // from the row before while the shared ones keep ?1…?k.
        let tuple = "(" + ((0..<shared.count).map { "?\($0 + 1)" } + Array(repeating: "?", count: columns.count))
            .joined(separator: ",") + ")"
        var binds: [SQLiteData] = shared.map { sqliteData($0.value) }
        binds.reserveCapacity(shared.count + rows.count * columns.count)
        for (index, row) in rows.enumerated() {
            precondition(row.count == columns.count, "one value per column")
            if index > 0 { sql += "," }
            sql += tuple
            for value in row { binds.append(sqliteData(value)) }
        }
        return (sql, binds)
    }

    private static func sqliteData(_ value: Value) -> SQLiteData {
        switch value {
        case .int(let number): .integer(Int(number))
        case .text(let text): .text(text)
        case .null: .null
        }
    }

    /// Rows in COPY's text format, the shared values first on every line.
    private static func copyData(_ rows: ArraySlice<[Value]>, _ width: Int, _ shared: [Value]) -> ByteBuffer {
        var buffer = ByteBufferAllocator().buffer(capacity: rows.count * 160)
        for row in rows {
            precondition(row.count == width, "one value per column")
            for value in shared {
                writeCopyText(value, to: &buffer)
                buffer.writeInteger(UInt8(ascii: "\t"))
            }
            for (index, value) in row.enumerated() {
                if index > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
                writeCopyText(value, to: &buffer)
            }
            buffer.writeInteger(UInt8(ascii: "\n"))
        }
        return buffer
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
