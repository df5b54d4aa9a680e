import Foundation
import Testing
import ZoneCore
@testable import ZoneStore
@testable import ZoneWeb

/// /units/import through the app: a sheet previewed as a tree, then confirmed; the unit page's quota forms need a
/// 批准文号 and write the 编制台账 it then shows.
@Suite("三定 import and 编制台账 on the web")
struct UnitImportWebTests {
    @Test func previewConfirmAndLedger() async throws {
        let app = try await TestApp.make()
        let zoneID = try #require(try await app.account("hr").zoneID)
        let root = try #require(try await app.store.units.tree(zoneID: zoneID).roots.first)
        let row = (["数字经济产业园", root.name, "园区（一区多园）", "事业单位", "全额", "正科级", "", ""]
            + QuotaItem.all.map { $0 == .establishment(.institutional) ? "12" : "" } + ["是"]).joined(separator: ",")
        let csv = UnitImport.columns.joined(separator: ",") + "\n" + row
        try await app.run { browser in
            try await browser.login("hr")
            let list = try await browser.get("/units")
            #expect(list.body.contains("href=\"/units/import\"") && list.body.contains("/units/export.xlsx"))
            #expect(try await browser.get("/units/import/template.xlsx").status == .ok)
            let bad = try await browser.post("/units/import", [("csv", csv.replacingOccurrences(of: ",12,", with: ",-1,")), ("mode", "preview")])
            #expect(bad.status == .unprocessableContent && bad.body.contains("事业编制应为 0–100000 的整数"))
            let preview = try await browser.post("/units/import", [("csv", csv), ("mode", "preview")])
            #expect(preview.status == .ok && preview.body.contains("导入后的机构树") && preview.body.contains("新建") && preview.body.contains("事业编制 — → 12"))
            #expect(try await app.store.units.all(zoneID: zoneID).allSatisfy { $0.name != "数字经济产业园" })
            let token = try #require(preview.body.firstMatch(of: /name="sheet" value="([^"]+)"/)?.1)
            // The confirm asks for the approving document; without it nothing is written and the preview can be confirmed again.
            #expect(preview.body.contains("name=\"documentNo\""))
            let unnamed = try await browser.post("/units/import", [("sheet", String(token)), ("mode", "commit")])
            #expect(unnamed.status == .unprocessableContent && unnamed.body.contains("批准文号必填") && unnamed.body.contains("确认导入 1 行"))
            #expect(try await app.store.units.all(zoneID: zoneID).allSatisfy { $0.name != "数字经济产业园" })
            let done = try await browser.post("/units/import", [("sheet", String(token)), ("mode", "commit"), ("documentNo", "毕编〔2025〕2号"),
                                                                ("approvedOn", "2025-03-01")])
            #expect(done.status == .ok && done.body.contains("已导入：新建 1 个机构，更新 0 个，编制变动 1 项"), "\(done.body)")
            let park = try #require(try await app.store.units.all(zoneID: zoneID).first { $0.name == "数字经济产业园" })
            #expect(park.parentID == root.id && park.isEconomic)

            let missing = try await browser.post("/units/\(park.id)/establishment", [("category", "事业"), ("quota", "15")])
            #expect(missing.status == .unprocessableContent && missing.body.contains("批准文号必填"))
            let saved = try await browser.post("/units/\(park.id)/establishment", [("category", "事业"), ("quota", "15"), ("documentNo", "扬编〔2025〕8号"),
                                                                                  ("approvedOn", "2025-06-01"), ("summary", "增加事业编制")])
            #expect(saved.location == "/units/\(park.id)?msg=saved")
            let page = try await browser.get("/units/\(park.id)")
            #expect(page.body.contains("编制台账") && page.body.contains("扬编〔2025〕8号") && page.body.contains("12 → 15") && page.body.contains("增加事业编制"))
            #expect(page.body.contains("未核定 → 12") && page.body.contains("三定方案导入") && page.body.contains("毕编〔2025〕2号") && page.body.contains("2025-03-01"))
            let exported = try await browser.get("/units/export.xlsx")
            #expect(exported.status == .ok)
        }
    }
}
