import SQLKit
import ZoneCore

/// The register's bulk path: a whole sheet checked in a few queries, written by `BulkWriter`
/// (multi-row INSERTs on SQLite, COPY on PostgreSQL), and audited by one record
/// (`PersonImportAudit`). A row-by-row write (duplicate SELECT, INSERT, chained audit record per
/// person) took 37 s (SQLite) and 150 s (PostgreSQL) for 100,000 rows.
extension PersonRepository {
    /// Imports a sheet in one transaction: checked row by row against today's register and quotas
    /// under the zone lock; any row error throws `PeopleImport.Refused` listing every error, and
    /// nothing is written.
    ///
    /// Checking and writing overlap: while one run of rows is written (on SQLite's thread, or by
    /// PostgreSQL), the next is checked and hashed for the audit digest. After the first bad row
    /// nothing more is written, the rest is still checked so every error is reported, and the
    /// transaction rolls back; quotas are checked over the whole sheet before anything commits.
    /// `progress` hears each run written (a large sheet's page shows it).
    public func importSheet(_ table: CSVTable, zoneID: Int64, actor: String,
                            progress: @escaping @Sendable (PeopleImportProgress) -> Void = { _ in }) async throws -> [Person] {
        let repo = self, backend = database.backend, total = table.rows.count
        return try await database.bulkTransaction { tx, bulk in
            try await QuotaRepository.lockZone(zoneID, in: tx, backend: backend)
            var checker = try await repo.sheetChecker(header: table.header, rowCount: table.rows.count, zoneID: zoneID, in: tx)
            progress(.registerRead(people: checker.existingIDs.count))
            let ids = try await Self.reserveIDs(table.rows.count, in: tx, backend: backend)
            var digest = PersonImportAudit.Digest()
            let now = repo.clock.isoTimestamp
            var people: [Person] = []
            people.reserveCapacity(table.rows.count)
            var writing: Task<Void, any Error>?
            for rows in Self.runs(of: table) {
                let accepted = checker.check(table.rows[rows], lines: table.lines[rows])
                guard !checker.hasErrors else { continue }
                let run = zip(ids[people.count...], accepted).map { id, person in Self.person(id: id, version: 1, person) }
                people += run
                let batch = repo.batch(run, zoneID: zoneID, now: now, bulk: bulk)
                try await writing?.value
                writing = Task {
                    try await bulk.write(batch)
                    progress(.written(rows: rows.upperBound, of: total))
                }
                digest.add(run)
            }
            // The last write finishes before the transaction goes on, whichever way it ends.
            let written = await writing?.result
            let sheet = checker.finish()
            guard sheet.errors.isEmpty else { throw PeopleImport.Refused(errors: sheet.errors) }
            try written?.get()
            let record = PersonImportAudit(people: people, digest: digest.finish(), zoneID: zoneID)
            try await repo.audit.append(record.entry(actor: actor), in: tx, backend: backend)
            return people
        }
    }

    /// The sheet's rows in runs checked (and written) at a time: large enough that a statement's overhead
    /// is small, small enough that the first write starts early and progress moves.
    static func runs(of table: CSVTable) -> [Range<Int>] {
        stride(from: 0, to: table.rows.count, by: 5_000).map { $0..<min($0 + 5_000, table.rows.count) }
    }

    /// People already checked (duplicates, quotas), under ids from `reserveIDs`, encoded for the bulk
    /// writer: nothing is read back. No audit record: the caller writes one for the batch.
    func batch(_ people: [Person], zoneID: Int64, now: String, bulk: BulkWriter) -> BulkWriter.Batch {
        let rows: [[BulkWriter.Value]] = people.map { p in
            [.int(p.id), .int(p.unitID), .text(p.name), .text(p.idNumber), .text(p.gender.rawValue), .text(p.birthDate),
             p.phone.map { .text($0) } ?? .null, .text(p.establishment.rawValue), .text(p.archivePost), .text(p.archiveRank),
             .text(p.status.rawValue), p.leadership.map { .text($0.rawValue) } ?? .null, p.workStartedOn.map { .text($0) } ?? .null]
        }
        return bulk.batch(into: "people", columns: Self.importColumns, rows: rows,
                          shared: [("zone_id", .int(zoneID)), ("version", .int(1)), ("created_at", .text(now)), ("updated_at", .text(now))])
    }

    static let importColumns = ["id", "unit_id", "name", "id_number", "gender", "birth_date", "phone", "establishment",
                                "archive_post", "archive_rank", "status", "leadership_rank", "work_started_on"]

    /// `count` new people ids, ascending and consecutive: the numbers after the highest ever given out,
    /// inserted explicitly. SQLite: we write under its single write lock, and AUTOINCREMENT keeps that
    /// mark in `sqlite_sequence` (never reused; inserting moves it on). PostgreSQL: other zones share the
    /// identity sequence, so the import locks the table against other writers (readers go on) until it
    /// commits, then moves the sequence past its block in one step; drawing 100,000 values one by
    /// one took half a second.
    static func reserveIDs(_ count: Int, in tx: any SQLDatabase, backend: Backend) async throws -> [Int64] {
        guard count > 0 else { return [] }
        let last: Int64
        switch backend {
        case .sqlite:
            last = try await tx.raw("""
                SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'people'), 0),
                           COALESCE((SELECT MAX(id) FROM people), 0)) + \(bind: count) AS last
                """).first()?.decode(column: "last", as: Int64.self) ?? 0
        case .postgres:
            try await tx.raw("LOCK TABLE people IN SHARE ROW EXCLUSIVE MODE").run()
            last = try await tx.raw("""
                SELECT setval(pg_get_serial_sequence('people', 'id'),
                              nextval(pg_get_serial_sequence('people', 'id')) + \(bind: count) - 1) AS last
                """).first()?.decode(column: "last", as: Int64.self) ?? 0
        }
        return Array(last - Int64(count) + 1...last)
    }

    /// The person's audit records, oldest first: the import that created them (found by id range) or
    /// their `person.create`, then every edit and every unmasked read.
    public func history(id: Int64, zoneID: Int64) async throws -> [AuditRecord] {
        try await database.reader.raw("""
            SELECT \(AuditLog.columns) FROM audit_log
            WHERE (entity = 'person' AND entity_id = \(bind: String(id))) OR entity = \(bind: PersonImportAudit.entity)
            ORDER BY seq
            """).all().map(AuditLog.record).filter { record in
                record.entry.entity != PersonImportAudit.entity
                    || PersonImportAudit(record.entry)?.covers(personID: id, zoneID: zoneID) == true
            }
    }
}
