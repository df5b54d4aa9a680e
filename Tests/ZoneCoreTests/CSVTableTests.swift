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

    /// Rows come out as wide as the header: short ones padded with empty cells, long ones cut.
    @Test func rowsTakeTheHeadersWidth() throws {
        let table = try CSVTable(parsing: "a,b,c\n1,2,3\n4\n5,6,7,8\n\"x\ny\",\"\"\"q\"\"\",z\n")
        #expect(table.rows == [["1", "2", "3"], ["4", "", ""], ["5", "6", "7"], ["x\ny", "\"q\"", "z"]])
        #expect(table.lines == [2, 3, 4, 5])
        // Old Mac line ends; a quote inside an unquoted field is text, as Excel reads it; an open quote is refused.
        #expect(try CSVTable(parsing: "a,b\r1,x\"y\r2,张\"三\"").rows == [["1", "x\"y"], ["2", "张\"三\""]])
        #expect(throws: ValidationError.invalid("CSV 文件格式错误：引号未闭合")) { try CSVTable(parsing: "a,b\n1,\"open\n") }
    }

    @Test func formulaLikeFieldsAreNeutralisedAndReadBack() throws {
        let rows = [["=cmd|' /C calc'!A0", "+1", "-2", "@SUM(A1)", "\tx", "普通, \"引号\""], ["'=已转义", "1-2", "", "a", "b", "c"]]
        let csv = CSVTable.rendered(header: ["a", "b", "c", "d", "e", "f"], rows: rows)
        #expect(csv.hasPrefix("\u{FEFF}a,b,c,d,e,f\r\n'=cmd|' /C calc'!A0,'+1,'-2,'@SUM(A1),'\tx,\"普通, \"\"引号\"\"\"\r\n"))
        #expect(try CSVTable(parsing: csv).rows == rows)
    }
}
