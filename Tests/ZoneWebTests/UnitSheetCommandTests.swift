import Foundation
import SQLKit
import Testing
import ZoneCore
@testable import ZoneStore
@testable import ZoneWeb

/// `zonedesk import units` / `export units` as an operator runs them: a 仪征-shaped tree into an empty zone, refusals
/// that exit 2 and write nothing, and exports (xlsx and CSV, of that zone and of a demo zone) that import unchanged.
@Suite("Command line: 三定 sheet")
struct UnitSheetCommandTests {
    static let zonedesk = CommandLineTests.zonedesk

    static func row(_ name: String, _ parent: String, kind: String = "内设机构", code: String = "", quotas: [String: String] = [:]) -> String {
        ([name, parent, kind, "事业单位", "全额", "正科级", code, ""] + QuotaItem.all.map { quotas[$0.label] ?? "" } + ["否"]).joined(separator: ",")
    }

    static let yizheng = ([UnitImport.columns.joined(separator: ",")] + [
        row("经济开发区", "", kind: "党工委/管委会", code: CreditCode.completing("11321081MB0000001")!.value, quotas: ["事业编制": "20", "处级领导职数": "5"]),
        row("大数据产业园", "经济开发区", kind: "园区（一区多园）", quotas: ["员额": "30"]),
        row("汽车工业园", "经济开发区", kind: "园区（一区多园）", quotas: ["员额": "25"]),
        row("化工园区（新材料产业园）", "经济开发区", kind: "园区（一区多园）", quotas: ["员额": "40"]),
        row("综合办公室", "大数据产业园"),
        row("综合办公室", "经济开发区/汽车工业园"),
        row("党政办公室", "经济开发区"),
        row("档案室", "经济开发区/汽车工业园/综合办公室"),
    ]).joined(separator: "\n")

    /// A scratch directory with an empty zone `yz` in `zone.sqlite`.
    static func emptyZone() async throws -> (directory: URL, db: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zd-units-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let db = directory.appendingPathComponent("zone.sqlite").path
        let store = try await Store.open(DatabaseLocation(db))
        _ = try await store.units.createZone(code: "yz", name: "仪征经济开发区", units: [], actor: "test")
        try await store.close()
        return (directory, db)
    }

    static func counts(_ db: String) async throws -> (units: Int, ledger: Int) {
        let store = try await Store.open(DatabaseLocation(db))
        let units = try await store.database.reader.raw("SELECT COUNT(*) AS n FROM units").first()!.decode(column: "n", as: Int.self)
        let ledger = try await store.database.reader.raw("SELECT COUNT(*) AS n FROM establishment_changes").first()!.decode(column: "n", as: Int.self)
        try await store.close()
        return (units, ledger)
    }

    @Test func importRefuseAndRoundTrip() async throws {
        let (directory, db) = try await Self.emptyZone()
        defer { try? FileManager.default.removeItem(at: directory) }
        func file(_ name: String, _ text: String) throws -> String {
            let path = directory.appendingPathComponent(name).path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        let header = UnitImport.columns.joined(separator: ",")
        let refusals: [(String, String)] = [
            (Self.row("招商局", "不存在的局"), "上级机构“不存在的局”不存在"),
            (Self.row("甲", "乙") + "\n" + Self.row("乙", "甲"), "上级机构形成循环：甲 → 乙 → 甲"),
            (Self.row("局", "") + "\n" + Self.row("局", ""), "与第2行重复：同一上级下已有“局”"),
            (Self.row("局", "", quotas: ["员额": "-3"]), "员额应为 0–100000 的整数"),
            (Self.row("局", "", code: "11321081MB00000010"), "统一社会信用代码"),
        ]
        for (rows, message) in refusals {
            let refused = try Self.zonedesk(["import", "units", "--db", db, "--zone", "yz", try file("bad.csv", header + "\n" + rows)])
            #expect(refused.status == 2 && refused.output.contains("import refused, nothing written") && refused.output.contains(message), "\(refused.output)")
        }
        let empty = try await Self.counts(db)
        #expect(empty.units == 0 && empty.ledger == 0)

        // Quotas without the document that approved them are refused; so is a malformed date.
        let unnamed = try Self.zonedesk(["import", "units", "--db", db, "--zone", "yz", try file("yz.csv", Self.yizheng)])
        #expect(unnamed.status == 2 && unnamed.output.contains("give the approving document's number (--document-no)"), "\(unnamed.output)")
        let badDate = try Self.zonedesk(["import", "units", "--db", db, "--zone", "yz", "--document-no", "仪编〔2025〕3号", "--approved-on", "2025-02-30", try file("yz.csv", Self.yizheng)])
        #expect(badDate.status == 2 && badDate.output.contains("the date yyyy-MM-dd"), "\(badDate.output)")
        #expect(try await Self.counts(db) == empty)
        let imported = try Self.zonedesk(["import", "units", "--db", db, "--zone", "yz", "--document-no", "仪编〔2025〕3号", "--approved-on", "2025-02-28", try file("yz.csv", Self.yizheng)])
        #expect(imported.status == 0 && imported.output.contains("新建 8 个机构，更新 0 个，编制变动 5 项 / 8 created, 0 updated, 5 quota changes"), "\(imported.output)")
        for name in ["yz.xlsx", "yz-export.csv"] {
            let out = directory.appendingPathComponent(name).path
            let exported = try Self.zonedesk(["export", "units", "--db", db, "--zone", "yz", "-o", out])
            #expect(exported.status == 0 && exported.output.contains("exported 8 rows"), "\(exported.output)")
            let again = try Self.zonedesk(["import", "units", "--db", db, "--zone", "yz", out])
            #expect(again.status == 0 && again.output.contains("/ 0 created, 0 updated, 0 quota changes") && !again.output.contains("not in the sheet"), "\(again.output)")
        }
        // The same names under different parents are exported as paths.
        let csv = try String(contentsOfFile: directory.appendingPathComponent("yz-export.csv").path, encoding: .utf8)
        #expect(csv.contains("综合办公室,汽车工业园,") && csv.contains("档案室,经济开发区/汽车工业园/综合办公室,"))
        let written = try await Self.counts(db)
        #expect(written.units == 8 && written.ledger == 5)
        #expect(try Self.zonedesk(["import", "units", "--db", db, "--zone", "nosuch", try file("yz.csv", Self.yizheng)]).status == 2)
    }

    @Test func aDemoZoneExportsAndImportsUnchanged() async throws {
        let directory = try await CommandLineTests.demoDatabase()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("demo.sqlite").path
        for zone in ["bijie", "xinyu"] {
            let out = directory.appendingPathComponent("\(zone).xlsx").path
            let exported = try Self.zonedesk(["export", "units", "--db", db, "--zone", zone, "-o", out])
            #expect(exported.status == 0, "\(exported.output)")
            let again = try Self.zonedesk(["import", "units", "--db", db, "--zone", zone, out])
            #expect(again.status == 0 && again.output.contains("/ 0 created, 0 updated, 0 quota changes"), "\(again.output)")
        }
    }
}
