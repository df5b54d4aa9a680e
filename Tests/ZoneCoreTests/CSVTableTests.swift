import Foundation
import Testing
@testable import ZoneCore

@Suite("CSV files: encodings, blank lines, formula neutralisation")
struct CSVTableTests {
    static let text = "姓名,单位\r\n张三,产业发展局\r\n\r\n,\r\n李四·阿卜杜,招商局\r\n"

    @Test func readsUTF8WithAndWithoutBOMAndGBK() throws {
        let expected = try CSVTable(parsing: Self.text)
        #expect(expected.rows == [["张三", "产业发展局"], ["李四·阿卜杜", "招商局"]])
        #expect(try CSVTable(decoding: Array(Self.text.utf8)) == expected)
        #expect(try CSVTable(decoding: [0xEF, 0xBB, 0xBF] + Array(Self.text.utf8)) == expected)
        // What Chinese Excel and WPS save as "CSV (逗号分隔)": GBK, i.e. GB 18030 for these characters.
        let gbk = try #require(Self.text.data(using: CSVTable.gb18030))
        #expect(gbk.count < Self.text.utf8.count)  // two bytes per character, not three: really GBK
        #expect(try CSVTable(decoding: Array(gbk)) == expected)
        // 张 in GBK is D5 C5.
        #expect(try CSVTable(decoding: [0xD5, 0xC5, 0x0A, 0xD5, 0xC5]).rows == [["张"]])
    }

    /// Blank lines (and lines of empty fields) are skipped without shifting the line numbers errors name.
    @Test func blankLinesKeepLineNumbers() throws {
        let table = try CSVTable(parsing: Self.text)
        #expect(table.lines == [2, 5])
        #expect(throws: ValidationError.invalid("文件为空")) { try CSVTable(parsing: "\r\n , \r\n") }
    }

    @Test func formulaLikeFieldsAreNeutralisedAndReadBack() throws {
        let rows = [["=cmd|' /C calc'!A0", "+1", "-2", "@SUM(A1)", "\tx", "普通, \"引号\""], ["'=已转义", "1-2", "", "a", "b", "c"]]
        let csv = CSVTable.rendered(header: ["a", "b", "c", "d", "e", "f"], rows: rows)
        #expect(csv.hasPrefix("\u{FEFF}a,b,c,d,e,f\r\n'=cmd|' /C calc'!A0,'+1,'-2,'@SUM(A1),'\tx,\"普通, \"\"引号\"\"\"\r\n"))
        #expect(try CSVTable(parsing: csv).rows == rows)
    }
}

@Suite("KPI actuals sheet")
struct ActualsImportTests {
    static let targets = [ActualsImport.Target(id: 7, name: "招商引资到位资金", rule: .linear(target: 10_000, capPercent: 120)),
                          ActualsImport.Target(id: 8, name: "安全生产事故", rule: .penalty(perItem: 500, max: 2_000))]

    @Test func valuesByNumberWithNamesChecked() throws {
        let good = ActualsImport(try CSVTable(parsing: "指标编号,指标名称,实际值,计量单位\n7,招商引资到位资金,12.5,亿元\n8,安全生产事故,,次\n"), indicators: Self.targets)
        #expect(good.errors.isEmpty && good.actuals == [7: Int64?.some(1250), 8: Int64?.none])
        let bad = ActualsImport(try CSVTable(parsing: "指标编号,指标名称,实际值\n7,招商引资,1\n9,x,1\n8,安全生产事故,1.5\n7,招商引资到位资金,2\nA,,\n"), indicators: Self.targets)
        #expect(bad.actuals.isEmpty)
        #expect(bad.errors.map(\.description) == [
            "第2行 指标名称：与编号 7 的指标“招商引资到位资金”不符", "第3行 指标编号：本次考核没有编号为 9 的指标",
            "第4行 实际值：实际值“1.5”应为发生次数（整数）", "第5行 指标编号：与第2行重复", "第6行 指标编号：应为模板中的指标编号（整数）",
        ])
    }
}

@Suite("Post catalogue sheet")
struct PostImportTests {
    static let header = PostImport.columns.joined(separator: ",")
    static let units: [Int64: String] = [1: "产业发展局", 2: "招商局"]

    @Test func rowsAreCheckedLikeTheFormAndDuplicatesRefused() throws {
        let existing = Post(id: 9, unitID: 2, title: "招商专员", level: 3, category: .investment, payCoefficientMilli: 1200,
                            requirements: "", headcount: 1, termYears: 3, leadership: nil, validFrom: nil, validTo: nil)
        let good = PostImport(try CSVTable(parsing: Self.header + "\n产业发展局,综合文员,2,综合,1.000,3,3,,,,\n"), units: Self.units, existing: [existing])
        #expect(good.errors.isEmpty && good.posts.map(\.title) == ["综合文员"] && good.posts[0].payCoefficientMilli == 1000)
        let bad = PostImport(try CSVTable(parsing: Self.header + """

            招商局,招商专员,3,招商,1.2,1,3,,,,
            不存在局,文员,2,综合,1,1,3,,,,
            产业发展局,文员,2,综合,1,1,3,,,,
            产业发展局,文员,2,综合,9,1,4,,,2025-02-30,
            """), units: Self.units, existing: [existing])
        #expect(bad.posts.isEmpty)
        #expect(bad.errors.map(\.description) == [
            "第2行 岗位名称：“招商局”已有在用岗位“招商专员”", "第3行 单位：单位“不存在局”不存在",
            "第5行 薪酬系数：薪酬系数须在0.1–5.0之间，最多三位小数", "第5行 聘期（年）：聘期为1–3年", "第5行 有效期起：日期格式应为 yyyy-MM-dd，且须为有效日期",
        ])
    }
}
