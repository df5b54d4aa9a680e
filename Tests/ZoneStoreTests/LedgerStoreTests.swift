import Testing
@testable import ZoneCore
import ZoneTestSupport
@testable import ZoneStore

@Suite("Reform ledgers: stored rows, optimistic locking, history, all-or-nothing batches")
struct LedgerStoreTests {
    static func firm(_ n: Int, unit: Int64? = nil) -> LedgerRecord {
        LedgerRecord(kind: .keyFirms, values: ["firm": "芯谷企业\(n)", "code": CreditCode.completing("91510122000000\(100 + n)")!.value,
                                               "lead": "专班", "since": "2021-01-01"], unitID: unit)
    }

    /// An edit from an old version is refused and changes nothing; the row's history is its audit entries.
    @Test(arguments: TestDatabase.backends)
    func editsAreVersionedAndAudited(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            let (zone, units) = try await TestDatabase.seedZone(store)
            let created = try await store.ledgers.create(LedgerRecord(kind: .debts, values: ["name": "市贷区用债务", "creditor": "市国企",
                                                                                           "principal": "100000", "resolved": "0"], unitID: units[1]),
                                                         zoneID: zone, actor: "hr")
            var values = created.record.values
            values["resolved"] = "60000"
            let saved = try await store.ledgers.update(id: created.id, zoneID: zone, to: LedgerRecord(kind: .debts, values: values, unitID: units[1]),
                                                       expectedVersion: 1, actor: "hr")
            #expect(saved.version == 2)
            await #expect(throws: StoreError.staleVersion(entity: "债务台账记录“市贷区用债务”", expected: 1, actual: 2)) {
                try await store.ledgers.update(id: created.id, zoneID: zone, to: created.record, expectedVersion: 1, actor: "hr2")
            }
            #expect(try await store.ledgers.find(id: created.id, zoneID: zone)?.record["resolved"] == "60000")
            #expect(try await store.ledgers.find(id: created.id, zoneID: zone + 1) == nil)
            let history = try await store.ledgers.history(id: created.id)
            #expect(history.map(\.entry.action) == ["ledger.create", "ledger.update"])
            #expect(history[1].entry.detail == "resolved: 0 → 60000; version: 1 → 2")
            #expect(try await store.audit.verify(store.database.reader).firstBad == nil)
        }
    }

    /// 成都芯谷: 181 approval items sunk and 50 key firms, imported as sheets; a batch with a firm
    /// already on the ledger writes nothing.
    @Test(arguments: TestDatabase.backends)
    func chengduFiguresFromImportedRows(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            let (zone, _) = try await TestDatabase.seedZone(store)
            let refs = LedgerReferences(units: [:], people: [:])
            let csv = "审批服务事项,原办理部门,下沉日期\n" + (1...181).map { "涉企审批服务事项\($0),双流区行政审批局,2021-06-01" }.joined(separator: "\n")
            let sheet = LedgerImport(try CSVTable(parsing: csv), kind: .approvals, references: refs)
            #expect(sheet.errors.isEmpty)
            try await store.ledgers.createAll(sheet.records, zoneID: zone, actor: "hr")
            try await store.ledgers.createAll((0..<50).map { Self.firm($0) }, zoneID: zone, actor: "hr")
            await #expect(throws: StoreError.duplicate("统一社会信用代码 \(Self.firm(7).values["code"]!) 已有专班记录",
                                                       english: "credit code \(Self.firm(7).values["code"]!) already has a task force")) {
                try await store.ledgers.createAll([Self.firm(60), Self.firm(7)], zoneID: zone, actor: "hr")
            }
            let figures = LedgerFigures(try await store.ledgers.all(zoneID: zone).map(\.record))
            #expect(figures.approvalsSunk == 181 && figures.keyFirms == 50)
            #expect(try await store.ledgers.all(zoneID: zone, kind: .keyFirms).count == 50)
        }
    }
}
