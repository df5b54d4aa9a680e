import Foundation
import SQLKit
import ZoneCore

/// The real-name register. Every write is audited in the same transaction; edits use optimistic
/// locking so a stale form cannot overwrite someone else's change.
public struct PersonRepository: Sendable {
    let database: ZoneDatabase
    let audit: AuditLog
    let clock: Clock
    let quotas: QuotaRepository

    static let columns: SQLQueryString = """
        id, unit_id, name, id_number, gender, birth_date, phone, establishment, archive_post, archive_rank, status,
        leadership_rank, departure, departed_on, work_started_on, version
        """

    public func search(_ query: PeopleQuery) async throws -> PeoplePage {
        if let units = query.unitIDs, units.isEmpty {
            return PeoplePage(people: [], total: 0, page: query.page, pageSize: query.pageSize)
        }
        let filter = Self.filter(query, today: clock.today)
        let total = try await database.reader.raw("SELECT COUNT(*) AS n FROM people WHERE " + filter).first()!
            .decode(column: "n", as: Int.self)
        let offset = (query.page - 1) * query.pageSize
        let rows = try await database.reader.raw("""
            SELECT \(Self.columns) FROM people WHERE \(filter)
            ORDER BY unit_id, id LIMIT \(bind: query.pageSize) OFFSET \(bind: offset)
            """).all()
        return PeoplePage(people: try rows.map(Self.person), total: total, page: query.page, pageSize: query.pageSize)
    }

    static func filter(_ query: PeopleQuery, today: CivilDate) -> SQLQueryString {
        var sql: SQLQueryString = "zone_id = \(bind: query.zoneID)"
        switch PersonSearchText(query.text, today: today) {
        case .none: break
        // The caller decides whether this account may look a whole number up (it reads hidden digits).
        case .fullID(let id): sql += " AND id_number = \(bind: id)"
        // The masked form as `Person.maskedIDNumber` shows it (every stored number has 18 characters).
        case .maskedID(let visible):
            sql += " AND (substr(id_number, 1, 6) || '********' || substr(id_number, 15)) LIKE \(bind: "%" + visible + "%")"
        case .name(let name): sql += " AND name LIKE \(bind: "%" + Self.escapeLike(name) + "%") ESCAPE '\\'"
        }
        if let units = query.unitIDs {
            sql += " AND unit_id IN (\(binds: units.sorted().map { $0 as any Encodable & Sendable }))"
        }
        if let personID = query.personID { sql += " AND id = \(bind: personID)" }
        return sql
    }

    /// `%` and `_` typed by a user are literal characters, not wildcards.
    static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }

    public func find(id: Int64, zoneID: Int64) async throws -> Person? {
        try await Self.find(id, zoneID: zoneID, in: database.reader)
    }

    static func find(_ id: Int64, zoneID: Int64, in db: any SQLDatabase) async throws -> Person? {
        try await db.raw("SELECT \(columns) FROM people WHERE id = \(bind: id) AND zone_id = \(bind: zoneID)").first().map(person)
    }

    /// Everyone holding a place in the zone (not 分流/退休), in unit order, for reports.
    public func onStrength(zoneID: Int64) async throws -> [Person] {
        try await database.reader.raw("""
            SELECT \(Self.columns) FROM people
            WHERE zone_id = \(bind: zoneID) AND status NOT IN (\(binds: PersonStatus.departedValues)) ORDER BY unit_id, id
            """).all().map(Self.person)
    }

    /// Everyone on the zone's register, those who left included (nobody disappears from it), in unit order:
    /// the register export.
    public func register(zoneID: Int64) async throws -> [Person] {
        try await database.reader.raw("SELECT \(Self.columns) FROM people WHERE zone_id = \(bind: zoneID) ORDER BY unit_id, id")
            .all().map(Self.person)
    }

    public func create(_ person: ValidPerson, zoneID: Int64, actor: String) async throws -> Person {
        try await createAll([person], zoneID: zoneID, actor: actor)[0]
    }

    /// Inserts all or nothing: a duplicate or a quota violation anywhere refuses the whole batch.
    public func createAll(_ batch: [ValidPerson], zoneID: Int64, actor: String) async throws -> [Person] {
        let repo = self
        return try await database.transaction { tx in try await repo.insert(batch, zoneID: zoneID, actor: actor, in: tx) }
    }

    /// A sheet checked against today's register and quotas, without writing: the import page's preview
    /// (`importSheet` checks again under the zone lock while it writes). `progress` hears each run of rows.
    public func checkSheet(_ table: CSVTable, zoneID: Int64,
                           progress: @Sendable (PeopleImportProgress) -> Void = { _ in }) async throws -> PeopleImport {
        var checker = try await sheetChecker(header: table.header, rowCount: table.rows.count, zoneID: zoneID, in: database.reader)
        progress(.registerRead(people: checker.existingIDs.count))
        for run in Self.runs(of: table) {
            _ = checker.check(table.rows[run], lines: table.lines[run])
            progress(.checked(rows: run.upperBound, of: table.rows.count))
        }
        return checker.finish()
    }

    /// A checker for a sheet against the register and quotas as `db` sees them: one query for the ID
    /// numbers already registered; duplicates within the file and quotas are checked in memory.
    func sheetChecker(header: [String], rowCount: Int, zoneID: Int64, in db: any SQLDatabase) async throws -> PeopleImport.Checker {
        let book = try await quotas.book(zoneID: zoneID, in: db)
        let existing = Set(try await db.raw("SELECT id_number FROM people WHERE zone_id = \(bind: zoneID)").all()
            .map { try $0.decode(column: "id_number", as: String.self) })
        return PeopleImport.Checker(header: header, book: book, existingIDs: existing, rowCount: rowCount, today: clock.today)
    }

    func insert(_ batch: [ValidPerson], zoneID: Int64, actor: String, in tx: any SQLDatabase) async throws -> [Person] {
        try await QuotaRepository.enforce(batch.map { StaffingChange(before: nil, after: $0.placement, label: $0.name) },
                                          zoneID: zoneID, in: tx, repository: quotas)
        return try await write(batch, zoneID: zoneID, actor: actor, in: tx)
    }

    /// Writes new register entries whose quotas the caller has already checked in `tx` (a round's
    /// confirmation checks its hires together with everyone else it moves); duplicates still refuse.
    /// Row by row with a `person.create` audit record each: for forms and a handful of hires. A
    /// sheet goes through `importSheet`, which writes in multi-row statements and audits once.
    func write(_ batch: [ValidPerson], zoneID: Int64, actor: String, in tx: any SQLDatabase) async throws -> [Person] {
        let now = clock.isoTimestamp
        var seen: Set<String> = []
        var created: [Person] = []
        for person in batch {
            guard seen.insert(person.idNumber).inserted else {
                let masked = Masking.mask(person.idNumber, keepPrefix: 6, keepSuffix: 4)
                throw StoreError.duplicate("身份证号 \(masked) 在本批中重复", english: "ID number \(masked) appears twice in the batch")
            }
            try await Self.refuseDuplicate(person.idNumber, zoneID: zoneID, except: nil, in: tx)
            let id = try await insertReturningID(tx, """
                INSERT INTO people (zone_id, unit_id, name, id_number, gender, birth_date, phone, establishment,
                                    archive_post, archive_rank, status, leadership_rank, work_started_on, version, created_at, updated_at)
                VALUES (\(bind: zoneID), \(bind: person.unitID), \(bind: person.name), \(bind: person.idNumber),
                        \(bind: person.gender.rawValue), \(bind: person.birthDate), \(bind: person.phone),
                        \(bind: person.establishment.rawValue), \(bind: person.archivePost), \(bind: person.archiveRank),
                        \(bind: person.status.rawValue), \(bind: person.leadership?.rawValue), \(bind: person.workStartedOn),
                        1, \(bind: now), \(bind: now))
                """)
            let stored = Self.person(id: id, version: 1, person)
            try await audit.append(AuditEntry(actor: actor, action: "person.create", entity: "person", entityID: String(id),
                                              detail: Self.describe(stored), zoneID: zoneID), in: tx, backend: database.backend)
            created.append(stored)
        }
        return created
    }

    /// Updates only if the stored version is still `expectedVersion`; the audit record lists what changed.
    public func update(id: Int64, zoneID: Int64, to person: ValidPerson, expectedVersion: Int, actor: String) async throws -> Person {
        let audit = audit, backend = database.backend, now = clock.isoTimestamp, quotas = quotas
        return try await database.transaction { tx in
            guard let current = try await Self.find(id, zoneID: zoneID, in: tx) else { throw StoreError.notFound("人员 \(id)") }
            guard current.version == expectedVersion else {
                throw StoreError.staleVersion(entity: "人员“\(current.name)”", expected: expectedVersion, actual: current.version)
            }
            try await Self.refuseDuplicate(person.idNumber, zoneID: zoneID, except: id, in: tx)
            if current.placement != person.placement {
                try await QuotaRepository.enforce([StaffingChange(before: current.placement, after: person.placement, label: person.name)],
                                                  zoneID: zoneID, in: tx, repository: quotas)
            }
            let next = Self.person(id: id, version: current.version + 1, person)
            // The version condition repeats in the UPDATE so the check holds even without the row lock.
            let changed = try await tx.raw("""
                UPDATE people SET unit_id = \(bind: person.unitID), name = \(bind: person.name), id_number = \(bind: person.idNumber),
                    gender = \(bind: person.gender.rawValue), birth_date = \(bind: person.birthDate), phone = \(bind: person.phone),
                    establishment = \(bind: person.establishment.rawValue), archive_post = \(bind: person.archivePost),
                    archive_rank = \(bind: person.archiveRank), status = \(bind: person.status.rawValue),
                    leadership_rank = \(bind: person.leadership?.rawValue), work_started_on = \(bind: person.workStartedOn),
                    version = \(bind: next.version), updated_at = \(bind: now)
                WHERE id = \(bind: id) AND version = \(bind: expectedVersion) RETURNING id
                """).all()
            guard changed.count == 1 else {
                throw StoreError.staleVersion(entity: "人员“\(current.name)”", expected: expectedVersion, actual: current.version + 1)
            }
            try await audit.append(AuditEntry(actor: actor, action: "person.update", entity: "person", entityID: String(id),
                                              detail: Self.diff(current, next), zoneID: zoneID), in: tx, backend: backend)
            return next
        }
    }

    static func refuseDuplicate(_ idNumber: String, zoneID: Int64, except: Int64?, in tx: any SQLDatabase) async throws {
        let rows = try await tx.raw("SELECT id, name FROM people WHERE zone_id = \(bind: zoneID) AND id_number = \(bind: idNumber)").all()
        for row in rows where try row.decode(column: "id", as: Int64.self) != except {
            let name = try row.decode(column: "name", as: String.self)
            let masked = Masking.mask(idNumber, keepPrefix: 6, keepSuffix: 4)
            throw StoreError.duplicate("身份证号 \(masked) 已登记为“\(name)”", english: "ID number \(masked) is already registered (\(name))")
        }
    }

    static func person(id: Int64, version: Int, _ p: ValidPerson) -> Person {
        Person(id: id, unitID: p.unitID, name: p.name, idNumber: p.idNumber, gender: p.gender, birthDate: p.birthDate,
               phone: p.phone, establishment: p.establishment, archivePost: p.archivePost, archiveRank: p.archiveRank,
               status: p.status, leadership: p.leadership, workStartedOn: p.workStartedOn, version: version)
    }

    /// The audited fields, personal data masked.
    static func fields(_ p: Person) -> [(String, String)] {
        [("name", p.name), ("idNumber", p.maskedIDNumber), ("phone", p.maskedPhone ?? ""), ("unitID", String(p.unitID)),
         ("establishment", p.establishment.rawValue), ("archivePost", p.archivePost), ("archiveRank", p.archiveRank),
         ("status", p.status.rawValue), ("leadership", p.leadership?.rawValue ?? ""), ("workStartedOn", p.workStartedOn ?? "")]
    }

    static func describe(_ p: Person) -> String {
        fields(p).map { "\($0.0)=\($0.1)" }.joined(separator: "; ")
    }

    static func diff(_ old: Person, _ new: Person) -> String {
        let changes = zip(fields(old), fields(new)).filter { $0.0.1 != $0.1.1 }.map { "\($0.0.0): \($0.0.1) → \($0.1.1)" }
        return (changes + ["version: \(old.version) → \(new.version)"]).joined(separator: "; ")
    }

    static func person(_ row: any SQLRow) throws -> Person {
        Person(id: try row.decode(column: "id", as: Int64.self),
               unitID: try row.decode(column: "unit_id", as: Int64.self),
               name: try row.decode(column: "name", as: String.self),
               idNumber: try row.decode(column: "id_number", as: String.self),
               gender: try row.decode(column: "gender", as: Gender.self, table: "people"),
               birthDate: try row.decode(column: "birth_date", as: String.self),
               phone: try row.decode(column: "phone", as: String?.self),
               establishment: try row.decode(column: "establishment", as: StaffCategory.self, table: "people"),
               archivePost: try row.decode(column: "archive_post", as: String.self),
               archiveRank: try row.decode(column: "archive_rank", as: String.self),
               status: try row.decode(column: "status", as: PersonStatus.self, table: "people"),
               leadership: try row.decodeIfPresent(column: "leadership_rank", as: LeadershipRank.self, table: "people"),
               departure: try row.decode(column: "departure", as: String?.self),
               departedOn: try row.decode(column: "departed_on", as: String?.self),
               workStartedOn: try row.decode(column: "work_started_on", as: String?.self),
               version: try row.decode(column: "version", as: Int.self))
    }
}
