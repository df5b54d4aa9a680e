import SQLKit

/// Writes many rows in multi-row INSERT statements: a 100,000-line pay run is 200 statements
/// instead of 100,000 round trips. Chunks stay far below both backends' bind-parameter limits
/// (SQLite 32,766; PostgreSQL 65,535).
func insertRows(_ tx: any SQLDatabase, into table: String, columns: [String],
                rows: [[any Encodable & Sendable]], chunk: Int = 500, written: (@Sendable (Int) -> Void)? = nil) async throws {
    var start = 0
    while start < rows.count {
        let end = min(start + chunk, rows.count)
        var builder = tx.insert(into: table).columns(columns)
        for row in rows[start..<end] {
            precondition(row.count == columns.count, "one value per column")
            builder = builder.values(row.map { SQLBind($0) })
        }
        try await builder.run()
        start = end
        written?(end)
    }
}
