import Foundation
import SQLKit
import Testing
import ZoneCore
@testable import ZoneStore

@Suite("三定 import in the store")
struct UnitImportStoreTests {
    static let approval = ChangeApproval(documentNo: "仪编〔2025〕3号", approvedOn: CivilDate(year: 2025, month: 3, day: 1), summary: "三定方案导入")

    /// 仪征-shaped: 经济开发区 with three parks (员额 caps) and 内设机构.
    static func yizheng() throws -> CSVTable {
        let code = CreditCode.completing("11321081MB0000001")!.value
        func row(_ cells: [String], quotas: [String: String]) -> String {
            (cells + QuotaItem.all.map { quotas[$0.label] ?? "" } + ["否"]).joined(separator: ",")
        }
        return try CSVTable(parsing: ([UnitImport.columns.joined(separator: ",")] + [
            row(["经济开发区", "", "党工委/管委会", "党政机关", "全额", "正处级", code, "扬编〔2019〕1号"], quotas: ["事业编制": "20", "处级领导职数": "5"]),
            row(["党政办公室", "经济开发区", "内设机构", "党政机关", "全额", "正科级", "", ""], quotas: [:]),
            row(["大数据产业园", "经济开发区", "园区（一区多园）", "事业单位", "全额", "正科级", "", ""], quotas: ["员额": "30"]),
            row(["汽车工业园", "经济开发区", "园区（一区多园）", "事业单位", "全额", "正科级", "", ""], quotas: ["员额": "25"]),
            row(["化工园区（新材料产业园）", "经济开发区", "园区（一区多园）", "事业单位", "差额", "正科级", "", ""], quotas: ["员额": "40"]),
            row(["综合办公室", "大数据产业园", "内设机构", "事业单位", "全额", "", "", ""], quotas: [:]),
            row(["综合办公室", "经济开发区/汽车工业园", "内设机构", "事业单位", "全额", "", "", ""], quotas: [:]),
        ]).joined(separator: "\n"))
    }

    static func ledgerRows(_ store: Store, zoneID: Int64) async throws -> Int {
        try await store.database.reader.raw("SELECT COUNT(*) AS n FROM establishment_changes WHERE zone_id = \(bind: zoneID)").first()!
            .decode(column: "n", as: Int.self)
    }

    static func auditRows(_ store: Store, action: String) async throws -> Int {
        try await store.database.reader.raw("SELECT COUNT(*) AS n FROM audit_log WHERE action = \(bind: action)").first()!.decode(column: "n", as: Int.self)
    }

    @Test(arguments: TestDatabase.backends)
    func aSheetBuildsTheTreeAndReimportingItChangesNothing(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { store in
            let (zoneID, _) = try await store.units.createZone(code: "yz", name: "仪征经济开发区", units: [], actor: "test")
            // Quotas need the document that approved them: without a 文号 nothing is written.
            await #expect(throws: StoreError.self) {
                _ = try await store.units.importUnits(try Self.yizheng(), zoneID: zoneID, approval: ChangeApproval(documentNo: "", approvedOn: nil, summary: "x"), actor: "hr")
            }
            #expect(try await store.units.all(zoneID: zoneID).isEmpty)
            let first = try await store.units.importUnits(try Self.yizheng(), zoneID: zoneID, approval: Self.approval, actor: "hr")
            #expect(first == UnitImportResult(created: 7, updated: 0, quotaChanges: 5, unlisted: []))
            let tree = try await store.units.tree(zoneID: zoneID)
            #expect(tree.flattened().map { tree.path(of: $0.unit.id) } == [
                "经济开发区", "经济开发区 / 党政办公室", "经济开发区 / 大数据产业园", "经济开发区 / 大数据产业园 / 综合办公室",
                "经济开发区 / 汽车工业园", "经济开发区 / 汽车工业园 / 综合办公室", "经济开发区 / 化工园区（新材料产业园）"])
            let book = try await store.quotas.book(zoneID: zoneID)
            let park = try #require(tree.units.first { $0.name == "化工园区（新材料产业园）" })
            #expect(book.establishment[park.id] == [.postCap: 40] && park.funding == .partial)
            let root = try #require(tree.roots.first)
            #expect(book.leadership[root.id] == [.divisionLevel: 5])
            #expect(try await store.units.registers(zoneID: zoneID)[root.id]?.establishedBy == "扬编〔2019〕1号")
            let ledger = try await store.units.establishmentChanges(unitID: park.id, zoneID: zoneID)
            #expect(ledger.map(\.item) == [.establishment(.postCap)] && ledger[0].old == nil && ledger[0].new == 40)
            #expect(ledger[0].approval == Self.approval && ledger[0].actor == "hr")
            #expect(try await Self.auditRows(store, action: "unit.import") == 1)

            let again = try await store.units.importUnits(try Self.yizheng(), zoneID: zoneID, approval: Self.approval, actor: "hr")
            #expect(again == UnitImportResult(created: 0, updated: 0, quotaChanges: 0, unlisted: []))
            let (ledgerRows, imports) = (try await Self.ledgerRows(store, zoneID: zoneID), try await Self.auditRows(store, action: "unit.import"))
            #expect(ledgerRows == 5 && imports == 1)
        }
    }

    @Test(arguments: TestDatabase.backends)
    func aRefusedSheetWritesNothing(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { store in
            // 管委会 holds 3 事业编制, used by two people in 产业发展局; 服务中心 holds 2.
            let (zoneID, units) = try await TestDatabase.seedZone(store)
            for i in 0..<2 { _ = try await store.people.create(TestDatabase.person("人\(i)", sequence: i + 1, unit: units[1]), zoneID: zoneID, actor: "t") }
            let header = UnitImport.columns.joined(separator: ",")
            func row(_ name: String, _ parent: String, _ institutional: String) -> String {
                ([name, parent, "内设机构", "党政机关", "全额", "正科级", "", ""]
                    + QuotaItem.all.map { $0 == .establishment(.institutional) ? institutional : "" } + ["否"]).joined(separator: ",")
            }
            let lowered = try CSVTable(parsing: [header, row("管委会", "", "1"), row("新局", "管委会", "")].joined(separator: "\n"))
            await #expect(throws: ImportRefused(errors: [ImportRowError(line: 2, column: "事业编制", message: "核定数少于现有人数：超编：管委会 事业编制 2/1")])) {
                _ = try await store.units.importUnits(lowered, zoneID: zoneID, approval: Self.approval, actor: "hr")
            }
            let (unitCount, ledgerRows) = (try await store.units.all(zoneID: zoneID).count, try await Self.ledgerRows(store, zoneID: zoneID))
            #expect(unitCount == 4 && ledgerRows == 0)
            // Raising it is an update of one quota, and the units the sheet leaves out are kept.
            let raised = try CSVTable(parsing: [header, row("管委会", "", "4")].joined(separator: "\n"))
            let result = try await store.units.importUnits(raised, zoneID: zoneID, approval: Self.approval, actor: "hr")
            #expect(result == UnitImportResult(created: 0, updated: 1, quotaChanges: 1,
                                               unlisted: ["管委会 / 产业发展局", "管委会 / 党政办公室", "服务中心"]))
            #expect(try await store.quotas.book(zoneID: zoneID).establishment[units[0]] == [.institutional: 4])
        }
    }

    @Test(arguments: TestDatabase.backends)
    func pageEditsWriteTheLedgerAndCorrectionsAreVersionChecked(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { store in
            let (zoneID, units) = try await TestDatabase.seedZone(store)
            try await store.quotas.setEstablishment(unitID: units[0], zoneID: zoneID, category: .institutional, quota: 5, approval: Self.approval, actor: "hr")
            try await store.quotas.setLeadership(unitID: units[0], zoneID: zoneID, quotaClass: .section, quota: 2, approval: Self.approval, actor: "hr")
            try await store.quotas.setEstablishment(unitID: units[0], zoneID: zoneID, category: .institutional, quota: nil, approval: Self.approval, actor: "hr")
            let ledger = try await store.units.establishmentChanges(unitID: units[0], zoneID: zoneID)
            #expect(ledger.map { "\($0.item.label) \($0.old.map(String.init) ?? "-")→\($0.new.map(String.init) ?? "-")" }
                    == ["事业编制 3→5", "正科级领导职数 -→2", "事业编制 5→-"])
            #expect(try await store.units.establishmentChanges(unitID: units[0], zoneID: zoneID + 1).isEmpty)

            let version = try #require(try await store.units.register(unitID: units[1], zoneID: zoneID)).version
            let code = CreditCode.completing("11321081MB0000001")!.value
            try await store.units.correct(unitID: units[1], zoneID: zoneID, try UnitCorrection.validate(name: "产业发展和招商局", rank: "副处级", creditCode: code).get(),
                                          expectedVersion: version, actor: "hr")
            let corrected = try #require(try await store.units.tree(zoneID: zoneID)[units[1]])
            #expect(corrected.name == "产业发展和招商局" && corrected.rank == "副处级")
            #expect(try await store.units.register(unitID: units[1], zoneID: zoneID)?.register.creditCode == code)
            await #expect(throws: StoreError.self) {
                try await store.units.correct(unitID: units[1], zoneID: zoneID, try UnitCorrection.validate(name: "旧名", rank: "", creditCode: "").get(),
                                              expectedVersion: version, actor: "hr")
            }
            await #expect(throws: StoreError.duplicate("同一上级下已有“党政办公室”", english: "a sibling unit already has this name")) {
                try await store.units.correct(unitID: units[1], zoneID: zoneID, try UnitCorrection.validate(name: "党政办公室", rank: "", creditCode: "").get(),
                                              expectedVersion: version + 1, actor: "hr")
            }
            #expect(try await Self.auditRows(store, action: "unit.correct") == 1)
        }
    }
}
