import Foundation
import Hummingbird
import Testing
import ZoneCore
@testable import ZoneStore
@testable import ZoneWeb

@Suite("改革台账 and 驾驶舱 over HTTP")
struct LedgerTests {
    static let project: [(String, String)] = [("name", "储能电池项目"), ("industry", "新型储能"), ("amount", "120000000"), ("signed", "2025-03-01"),
                                              ("started", ""), ("producing", ""), ("unit", "")]

    /// 组织人事 adds, edits and imports rows; bad input, stale versions, forged forms and bad sheets write nothing.
    @Test func createEditImportExportAndHistory() async throws {
        let app = try await TestApp.make()
        let zone = try await app.account("hr").zoneID!
        try await app.run { browser in
            try await browser.login("hr")
            let before = try await app.store.ledgers.all(zoneID: zone, kind: .projects).count
            #expect(try await browser.post("/ledgers/projects", Self.project).location == "/ledgers/projects?msg=saved")
            let created = try await app.store.ledgers.all(zoneID: zone, kind: .projects).last!
            #expect(created.record["amount"] == "12000000000" && created.version == 1)

            var bad = Self.project
            bad[3] = ("signed", "2025-02-30")
            let refused = try await browser.post("/ledgers/projects", bad)
            #expect(refused.status == .unprocessableContent && refused.body.contains("无效：应为有效日期，如 2024-01-15"))
            #expect(try await browser.post("/ledgers/projects", Self.project, csrf: false).status == .forbidden)
            #expect(try await app.store.ledgers.all(zoneID: zone, kind: .projects).count == before + 1)

            var edit = Self.project
            edit[4] = ("started", "2025-05-01")
            #expect(try await browser.post("/ledgers/projects/\(created.id)", edit + [("version", "1")]).location == "/ledgers/projects?msg=saved")
            let stale = try await browser.post("/ledgers/projects/\(created.id)", Self.project + [("version", "1")])
            #expect(stale.status == .conflict && stale.body.contains("招商项目记录“储能电池项目”已被他人修改"))
            let history = try await browser.get("/ledgers/projects/\(created.id)/history")
            #expect(history.status == .ok && history.body.contains("started:  → 2025-05-01; version: 1 → 2"))

            let sheet = "事项,剥离方式,承接单位,划转机构（所）,划转人员（人）,完成日期\n教育,整体剥离,渝水区,1,80,2024-06-01\n城管,拆分,渝水区,,,2024-06-01\n"
            let rejected = try await browser.post("/ledgers/stripping/import", [("csv", sheet)])
            #expect(rejected.status == .unprocessableContent && rejected.body.contains("应为：整体剥离、部分剥离、保留"))
            let strippingBefore = try await app.store.ledgers.all(zoneID: zone, kind: .stripping).count
            let imported = try await browser.post("/ledgers/stripping/import", [("csv", sheet.replacingOccurrences(of: "拆分", with: "部分剥离"))])
            #expect(imported.status == .ok && imported.body.contains("已导入 2 条记录"))
            #expect(try await app.store.ledgers.all(zoneID: zone, kind: .stripping).count == strippingBefore + 2)

            let xlsx = try await browser.get("/ledgers/debts/export.xlsx")
            #expect(xlsx.status == .ok && xlsx.headers[.contentType]?.contains("spreadsheetml") == true && xlsx.bytes.starts(with: [0x50, 0x4B]))
            let filtered = try await browser.get("/ledgers/disposals?type=僵尸企业".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!)
            #expect(filtered.body.contains("共 20 条"))
        }
    }

    /// The demo's 毕节 figures appear on the dashboard, in its JSON and in the annual report; charts are SVG.
    @Test func dashboardJSONAndDisclosureShowTheSeedFigures() async throws {
        let app = try await TestApp.make()
        try await app.run { browser in
            try await browser.login("leader")
            let page = try await browser.get("/dashboard")
            #expect(page.status == .ok && page.body.components(separatedBy: "<svg").count - 1 == DashboardController.keys.count)
            #expect(page.body.contains("href=\"/ledgers/stripping\"") && page.body.contains("招商项目推进趋势"))
            let ledgers = try await browser.get("/api/v1/dashboard/ledgers")
            #expect(ledgers.status == .ok && ledgers.body.contains("\"label\":\"721：服务\"") && ledgers.body.contains("\"value\":680"))
            #expect(try await browser.get("/api/v1/dashboard/nope").status == .notFound)
            let all = try await browser.get("/api/v1/dashboard")
            #expect(all.body.contains("\"key\":\"projects\"") && all.body.contains("\"series\""))
            let report = try await browser.get("/reports/disclosure")
            #expect(report.status == .ok && report.body.contains("1444项") && report.body.contains("¥583,000,000.00") && report.body.contains("58家")
                    && report.body.contains("20家"))
            #expect(try await browser.get("/reports/disclosure.xlsx").status == .ok)
            let overview = try await browser.get("/ledgers")
            #expect(overview.body.contains("移交权责事项") && overview.body.contains("1444项"))
        }
    }

    /// A department head sees only their units' rows and cannot write; an employee sees only their own logs.
    @Test func rowsAreScoped() async throws {
        let app = try await TestApp.make()
        let zone = try await app.account("hr").zoneID!
        let staff = try await app.account("staff").personID!
        let logs = try await app.store.ledgers.all(zoneID: zone, kind: .workLogs)
        let own = logs.first { $0.record.personID == staff }!, other = logs.first { $0.record.personID != staff }!
        let debt = try await app.store.ledgers.all(zoneID: zone, kind: .debts)[0]
        try await app.run { browser in
            try await browser.login("chanye_head")
            #expect(try await browser.get("/ledgers/disposals").body.contains("毕节金海实业有限公司"))
            #expect(!(try await browser.get("/ledgers/debts").body.contains("市贷区用部分债务")))
            #expect(try await browser.get("/ledgers/debts/\(debt.id)/history").status == .notFound)
            #expect(try await browser.post("/ledgers/projects", Self.project).status == .forbidden)
            #expect(try await browser.get("/dashboard").status == .forbidden)

            try await browser.login("staff")
            #expect(try await browser.get("/ledgers/workLogs/\(own.id)/history").status == .ok)
            #expect(try await browser.get("/ledgers/workLogs/\(other.id)/history").status == .notFound)
            let list = try await browser.get("/ledgers/workLogs")
            #expect(list.body.components(separatedBy: "/history").count - 1 == 6)
            #expect(!(try await browser.get("/ledgers").body.contains("债务台账")))
            #expect(try await browser.get("/api/v1/dashboard").status == .forbidden)
        }
    }
}
