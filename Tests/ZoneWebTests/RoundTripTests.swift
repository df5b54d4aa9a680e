import Foundation
import Testing
import ZoneCore
@testable import ZoneStore
@testable import ZoneWeb

/// Every list that has an import reads back: exported from the demo zone, imported into a fresh zone with the same
/// units (or, for KPI actuals, whose rows are one appraisal's indicators, into the same appraisal), and exported
/// again cell for cell the same. 聘任结果 and 考核结果 have no import, so they are not in the loop.
@Suite("Every export imports back")
struct RoundTripTests {
    static func cells(_ page: TestBrowser.Page) throws -> [[String]] {
        #expect(page.status == .ok && page.headers[.contentType]?.contains("spreadsheetml") == true, "\(page.status) \(page.body.prefix(300))")
        return try XLSXReader(data: Data(page.bytes)).rows().map(\.cells)
    }

    /// Uploads `bytes` to `path` as the confirm of a form would, and expects it accepted.
    static func importAll(_ browser: TestBrowser, _ path: String, _ bytes: [UInt8], what: String) async throws {
        let page = try await browser.upload(path, [("mode", "commit")], file: ("file", "\(what).xlsx", bytes))
        let accepted = page.status == .ok || page.status == .seeOther
        let problems = page.body.matches(of: /<td>([^<]*)<\/td><td>([^<]*)<\/td><\/tr>/).prefix(5).map { "\($0.1): \($0.2)" }
        #expect(accepted && !page.body.contains("未导入任何数据"), "\(what) → \(page.status): \(problems)")
    }

    @Test(arguments: TestApp.backends)
    func everyKindExportsImportsIntoAFreshZoneAndExportsTheSame(_ backend: Backend) async throws {
        let app = try await TestApp.make(backend)
        let demo = try await app.account("hr").zoneID!
        let fresh = try await DemoLoader(env: app.env).zone(code: "copy", name: "复制园区", units: DemoZone.units, people: []).zoneID
        try await app.addAccount("hr_copy", role: .hr, zoneID: fresh)
        // Posts with 有效期 typed as WPS users type dates, so the catalogue has dates to carry.
        let posts = PostImport.columns.joined(separator: ",")
            + "\n产业发展局,往返岗甲,2,综合,1.125,2,3,正科,本科以上,2024年1月15日,2026/12/31\n科技创新局,往返岗乙,3,技术,0.9,1,2,,,2024.3.1,\n"
        try await app.run { browser in
            try await browser.login("hr")
            #expect(try await browser.post("/posts/import", [("csv", posts)]).body.contains("已导入 2 个岗位"))
            var exported: [(path: String, what: String, bytes: [UInt8], cells: [[String]])] = []
            for (export, path, what) in [("/people/export.xlsx", "/people/import", "人员名册"), ("/posts/export.xlsx", "/posts/import", "岗位目录")]
                + LedgerKind.allCases.map({ ("/ledgers/\($0.rawValue)/export.xlsx", "/ledgers/\($0.rawValue)/import", $0.label) }) {
                let page = try await browser.get(export)
                let cells = try Self.cells(page)
                #expect(cells.count > 1, "\(what) has rows to carry")
                exported.append((path, what, page.bytes, cells))
            }

            try await browser.login("hr_copy")
            for sheet in exported {
                try await Self.importAll(browser, sheet.path, sheet.bytes, what: sheet.what)
            }
            for (sheet, export) in zip(exported, ["/people/export.xlsx", "/posts/export.xlsx"] + LedgerKind.allCases.map { "/ledgers/\($0.rawValue)/export.xlsx" }) {
                #expect(try Self.cells(try await browser.get(export)) == sheet.cells, "\(sheet.what) reads back the same")
            }
            #expect(try await app.store.people.register(zoneID: fresh).count == (try await app.store.people.register(zoneID: demo).count))
        }
    }

    /// KPI actuals: the sheet of an appraisal's indicators with their values, imported back into that appraisal,
    /// leaves every value as it was and exports the same.
    @Test func kpiActualsReadBackUnchanged() async throws {
        let app = try await TestApp.make()
        let zone = try await app.store.zones.find(code: DemoZone.zoneCode)!.id
        let appraisal = try await app.store.appraisals.all(zoneID: zone).first { $0.year == 2025 }!
        let before = try await app.store.appraisals.indicators(appraisalID: appraisal.id).map(\.actual)
        #expect(before.contains { $0 != nil }, "the demo appraisal has actuals to carry")
        try await app.run { browser in
            try await browser.login("hr")
            let path = "/appraisals/\(appraisal.id)/actuals"
            let page = try await browser.get(path + "/template.xlsx")
            let cells = try Self.cells(page)
            try await Self.importAll(browser, path + "/import", page.bytes, what: "实际值")
            #expect(try await app.store.appraisals.indicators(appraisalID: appraisal.id).map(\.actual) == before)
            #expect(try Self.cells(try await browser.get(path + "/template.xlsx")) == cells)
        }
    }
}
