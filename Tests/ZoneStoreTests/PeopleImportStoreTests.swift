import Testing
@testable import ZoneCore
import ZoneTestSupport
@testable import ZoneStore

/// The bulk people import on both databases: all or nothing, one audit record, ids reserved ahead.
/// (`BulkWriterTests` cover the chunked writing itself.)
@Suite("People import written in bulk")
struct PeopleImportStoreTests {
    static let header = PeopleImport.columns.joined(separator: ",")

    static func idNumber(_ n: Int) -> String {
        ResidentID.make(region: "530102", birth: CivilDate(year: 1990, month: 1 + n % 12, day: 1 + n % 28)!, sequence: n).value
    }

    /// Row `n` of a sheet: 编外 into 产业发展局 (no quota limits it); every third row without a phone.
    static func row(_ n: Int, unit: String = "产业发展局", category: String = "编外", idNumber: String? = nil) -> String {
        "导入员工,\(idNumber ?? Self.idNumber(n)),\(n % 3 == 0 ? "" : "139\(String(format: "%08d", n))"),\(unit),\(category),科员,,,在岗"
    }

    static func sheet(_ rows: [String]) throws -> CSVTable {
        try CSVTable(parsing: ([header] + rows).joined(separator: "\n"))
    }

    @Test(arguments: TestDatabase.backends)
    func aLargeSheetIsWrittenInBatchesAndAuditedOnce(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            let (zone, units) = try await TestDatabase.seedZone(store)
            let single = try await store.people.create(TestDatabase.person("单个", sequence: 1, unit: units[1]), zoneID: zone, actor: "hr")
            try await store.quotas.setLeadership(unitID: units[0], zoneID: zone, quotaClass: .section, quota: 1, approval: ChangeApproval(documentNo: "测试", approvedOn: nil, summary: ""), actor: "hr")
            let auditBefore = try await store.audit.count(store.database.reader)
            var rows = (0..<250).map { Self.row($0) }
            rows[7] = "导入领导,\(Self.idNumber(7)),13900000007,管委会,事业,主任,,正科,在岗" // a 领导职数 and a 编制 place
            let imported = try await store.people.importSheet(try Self.sheet(rows), zoneID: zone, actor: "hr")

            #expect(imported.count == 250)
            #expect(imported.map(\.idNumber) == (0..<250).map(Self.idNumber)) // in file order
            // One consecutive block of ids after everyone before; later people get ids after it (below; PostgreSQL
            // leaves the refused import's block unused, as sequences do).
            #expect(imported.map(\.id) == Array(single.id + 1...single.id + 250))
            let register = try await store.people.register(zoneID: zone).filter { $0.id != single.id }
            #expect(Set(register.map(\.id)) == Set(imported.map(\.id)))
            let stored = Dictionary(uniqueKeysWithValues: register.map { ($0.idNumber, $0) })
            for person in imported { #expect(stored[person.idNumber] == person) }
            #expect(stored[Self.idNumber(3)]?.phone == nil) // an empty cell is NULL, as through the form
            #expect(stored[Self.idNumber(7)]?.leadership == .section && stored[Self.idNumber(8)]?.leadership == nil)

            // One audit record for the whole sheet, naming the id range and a digest of what was written.
            #expect(try await store.audit.count(store.database.reader) == auditBefore + 1)
            let record = try await store.audit.recent(store.database.reader, limit: 1)[0]
            let batch = try #require(PersonImportAudit(record.entry))
            #expect(record.entry.actor == "hr" && record.entry.entity == "person_import")
            #expect(batch.zoneID == zone && batch.rows == 250)
            #expect(batch.ids == imported.map(\.id).min()!...imported.map(\.id).max()!)
            #expect(batch.digest == PersonImportAudit.digest(of: register))
            #expect(!record.entry.detail.contains(Self.idNumber(1))) // masked, as every audit detail
            #expect(try await store.audit.verify(store.database.reader).isIntact)

            // A person's history finds the import that created them, then their own edits.
            let someone = imported[123]
            let edited = ValidPerson(name: someone.name, idNumber: someone.idNumber, gender: someone.gender, birthDate: someone.birthDate,
                                     phone: someone.phone, unitID: someone.unitID, establishment: someone.establishment,
                                     archivePost: "副主任科员", archiveRank: someone.archiveRank, status: someone.status)
            _ = try await store.people.update(id: someone.id, zoneID: zone, to: edited, expectedVersion: 1, actor: "hr2")
            #expect(try await store.people.history(id: someone.id, zoneID: zone).map(\.entry.action) == ["person.import", "person.update"])
            #expect(try await store.people.history(id: single.id, zoneID: zone).map(\.entry.action) == ["person.create"])
            #expect(try await store.audit.verify(store.database.reader).isIntact)

            // Importing the same sheet again is refused row by row: every row is already registered.
            await #expect(throws: PeopleImport.Refused.self) {
                try await store.people.importSheet(try Self.sheet(rows), zoneID: zone, actor: "hr")
            }
            #expect(try await store.people.register(zoneID: zone).count == 251)
            let next = try await store.people.create(TestDatabase.person("后来者", sequence: 3, unit: units[1]), zoneID: zone, actor: "hr")
            #expect(backend == .sqlite ? next.id == single.id + 251 : next.id > single.id + 250)
        }
    }

    @Test(arguments: TestDatabase.backends)
    func anyBadRowRefusesTheWholeSheetWithEveryError(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            let (zone, units) = try await TestDatabase.seedZone(store)
            let existing = try await store.people.create(TestDatabase.person("已在册", sequence: 2, unit: units[1]), zoneID: zone, actor: "hr")
            let auditBefore = try await store.audit.count(store.database.reader)
            var rows = (0..<150).map { Self.row($0) }
            rows[118] = Self.row(118, idNumber: "110105194912310021")      // line 120: check digit
            rows[128] = Self.row(128, idNumber: Self.idNumber(5))         // line 130: same as line 7
            rows[138] = Self.row(138, idNumber: existing.idNumber)        // line 140: already registered
            rows[148] = Self.row(148, unit: "不存在局")                      // line 150: unknown unit
            do {
                _ = try await store.people.importSheet(try Self.sheet(rows), zoneID: zone, actor: "hr")
                Issue.record("a sheet with bad rows was imported")
            } catch let refused as PeopleImport.Refused {
                #expect(refused.errors.map(\.description) == [
                    "第120行 身份证号：身份证号校验位不符，请核对身份证原件（所填：“110105********0021”）",
                    "第130行 身份证号：与第7行重复",
                    "第140行 身份证号：已在名册中登记",
                    "第150行 单位：单位“不存在局”不存在",
                ])
            }
            #expect(try await store.people.register(zoneID: zone).map(\.id) == [existing.id])
            #expect(try await store.audit.count(store.database.reader) == auditBefore)
        }
    }

    @Test(arguments: TestDatabase.backends)
    func aSheetOverQuotaIsRefusedWhole(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            let (zone, _) = try await TestDatabase.seedZone(store)
            // 服务中心 holds 2 事业编制: the third 事业 row exceeds it, wherever the batches split.
            var rows = (0..<120).map { Self.row($0) }
            for (offset, line) in [40, 80, 100].enumerated() {
                rows[line] = "中心员工,\(Self.idNumber(1_000 + offset)),,服务中心,事业,,,,在岗"
            }
            do {
                _ = try await store.people.importSheet(try Self.sheet(rows), zoneID: zone, actor: "hr")
                Issue.record("an over-quota sheet was imported")
            } catch let refused as PeopleImport.Refused {
                #expect(refused.errors.map(\.description) == ["第102行 编制类型：超编：服务中心 事业编制 3/2"])
            }
            #expect(try await store.people.register(zoneID: zone).isEmpty)
            #expect(try await store.audit.verify(store.database.reader).isIntact)
        }
    }

    /// The default chunks: a sheet larger than one SQLite statement may bind, and than one COPY chunk.
    @Test(arguments: TestDatabase.backends)
    func theDefaultChunksStayWithinTheBindLimit(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            let (zone, _) = try await TestDatabase.seedZone(store)
            let count = max(BulkWriter.sqliteBindLimit / PersonRepository.importColumns.count, BulkWriter.copyChunk) + 500
            let imported = try await store.people.importSheet(try Self.sheet((0..<count).map { Self.bigRow($0) }), zoneID: zone, actor: "cli")
            #expect(Set(imported.map(\.id)).count == count)
            #expect(try await store.people.register(zoneID: zone).count == count)
        }
    }

    /// Distinct ID numbers beyond the 1,000 sequence numbers one birth date allows.
    static func bigRow(_ n: Int) -> String {
        let id = ResidentID.make(region: "530102", birth: CivilDate(year: 1970 + n / 1000, month: 1, day: 1)!, sequence: n % 1000).value
        return Self.row(n, idNumber: id)
    }
}
