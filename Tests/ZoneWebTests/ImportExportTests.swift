import Foundation
import Testing
import ZoneCore
@testable import ZoneStore
@testable import ZoneWeb

@Suite("Import and export over HTTP: templates, uploads, preview, all or nothing")
struct ImportExportTests {
    static func id(_ sequence: Int) -> String {
        ResidentID.make(region: "520502", birth: CivilDate(year: 1992, month: 5, day: 6)!, sequence: sequence).value
    }

    static func peopleBook(_ rows: [[String]]) throws -> [UInt8] {
        var sheet = try XLSXSheet(name: "人员", header: PeopleImport.columns)
        sheet.rows = rows.map { $0.map(XLSXCell.text) }
        return Array(try SheetExports.file(sheet, csv: false))
    }

    /// The template downloads, a filled-in copy with one bad row is refused with that row listed and nothing
    /// written; fixed, it previews without writing, and the confirm writes every row at once.
    @Test func peopleFromXLSXTemplateWithPreview() async throws {
        let app = try await TestApp.make()
        let zone = try await app.account("hr").zoneID!
        let bad = Self.id(31).dropLast() + (Self.id(31).hasSuffix("0") ? "1" : "0")
        try await app.run { browser in
            try await browser.login("hr")
            let template = try await browser.get("/people/import/template.xlsx")
            #expect(template.status == .ok && template.headers[.contentType]?.contains("spreadsheetml") == true)
            let templateRows = try XLSXReader(data: Data(template.bytes)).rows()
            #expect(templateRows.map(\.cells) == [PeopleImport.columns, ImportController.template.rows[0]])

            let before = try await app.store.people.search(PeopleQuery(zoneID: zone)).total
            let rows = [["新丙", Self.id(30), "", "产业发展局", "编外", "", "", "", ""], ["新丁", String(bad), "", "产业发展局", "编外", "", "", "", ""]]
            let refused = try await browser.upload("/people/import", [("mode", "preview")], file: ("file", "人员.xlsx", try Self.peopleBook(rows)))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("<td class=\"num\">3</td><td>身份证号</td>"), "\(refused.body)")
            #expect(try await app.store.people.search(PeopleQuery(zoneID: zone)).total == before)

            var fixed = rows
            fixed[1][1] = Self.id(31)
            let preview = try await browser.upload("/people/import", [("mode", "preview")], file: ("file", "人员.xlsx", try Self.peopleBook(fixed)))
            #expect(preview.status == .ok && preview.body.contains("校验通过：共 2 行") && preview.body.contains("确认导入 2 行"))
            // ID numbers are masked in the table (the sheet as uploaded stays on the server, named by the confirm form).
            #expect(preview.body.contains("<td>\(Masking.mask(Self.id(30), keepPrefix: 3, keepSuffix: 4))</td>"))
            #expect(try await app.store.people.search(PeopleQuery(zoneID: zone)).total == before)

            let committed = try await browser.upload("/people/import", [("mode", "commit")], file: ("file", "人员.xlsx", try Self.peopleBook(fixed)))
            #expect(committed.status == .ok && committed.body.contains("已导入 2 人"))
            #expect(try await app.store.people.search(PeopleQuery(zoneID: zone)).total == before + 2)

            // The whole register exports (past any page size), in the template's columns, and is audited.
            let export = try await browser.get("/people/export.xlsx")
            let exported = try XLSXReader(data: Data(export.bytes)).rows()
            #expect(exported.count == (try await app.store.people.register(zoneID: zone).count) + 1)
            #expect(exported[0].cells == PeopleImport.columns)
            #expect(exported.contains { $0.cells == Array(fixed[0].prefix(8)) + ["在岗"] })
            #expect(try await app.store.audit.recent(app.store.database.reader, limit: 1).first?.entry.action == "person.export")
        }
    }

    /// A sheet of hundreds of rows previews as a count and its first rows, confirms in one go, and each
    /// imported person's history shows the one audit record of the import.
    @Test func aLargeSheetPreviewsBrieflyAndTheHistoryShowsTheImport() async throws {
        let app = try await TestApp.make()
        let zone = try await app.account("hr").zoneID!
        let csv = ([PeopleImport.columns.joined(separator: ",")] + (0..<300).map { "批量员工,\(Self.id(100 + $0)),,产业发展局,编外,,,," })
            .joined(separator: "\n")
        try await app.run { browser in
            try await browser.login("hr")
            let preview = try await browser.upload("/people/import", [("mode", "preview")], file: ("file", "人员.csv", Array(csv.utf8)))
            #expect(preview.status == .ok && preview.body.contains("校验通过：共 300 行") && preview.body.contains("仅显示前 50 行"))
            #expect(preview.body.components(separatedBy: "<td>批量员工</td>").count - 1 == ImportCard.previewRows)

            let committed = try await browser.upload("/people/import", [("mode", "commit")], file: ("file", "人员.csv", Array(csv.utf8)))
            #expect(committed.status == .ok && committed.body.contains("已导入 300 人"))
            let person = try #require(try await app.store.people.search(PeopleQuery(zoneID: zone, text: Self.id(250))).people.first)
            #expect(try await browser.get("/people/\(person.id)").body.contains("/people/\(person.id)/history"))
            let history = try await browser.get("/people/\(person.id)/history")
            #expect(history.status == .ok && history.body.contains("批量导入（本批 300 人）"), "\(history.body)")
            #expect(try await app.store.audit.verify(app.store.database.reader).isIntact)
            // The records show sealed archive fields: a department head may not read them.
            try await browser.login("chanye_head")
            #expect(try await browser.get("/people/\(person.id)/history").status == .forbidden)
        }
    }

    /// A CSV saved by Chinese Excel/WPS is GBK; the preview's confirm form names the sheet held on the server.
    @Test func peopleFromGBKCSVConfirmedFromThePreview() async throws {
        let app = try await TestApp.make()
        let zone = try await app.account("hr").zoneID!
        let csv = PeopleImport.columns.joined(separator: ",") + "\r\n新戊,\(Self.id(40)),13800138000,产业发展局,编外,,,,\r\n"
        let gbk = try #require(csv.data(using: CSVTable.gb18030))
        try await app.run { browser in
            try await browser.login("hr")
            let preview = try await browser.upload("/people/import", [("mode", "preview")], file: ("file", "人员.csv", Array(gbk)))
            #expect(preview.status == .ok && preview.body.contains("新戊"))
            let token = try #require(preview.body.firstMatch(of: /name="sheet" value="([0-9a-f]{32})"/)?.1)
            let committed = try await browser.upload("/people/import", [("mode", "commit"), ("sheet", String(token))], file: nil)
            #expect(committed.status == .ok && committed.body.contains("已导入 1 人"))
            #expect(try await app.store.people.search(PeopleQuery(zoneID: zone, text: "新戊")).total == 1)
        }
    }

    /// Fuzzed uploads — random bytes, a truncated workbook, a huge cell, a formula without a value, an old .xls —
    /// each get a clear Chinese reason, and nothing is written.
    @Test func brokenUploadsWriteNothing() async throws {
        let app = try await TestApp.make()
        let zone = try await app.account("hr").zoneID!
        let good = try Self.peopleBook([["新己", Self.id(50), "", "产业发展局", "编外", "", "", "", ""]])
        var generator = SystemRandomNumberGenerator()
        let huge = #"<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>\#(String(repeating: "长", count: 40_000))</t></is></c></row></sheetData></worksheet>"#
        let formula = #"<worksheet><sheetData><row r="1"><c r="A1"><f>cmd|' /C calc'!A0</f></c></row></sheetData></worksheet>"#
        let files: [([UInt8], String)] = [
            ((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }, "文件"),
            (Array(good.prefix(good.count * 2 / 3)), "不是有效的 Excel 工作簿"),
            ([0x50, 0x4B, 0x03, 0x04] + (0..<512).map { _ in UInt8.random(in: 0...255, using: &generator) }, "不是有效的 Excel 工作簿"),
            (Array(try XLSXReaderTests.workbook(sheet: huge)), "超过 32767 个字符"),
            (Array(try XLSXReaderTests.workbook(sheet: formula)), "是公式且没有计算结果"),
            ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "不支持旧版 Excel 文件"),
        ]
        try await app.run { browser in
            try await browser.login("hr")
            let before = try await app.store.people.search(PeopleQuery(zoneID: zone)).total
            for (bytes, reason) in files {
                let page = try await browser.upload("/people/import", [("mode", "commit")], file: ("file", "x.xlsx", bytes))
                #expect(page.status == .unprocessableContent && page.body.contains(reason), "\(reason): \(page.status)")
                #expect(page.body.contains("未导入任何数据"))
            }
            let malformed = try await browser.request(.post, "/people/import", raw: ("multipart/form-data; boundary=zz",
                Array("--zz\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(browser.csrf)\r\n--zz\r\nbroken".utf8)))
            #expect(malformed.status == .badRequest)
            #expect(try await app.store.people.search(PeopleQuery(zoneID: zone)).total == before)
        }
    }

    /// Ledger sheets upload as .xlsx too; the template names a real unit; the export reads back in the same columns.
    @Test func ledgerTemplateUploadAndExport() async throws {
        let app = try await TestApp.make()
        let zone = try await app.account("hr").zoneID!
        try await app.run { browser in
            try await browser.login("hr")
            let template = try await browser.get("/ledgers/stripping/template.xlsx")
            let rows = try XLSXReader(data: Data(template.bytes)).rows()
            #expect(rows.first?.cells == LedgerKind.stripping.fields.map(\.label) && rows.count == 2)

            var sheet = try XLSXSheet(name: "剥离", header: ["事项", "剥离方式", "承接单位", "划转机构（所）", "划转人员（人）", "完成日期"])
            sheet.rows = [[.text("=HYPERLINK(\"http://x\")"), .text("整体剥离"), .text("渝水区"), .integer(1), .integer(80), .date(year: 2024, month: 6, day: 1)]]
            let before = try await app.store.ledgers.all(zoneID: zone, kind: .stripping).count
            let page = try await browser.upload("/ledgers/stripping/import", [("mode", "commit")], file: ("file", "台账.xlsx", Array(try SheetExports.file(sheet, csv: false))))
            #expect(page.status == .ok && page.body.contains("已导入 1 条记录"), "\(page.body.prefix(2000))")
            #expect(try await app.store.ledgers.all(zoneID: zone, kind: .stripping).count == before + 1)

            // The formula-like text is exported as text, never as a formula.
            let export = try await browser.get("/ledgers/stripping/export.xlsx")
            let exported = try XLSXReader(data: Data(export.bytes)).rows()
            #expect(exported.contains { $0.cells.first == "=HYPERLINK(\"http://x\")" })
        }
    }

    /// KPI actuals: the template lists every indicator; a sheet naming an indicator wrongly writes nothing, a good one
    /// writes every value at once.
    @Test func kpiActualsFromTheTemplate() async throws {
        let app = try await TestApp.make()
        let zone = try await app.store.zones.find(code: DemoZone.zoneCode)!.id
        let appraisal = try await app.store.appraisals.all(zoneID: zone).first { $0.year == 2025 }!
        let indicators = try await app.store.appraisals.indicators(appraisalID: appraisal.id)
        let weighted = try #require(indicators.first { $0.rule.isWeighted })
        try await app.run { browser in
            try await browser.login("hr")
            let template = try await browser.get("/appraisals/\(appraisal.id)/actuals/template.xlsx")
            let rows = try XLSXReader(data: Data(template.bytes)).rows()
            #expect(rows.count == indicators.count + 1 && Array(rows[0].cells.prefix(3)) == ActualsImport.columns)

            func sheet(name: String, actual: String) throws -> [UInt8] {
                var sheet = try XLSXSheet(name: "实际值", header: ActualsImport.columns)
                sheet.rows = [[.text(String(weighted.id)), .text(name), .text(actual)]]
                return Array(try SheetExports.file(sheet, csv: false))
            }
            let refused = try await browser.upload("/appraisals/\(appraisal.id)/actuals/import", [("mode", "commit")],
                                                   file: ("file", "实际值.xlsx", try sheet(name: "别的指标", actual: "12.5")))
            #expect(refused.status == .unprocessableContent && refused.body.contains("与编号 \(weighted.id) 的指标“\(weighted.name)”不符"))
            #expect(try await app.store.appraisals.indicators(appraisalID: appraisal.id).first { $0.id == weighted.id }?.actual == weighted.actual)

            let preview = try await browser.upload("/appraisals/\(appraisal.id)/actuals/import", [("mode", "preview")],
                                                   file: ("file", "实际值.xlsx", try sheet(name: weighted.name, actual: "12.5")))
            #expect(preview.status == .ok && preview.body.contains("校验通过：共 1 行"))
            let written = try await browser.upload("/appraisals/\(appraisal.id)/actuals/import", [("mode", "commit")],
                                                   file: ("file", "实际值.xlsx", try sheet(name: weighted.name, actual: "12.5")))
            #expect(written.status == .seeOther)
            #expect(try await app.store.appraisals.indicators(appraisalID: appraisal.id).first { $0.id == weighted.id }?.actual == 1250)
        }
    }

    /// The demo zone under a policy version whose `staffing.post_term_years` is 2–3: the post form and
    /// the sheet refuse a 1-year 聘期 naming the key, and take a 2-year one.
    @Test func postTermsFollowTheZonesPolicy() async throws {
        let app = try await TestApp.make()
        let zone = try await app.account("hr").zoneID!, unit = try await app.account("chanye_head").unitID!
        let shipped = try PolicyFiles.text(code: DemoZone.zoneCode), term = "post_term_years: {min: 1, max: 3}"
        #expect(shipped.contains(term))
        try await app.store.policies.load(zoneID: zone, yaml: shipped.replacingOccurrences(of: term, with: "post_term_years: {min: 2, max: 3}"),
                                          source: "bijie-term.yaml", actor: "hr")
        let message = "聘期为2–3年（本园区政策 staffing.post_term_years）"
        try await app.run { browser in
            try await browser.login("hr")
            func form(_ title: String, years: String) -> [(String, String)] {
                [("unitID", String(unit)), ("title", title), ("level", "2"), ("category", "综合"), ("payCoefficient", "1.0"), ("headcount", "1"),
                 ("termYears", years), ("leadership", ""), ("requirements", "")]
            }
            let refused = try await browser.post("/posts", form("一年岗", years: "1"))
            #expect(refused.status == .unprocessableContent && refused.body.contains(message))
            #expect(try await browser.post("/posts", form("两年岗", years: "2")).location == "/posts?msg=saved")

            let header = PostImport.columns.joined(separator: ",")
            let sheet = try await browser.post("/posts/import", [("csv", header + "\n产业发展局,导入一年岗,2,综合,1.000,1,1,,,,\n")])
            #expect(sheet.status == .unprocessableContent && sheet.body.contains(message))
            let imported = try await browser.post("/posts/import", [("csv", header + "\n产业发展局,导入两年岗,2,综合,1.000,1,2,,,,\n")])
            #expect(imported.status == .ok && imported.body.contains("已导入 1 个岗位"))
            let titles = try await app.store.posts.all(zoneID: zone).map(\.title)
            #expect(titles.contains("两年岗") && titles.contains("导入两年岗") && !titles.contains("一年岗") && !titles.contains("导入一年岗"))
        }
    }

    /// Posts from the template's columns: a bad row writes nothing, the fixed sheet adds every post at once.
    @Test func postsFromASheet() async throws {
        let app = try await TestApp.make()
        let zone = try await app.account("hr").zoneID!
        let header = PostImport.columns.joined(separator: ",")
        try await app.run { browser in
            try await browser.login("hr")
            let template = try await browser.get("/posts/import/template.xlsx")
            // The reader leaves out the example's empty last cell (有效期止).
            #expect(try XLSXReader(data: Data(template.bytes)).rows().map(\.cells) == [PostImport.columns, PostController.template.rows[0].dropLast()])
            let before = try await app.store.posts.all(zoneID: zone).count
            let sheet = header + "\n产业发展局,导入岗甲,2,综合,1.000,1,3,,,,\n产业发展局,导入岗乙,2,综合,1.000,1,5,,,,\n"
            let refused = try await browser.post("/posts/import", [("csv", sheet)])
            #expect(refused.status == .unprocessableContent && refused.body.contains("聘期为1–3年"))
            #expect(try await app.store.posts.all(zoneID: zone).count == before)
            let imported = try await browser.post("/posts/import", [("csv", sheet.replacingOccurrences(of: ",1,5,", with: ",1,2,"))])
            #expect(imported.status == .ok && imported.body.contains("已导入 2 个岗位"))
            #expect(try await app.store.posts.all(zoneID: zone).count == before + 2)

            // The catalogue exports in the import's columns, and re-importing it only finds duplicates.
            let export = try await browser.get("/posts/export.xlsx")
            let again = try await browser.upload("/posts/import", [("mode", "preview")], file: ("file", "岗位.xlsx", export.bytes))
            #expect(again.status == .unprocessableContent && again.body.contains("已有在用岗位“导入岗甲”"))
        }
    }
}
