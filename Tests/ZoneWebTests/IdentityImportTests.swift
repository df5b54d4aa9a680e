import Foundation
import Testing
@testable import ZoneCore
@testable import ZoneStore
@testable import ZoneWeb

/// Identity numbers and dates as clerks' spreadsheets hold them, through the import pages.
@Suite("Identity numbers and dates in imported sheets")
struct IdentityImportTests {
    static func id(_ sequence: Int, born: CivilDate = CivilDate(year: 1993, month: 7, day: 8)!) -> String {
        ResidentID.make(region: "520502", birth: born, sequence: sequence).value
    }

    static func fullWidth(_ ascii: String) -> String {
        String(String.UnicodeScalarView(ascii.unicodeScalars.map { Unicode.Scalar($0.value + 0xFEE0)! }))
    }

    static func person(_ name: String, _ id: XLSXCell) -> [XLSXCell] {
        [.text(name), id, .empty, .text("产业发展局"), .text("编外"), .empty, .empty, .empty, .empty]
    }

    static func book(_ rows: [[XLSXCell]], header: [String] = PeopleImport.columns) throws -> [UInt8] {
        var sheet = try XLSXSheet(name: "人员", header: header)
        sheet.rows = rows
        return Array(try SheetExports.file(sheet, csv: false))
    }

    /// An ID in a number cell, a birth date after the server's today, a region code no province has: each row gets
    /// its own reason and nothing is written. A number typed in full-width digits is the same number, and is stored
    /// in ASCII.
    @Test func peopleSheetsRefuseWhatTheStandardRefuses() async throws {
        let app = try await TestApp.make()
        let zone = try await app.account("hr").zoneID!
        let today = app.store.clock.today
        let tomorrow = CivilDate(year: today.year, month: today.month, day: 1)!.adding(months: 1)
        let body = "01050219930708123"
        let badRegion = body + String(ResidentID.checkCharacter(for: body))
        let rows = [
            Self.person("数字甲", .decimal(1.10105197011112e17)),
            Self.person("未来乙", .text(Self.id(21, born: CivilDate(year: 2100, month: 1, day: 1)!))),
            Self.person("未来丙", .text(Self.id(22, born: tomorrow))),
            Self.person("区划丁", .text(badRegion)),
            Self.person("全角戊", .text(Self.fullWidth(Self.id(23)))),
        ]
        try await app.run { browser in
            try await browser.login("hr")
            let before = try await app.store.people.search(PeopleQuery(zoneID: zone)).total
            let refused = try await browser.upload("/people/import", [("mode", "preview")], file: ("file", "人员.xlsx", try Self.book(rows)))
            #expect(refused.status == .unprocessableContent)
            for reason in ["身份证号被存成了数字（1.10105197011112e+17），后几位已丢失：请把该列设为文本格式", "身份证号中的出生日期（2100-01-01）晚于今天",
                           "身份证号中的出生日期（\(tomorrow)）晚于今天（\(today)）", "身份证号前两位“01”不是省级行政区划代码"] {
                #expect(refused.body.contains(reason), "\(reason)")
            }
            #expect(!refused.body.contains("实际为20位") && !refused.body.contains("<td class=\"num\">6</td>"))
            #expect(try await app.store.people.search(PeopleQuery(zoneID: zone)).total == before)

            let accepted = try await browser.upload("/people/import", [("mode", "commit")], file: ("file", "人员.xlsx", try Self.book([rows[4]])))
            #expect(accepted.status == .ok && accepted.body.contains("已导入 1 人"), "\(accepted.body.prefix(3000))")
            #expect(try await app.store.people.search(PeopleQuery(zoneID: zone, text: Self.id(23))).people.map(\.name) == ["全角戊"])
        }
    }

    /// A work log naming someone not on the register says whom it named (on main the name was masked to "**").
    @Test func ledgerRowErrorsShowTheCell() async throws {
        let app = try await TestApp.make()
        try await app.run { browser in
            try await browser.login("hr")
            let page = try await browser.post("/ledgers/workLogs/import", [("csv", "人员,月份,填报天数,提交日期\n王某某,2025-07,20,2025/8/1\n")])
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains("人员“王某某”不在名册中或不在您的管理范围内"), "\(page.body.prefix(3000))")
        }
    }

    /// A 审批事项下沉 workbook whose 下沉日期 are serial numbers in date-formatted cells (all digits) or text.
    static func sheet(_ dates: [String], date1904: Bool) throws -> [UInt8] {
        func text(_ reference: String, _ value: String) -> String { #"<c r="\#(reference)" t="inlineStr"><is><t>\#(value)</t></is></c>"# }
        let header = #"<row r="1">\#(text("A1", "审批服务事项"))\#(text("B1", "原办理部门"))\#(text("C1", "下沉日期"))</row>"#
        let rows = dates.enumerated().map { index, date in
            let line = index + 2
            let cell = date.allSatisfy(\.isNumber) ? #"<c r="C\#(line)" s="1"><v>\#(date)</v></c>"# : text("C\(line)", date)
            return #"<row r="\#(line)">\#(text("A\(line)", "日期事项\(line)\(date1904 ? "乙" : "甲")"))\#(text("B\(line)", "市政务服务局"))\#(cell)</row>"#
        }
        let styles = #"<styleSheet xmlns="\#(SpreadsheetML.mainNamespace)"><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>"#
        return Array(try XLSXReaderTests.workbook(sheet: #"<worksheet xmlns="\#(SpreadsheetML.mainNamespace)"><sheetData>\#(header)\#(rows.joined())</sheetData></worksheet>"#,
                                                  styles: styles, date1904: date1904))
    }

    /// Dates as Excel and WPS save them — real date cells in the 1900 and the 1904 date systems, 2024/1/15,
    /// 2024年1月15日, 2024.1.15 — all import as the same day.
    @Test func ledgerDatesInEveryFormSpreadsheetsWrite() async throws {
        let app = try await TestApp.make()
        let zone = try await app.account("hr").zoneID!
        try await app.run { browser in
            try await browser.login("hr")
            let before = try await app.store.ledgers.all(zoneID: zone, kind: .approvals).count
            for (file, count) in [(try Self.sheet(["45306", "2024/1/15", "2024年1月15日", "2024.1.15"], date1904: false), 4), (try Self.sheet(["43844"], date1904: true), 1)] {
                let page = try await browser.upload("/ledgers/approvals/import", [("mode", "commit")], file: ("file", "台账.xlsx", file))
                #expect(page.status == .ok && page.body.contains("已导入 \(count) 条记录"), "\(page.body.prefix(3000))")
            }
            let added = try await app.store.ledgers.all(zoneID: zone, kind: .approvals).dropFirst(before)
            #expect(added.count == 5 && added.allSatisfy { $0.record["date"] == "2024-01-15" }, "\(added.map { $0.record["date"] })")
        }
    }

    /// The posts export writes 有效期 as date cells, as the ledgers do.
    @Test func postsExportDatesAsDateCells() async throws {
        let app = try await TestApp.make()
        let zone = try await app.account("hr").zoneID!
        try await app.run { browser in
            try await browser.login("hr")
            let csv = PostImport.columns.joined(separator: ",") + "\n产业发展局,日期岗,2,综合,1.000,1,3,,,2024年1月15日,2025/6/30\n"
            #expect(try await browser.post("/posts/import", [("csv", csv)]).body.contains("已导入 1 个岗位"))
            let sheet = try await SheetExports.posts(app.store, zoneID: zone)
            let row = try #require(sheet.rows.first { $0[1] == .text("日期岗") })
            #expect(Array(row.suffix(2)) == [.date(year: 2024, month: 1, day: 15), .date(year: 2025, month: 6, day: 30)])
        }
    }
}
