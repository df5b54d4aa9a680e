import Foundation
import Testing
import ZoneCore
@testable import ZoneStore
@testable import ZoneWeb

/// Large people imports run in the background with a progress page; a checked sheet stays on the server under a
/// one-use token of the account that checked it; a refused sheet lists its first 200 problems and downloads all.
@Suite("Large imports: background jobs, held sheets, capped problem lists")
struct ImportJobTests {
    static let rows = 30

    /// `count` rows of new people at 产业发展局; with `badIDs` every ID number has a wrong check character.
    static func sheet(_ count: Int, badIDs: Bool = false) -> String {
        ([PeopleImport.columns.joined(separator: ",")] + (0..<count).map { i in
            let id = ImportExportTests.id(500 + i)
            return "后台员工,\(badIDs ? id.dropLast() + (id.hasSuffix("0") ? "1" : "0") : id),,产业发展局,编外,,,,"
        }).joined(separator: "\n")
    }

    /// A second 组织人事 account in the demo zone and one in the other demo zone, for the scope checks.
    static func strangers(_ app: TestApp) async throws -> [String] {
        let zones = try await app.store.zones.all()
        let home = try await app.account("hr").zoneID!
        try await app.addAccount("hr_second", role: .hr, zoneID: home)
        try await app.addAccount("xinyu_hr", role: .hr, zoneID: try #require(zones.first { $0.id != home }).id)
        return ["hr_second", "xinyu_hr"]
    }

    /// Checked in a job, previewed from the held sheet, confirmed by its token in a second job (seen running while
    /// the zone is locked), written once; the token then is spent, and no other account could use or see any of it.
    @Test(arguments: TestApp.backends)
    func aLargeSheetIsCheckedAndWrittenInTheBackground(_ backend: Backend) async throws {
        let app = try await TestApp.make(backend, importJobThreshold: Self.rows - 1)
        let zone = try await app.account("hr").zoneID!
        let strangers = try await Self.strangers(app)
        let csv = Array(Self.sheet(Self.rows).utf8)
        try await app.run { browser in
            try await browser.login("hr")
            let before = try await app.store.people.search(PeopleQuery(zoneID: zone)).total
            let checking = try await browser.upload("/people/import", [("mode", "preview")], file: ("file", "人员.csv", csv))
            let checkJob = try #require(checking.location)
            #expect(checking.status == .seeOther && checkJob.hasPrefix("/people/import/jobs/"))
            let previewPath = try await browser.followJob(checkJob)
            let token = try #require(previewPath.firstMatch(of: /^\/people\/import\?sheet=([0-9a-f]{32})$/)?.1)
            let preview = try await browser.get(previewPath)
            #expect(preview.status == .ok && preview.body.contains("校验通过：共 \(Self.rows) 行") && preview.body.contains("确认导入 \(Self.rows) 行"))
            // The confirm form names the held sheet; no row travels back through the browser.
            #expect(preview.body.contains("name=\"sheet\" value=\"\(token)\""))
            #expect(!preview.body.contains(ImportExportTests.id(500)))
            #expect(try await app.store.people.search(PeopleQuery(zoneID: zone)).total == before)

            for stranger in strangers {
                try await browser.login(stranger)
                #expect(try await browser.get(checkJob).status == .notFound, "\(stranger)")
                #expect(!(try await browser.get(previewPath)).body.contains("校验通过"), "\(stranger)")
                let refused = try await browser.upload("/people/import", [("mode", "commit"), ("sheet", String(token))], file: nil)
                #expect(refused.status == .unprocessableContent && refused.body.contains("预览已失效"), "\(stranger)")
            }

            try await browser.login("hr")
            // While another transaction holds the zone, the write waits and its page keeps refreshing.
            let writeJob = try await app.store.database.transaction { tx in
                try await QuotaRepository.lockZone(zone, in: tx, backend: backend)
                let writing = try await browser.upload("/people/import", [("mode", "commit"), ("sheet", String(token))], file: nil)
                let job = try #require(writing.location)
                #expect(writing.status == .seeOther && job.hasPrefix("/people/import/jobs/"))
                var page = try await browser.get(job)
                for _ in 0..<100 where !page.body.contains("正在复核… 已读取 \(Self.rows) 行") {
                    try await Task.sleep(for: .milliseconds(20))
                    page = try await browser.get(job)
                }
                #expect(page.status == .ok && page.headers[.init("Refresh")!] == "1")
                #expect(page.body.contains("正在导入人员") && page.body.contains("正在复核… 已读取 \(Self.rows) 行") && page.body.contains("<progress"))
                return job
            }
            #expect(try await browser.followJob(writeJob) == "/people/import?imported=\(Self.rows)")
            #expect(try await browser.get("/people/import?imported=\(Self.rows)").body.contains("已导入 \(Self.rows) 人"))
            #expect(try await app.store.people.search(PeopleQuery(zoneID: zone)).total == before + Self.rows)
            #expect(try await app.store.people.search(PeopleQuery(zoneID: zone, text: ImportExportTests.id(500 + Self.rows - 1))).total == 1)

            let again = try await browser.upload("/people/import", [("mode", "commit"), ("sheet", String(token))], file: nil)
            #expect(again.status == .unprocessableContent && again.body.contains("预览已失效") && again.body.contains("未导入任何数据"))
            // A script posting the file without a mode waits for its answer, checked against the register as ever.
            let direct = try await browser.upload("/people/import", [], file: ("file", "人员.csv", csv))
            #expect(direct.status == .unprocessableContent && direct.body.contains("已在名册中登记"))
            #expect(try await app.store.people.search(PeopleQuery(zoneID: zone)).total == before + Self.rows)
            #expect(try await app.store.audit.verify(app.store.database.reader).isIntact)
        }
    }

    /// A sheet of 250 bad rows, checked in the background: the page lists 200 and says so, the download holds all
    /// 250 as 行号/列/问题, and it is the checking account's alone.
    @Test(arguments: TestApp.backends)
    func problemsAreCappedOnThePageAndDownloadInFull(_ backend: Backend) async throws {
        let app = try await TestApp.make(backend, importJobThreshold: 100)
        let strangers = try await Self.strangers(app)
        let csv = Array(Self.sheet(250, badIDs: true).utf8)
        try await app.run { browser in
            try await browser.login("hr")
            let checking = try await browser.upload("/people/import", [("mode", "preview")], file: ("file", "人员.csv", csv))
            let errorsPath = try await browser.followJob(try #require(checking.location))
            let token = try #require(errorsPath.firstMatch(of: /^\/people\/import\?errors=([0-9a-f]{32})$/)?.1)
            let page = try await browser.get(errorsPath)
            #expect(page.body.contains("发现 250 处问题，未导入任何数据") && page.body.contains("共 250 处问题，仅显示前 200 处"))
            #expect(page.body.components(separatedBy: "<td>身份证号</td>").count - 1 == ImportCard.errorRows)
            let download = "/people/import/errors/\(token)"
            #expect(page.body.contains("href=\"\(download)\""))

            let report = try await browser.get(download)
            #expect(report.status == .ok && report.headers[.contentType]?.contains("spreadsheetml") == true)
            let rows = try XLSXReader(data: Data(report.bytes)).rows().map(\.cells)
            #expect(rows.first == ["行号", "列", "问题"])
            #expect(rows.dropFirst().map { $0[0] } == (2...251).map(String.init))
            #expect(rows.dropFirst().allSatisfy { $0[1] == "身份证号" && !$0[2].isEmpty })

            for stranger in strangers {
                try await browser.login(stranger)
                #expect(try await browser.get(download).status == .notFound, "\(stranger)")
                #expect(!(try await browser.get(errorsPath)).body.contains("处问题"), "\(stranger)")
            }
        }
    }

    /// The cap is the shared import card's: a ledger sheet posted straight away (no job) shows 200 of 250 problems,
    /// and its download, under the ledger's own path, holds them all.
    @Test func everyImportKindCapsItsProblems() async throws {
        let app = try await TestApp.make()
        let sheet = "事项,剥离方式,承接单位,划转机构（所）,划转人员（人）,完成日期\n" + String(repeating: "城管,拆分,渝水区,,,2024-06-01\n", count: 250)
        try await app.run { browser in
            try await browser.login("hr")
            let refused = try await browser.post("/ledgers/stripping/import", [("csv", sheet)])
            #expect(refused.status == .unprocessableContent && refused.body.contains("共 250 处问题，仅显示前 200 处"))
            let link = try #require(refused.body.firstMatch(of: /href="(\/ledgers\/stripping\/import\/errors\/[0-9a-f]{32})"/)?.1)
            let rows = try XLSXReader(data: Data(try await browser.get(String(link)).bytes)).rows().map(\.cells)
            #expect(rows.count == 251 && rows[1][1] == "剥离方式" && rows[1][2].contains("应为：整体剥离、部分剥离、保留"))
            // The token belongs to the ledger form: another import form's path does not serve it.
            #expect(try await browser.get(String(link).replacingOccurrences(of: "/ledgers/stripping/import", with: "/people/import")).status == .notFound)
        }
    }
}
