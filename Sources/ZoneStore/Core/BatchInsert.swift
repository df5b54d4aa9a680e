import SQLKit

/// Writes many rows in multi-row INSERT statements: a 100,000-line pay run is 200 statements
/// instead of 100,000 round trips. Chunks stay far below both backends' bind-parameter limits
/// (SQLite 32,766; PostgreSQL 65,535).
func insertRows(_ tx: any SQLDatabase, into table: String, columns: [String],
                rows: [[any Encodable & Sendable]], chunk: Int = 500, written: (@Sendable (Int) -> Void)? = nil) async throws {
    var start = 0
    while start < rows.count {
        let end = min(start + chunk, rows.count)
        try await insertStatement(tx, into: table, columns: columns, rows: rows[start..<end]).run()
        start = end
        written?(end)
    }
}

/// As `insertRows`, and returns the `returning` columns of every inserted row (INSERT … RETURNING,
/// SQLite 3.35+ and PostgreSQL). Neither backend promises the returned order, so match the rows
/// by a key column rather than by position. `chunk × columns.count` must stay within the backend's
/// bind-parameter limit.
func insertRows(_ tx: any SQLDatabase, into table: String, columns: [String],
                rows: [[any Encodable & Sendable]], chunk: Int, returning: [String]) async throws -> [any SQLRow] {
    var inserted: [any SQLRow] = []
    inserted.reserveCapacity(rows.count)
    var start = 0
    while start < rows.count {
        let end = min(start + chunk, rows.count)
        inserted += try await insertStatement(tx, into: table, columns: columns, rows: rows[start..<end])
            .returning(returning.map { SQLColumn($0) as any SQLExpression }).all()
        start = end
    }
    return inserted
}

private func insertStatement(_ tx: any SQLDatabase, into table: String, columns: [String],
                             rows: ArraySlice<[any Encodable & Sendable]>) -> SQLInsertBuilder {
    var builder = tx.insert(into: table).columns(columns)
    for row in rows {
        precondition(row.count == columns.count, "one value per column")
        builder = builder.values(row.map { SQLBind($0) })
    }
    return builder
}
