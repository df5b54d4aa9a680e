import Foundation
import Testing
@testable import ZoneWeb

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("XLSX export")
struct XLSXTests {
    @Test(arguments: [
        (0, "A"), (25, "Z"), (26, "AA"), (27, "AB"), (51, "AZ"), (52, "BA"), (701, "ZZ"), (702, "AAA"), (16_383, "XFD"),
    ])
    func columnLetters(index: Int, letters: String) {
        #expect(SpreadsheetML.columnName(index) == letters)
    }

    @Test func escapingCoversMarkupAndDropsCharactersXMLForbids() {
        #expect(SpreadsheetML.escape(#"A&B <c> "q" 'x'"#) == "A&amp;B &lt;c&gt; &quot;q&quot; 'x'")
        #expect(SpreadsheetML.escape("a\u{0}b\u{8}c\u{B}\u{C}\u{1F}d\u{FFFE}\u{FFFF}") == "abcd")
        #expect(SpreadsheetML.escape("第一行\n\t第二行\r") == "第一行\n\t第二行\r")
        #expect(SpreadsheetML.escape("😀𠮷\u{F900}") == "😀𠮷\u{F900}")
        // Excel would read "_x0041_" as "A"; cell text escapes the underscore, other markup does not need to.
        #expect(SpreadsheetML.escapeCellText("_x0041_, _x00e9_, _x12_, x0041_") == "_x005F_x0041_, _x005F_x00e9_, _x12_, x0041_")
    }

    @Test(arguments: [
        (0, "0.00"), (5, "0.05"), (100, "1.00"), (-1, "-0.01"), (-250, "-2.50"), (123_456, "1234.56"),
        (123_456_789_012, "1234567890.12"), (Int.min, "-92233720368547758.08"),
    ])
    func moneyIsWrittenExactlyInYuan(fen: Int, literal: String) {
        #expect(XLSXCell.money(fen: fen).stored == .number(literal, .money))
    }

    @Test(arguments: [(125, "0.125"), (1000, "1.000"), (-5, "-0.005"), (0, "0.000")])
    func percentIsWrittenExactly(tenths: Int, literal: String) {
        #expect(XLSXCell.percent(tenths: tenths).stored == .number(literal, .percent))
    }

    @Test(arguments: [
        (1900, 1, 1, 1), (1900, 2, 28, 59), (1900, 3, 1, 61), (1970, 1, 1, 25_569), (2000, 2, 29, 36_585),
        (2024, 2, 29, 45_351), (9999, 12, 31, 2_958_465),
    ])
    func dateSerialsFollowExcels1900System(year: Int, month: Int, day: Int, serial: Int) {
        #expect(XLSXCell.date(year: year, month: month, day: day).stored == .number(String(serial), .date))
    }

    @Test(arguments: [(1899, 12, 31), (10_000, 1, 1), (2023, 2, 29), (1900, 2, 29), (2024, 4, 31), (2024, 13, 1), (2024, 0, 1), (2024, 1, 0)])
    func impossibleOrOutOfRangeDatesCannotBeStored(year: Int, month: Int, day: Int) {
        #expect(XLSXCell.date(year: year, month: month, day: day).stored == nil)
    }

    @Test func sheetNamesFollowExcelsRules() throws {
        for valid in ["人员名单", "Q&A <汇总>", String(repeating: "名", count: 31), "2024年'花名册", "Historic"] {
            #expect(throws: Never.self) { try XLSXSheet(name: valid) }
        }
        let invalid = ["", String(repeating: "x", count: 32), "a[b", "a]b", "a:b", "a*b", "a?b", "a/b", #"a\b"#,
                       "'quoted", "quoted'", "History", "HISTORY", "tab\there", "😀" + String(repeating: "x", count: 30)]
        for name in invalid {
            #expect(throws: XLSXError.invalidSheetName(name)) { try XLSXSheet(name: name) }
        }
        var book = XLSXWorkbook()
        try book.add(XLSXSheet(name: "Data"))
        #expect(throws: XLSXError.duplicateSheetName("DATA")) { try book.add(XLSXSheet(name: "DATA")) }
        #expect(book.sheets.map(\.name) == ["Data"])
    }

    @Test func contentExcelCannotHoldFailsWithItsPlace() throws {
        #expect(throws: XLSXError.noSheets) { try XLSXWorkbook().data() }
        #expect(throws: XLSXError.invalidColumnWidth(sheet: "宽度", column: "B")) {
            try XLSXSheet(name: "宽度", columnWidths: [10, 256])
        }
        let badCells: [(XLSXCell, String)] = [
            (.decimal(.nan), "C3"), (.decimal(.infinity), "C3"), (.date(year: 2023, month: 2, day: 29), "C3"),
            (.text(String(repeating: "长", count: XLSXCell.maxTextLength + 1)), "C3"),
        ]
        for (cell, reference) in badCells {
            var book = XLSXWorkbook()
            try book.add(XLSXSheet(name: "名单", header: ["A"], rows: [[], [.empty, .integer(1), cell]]))
            #expect(throws: XLSXError.invalidCell(sheet: "名单", reference: reference)) { try book.data() }
        }
        var tooWide = XLSXWorkbook()
        try tooWide.add(XLSXSheet(name: "宽", rows: [Array(repeating: .empty, count: XLSXSheet.maxColumns + 1)]))
        #expect(throws: XLSXError.sheetTooLarge(sheet: "宽")) { try tooWide.data() }
    }

    @Test func packageHasEveryPartAsWellFormedXML() throws {
        let parts = try Self.sampleWorkbook().parts()
        #expect(parts.map(\.path) == [
            "[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml", "xl/workbook.xml",
            "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml",
            "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
        ])
        for part in parts {
            #expect(XMLParser(data: Data(part.xml.utf8)).parse(), "\(part.path) is not well-formed")
        }
        let first = try #require(parts.first { $0.path == "xl/worksheets/sheet1.xml" }).xml
        #expect(first.contains(#"<c r="A1" s="1" t="s">"#))  // bold header, a text cell
        #expect(first.contains(#"state="frozen""#) && first.contains(#"tabSelected="1""#))
        #expect(first.contains(#"<c r="E2" s="4"><v>1234.56</v></c>"#))
        let strings = try #require(parts.first { $0.path == "xl/sharedStrings.xml" }).xml
        #expect(strings.contains(#"count="20" uniqueCount="18""#))  // row 5 repeats two texts of row 2
    }

    @Test func bytesAreAZipAndRepeatable() throws {
        let book = try Self.sampleWorkbook()
        let bytes = try book.data()
        #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        #expect(try book.data() == bytes)
    }

    /// Reads the file back with openpyxl, the reader closest to what Excel and WPS make of it.
    @Test func roundTripThroughOpenpyxl() throws {
        guard Python.hasOpenpyxl(checking: "XLSX round trip") else { return }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("zonedesk-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: file) }
        try Self.sampleWorkbook().data().write(to: file)

        let result = Python.run(["-c", Self.openpyxlDump, file.path])
        try #require(result.status == 0, "openpyxl failed: \(result.errors)")
        let dump = try JSONDecoder().decode(Dump.self, from: result.output)

        #expect(dump.sheets == ["人员名单", "Q&A <汇总>"])
        #expect(dump.frozen == ["人员名单": "A2", "Q&A <汇总>": nil])
        #expect(dump.widths == ["A": 10, "B": 22])
        for (sheet, expected) in Self.expectedCells {
            let actual = dump.cells[sheet] ?? [:]
            for reference in Set(expected.keys).union(actual.keys) {
                #expect(actual[reference] == expected[reference], "\(sheet)!\(reference)")
            }
        }
    }

    // MARK: - Sample

    /// Row 2 of the first sheet, each cell beside what openpyxl must read back (nil: no cell at all).
    private static let samples: [(cell: XLSXCell, readBack: Dump.Cell?)] = [
        (.text("张三"), .init("str", "张三", "@")),
        (.text("11010519491231002X"), .init("str", "11010519491231002X", "@")),
        (.text("012345678901234567"), .init("str", "012345678901234567", "@")),
        (.text("13800138000"), .init("str", "13800138000", "@")),
        (.money(fen: 123_456), .init("float", "1234.56", "#,##0.00")),
        (.money(fen: -1), .init("float", "-0.01", "#,##0.00")),
        (.money(fen: 0), .init("float", "0.0", "#,##0.00")),
        (.date(year: 2024, month: 2, day: 29), .init("datetime", "2024-02-29T00:00:00", "yyyy-mm-dd")),
        (.date(year: 1900, month: 3, day: 1), .init("datetime", "1900-03-01T00:00:00", "yyyy-mm-dd")),
        (.date(year: 1900, month: 1, day: 1), .init("datetime", "1900-01-01T00:00:00", "yyyy-mm-dd")),
        (.integer(42), .init("int", "42", "0")),
        (.integer(-7), .init("int", "-7", "0")),
        (.decimal(3.14), .init("float", "3.14", "General")),
        (.percent(tenths: 125), .init("float", "0.125", "0.0%")),
        (.empty, nil),
        (.text(#"A&B <c> "q" 'x'"#), .init("str", #"A&B <c> "q" 'x'"#, "@")),
        (.text("a\u{0}b\u{8}c"), .init("str", "abc", "@")),
        (.text("第一行\n第二行"), .init("str", "第一行\n第二行", "@")),
        (.text("  前后空格  "), .init("str", "  前后空格  ", "@")),
        (.text("_x0041_"), .init("str", "_x0041_", "@")),
        (.text("\u{F900}"), .init("str", "\u{F900}", "@")),  // canonically equivalent to U+8C48, yet kept apart
        (.text("\u{8C48}"), .init("str", "\u{8C48}", "@")),
        (.text("😀𠮷"), .init("str", "😀𠮷", "@")),
        // Formula injection: stored as strings (with quotePrefix), so no reader evaluates them.
        (.text("=cmd|' /C calc'!A0"), .init("str", "=cmd|' /C calc'!A0", "@")),
        (.text("@SUM(1+1)"), .init("str", "@SUM(1+1)", "@")),
    ]

    private static let header = ["姓名", "身份证号"]

    private static func sampleWorkbook() throws -> XLSXWorkbook {
        var people = try XLSXSheet(name: "人员名单", header: header, columnWidths: [10, 22])
        people.rows = [
            samples.map(\.cell),
            Array(repeating: .empty, count: 27) + [.text("第AB列")],
            [],
            [.text("张三"), .text("11010519491231002X")],
        ]
        var book = XLSXWorkbook(created: Date(timeIntervalSince1970: 1_700_000_000))
        try book.add(people)
        try book.add(XLSXSheet(name: "Q&A <汇总>", rows: [[.text("第二页"), .money(fen: 123_456_789_012)]]))
        return book
    }

    private static var expectedCells: [String: [String: Dump.Cell]] {
        var people: [String: Dump.Cell] = [
            "A1": .init("str", "姓名", "@", bold: true), "B1": .init("str", "身份证号", "@", bold: true),
            "AB3": .init("str", "第AB列", "@"),
            "A5": .init("str", "张三", "@"), "B5": .init("str", "11010519491231002X", "@"),
        ]
        for (column, sample) in samples.enumerated() {
            people[SpreadsheetML.columnName(column) + "2"] = sample.readBack
        }
        return [
            "人员名单": people,
            "Q&A <汇总>": ["A1": .init("str", "第二页", "@"), "B1": .init("float", "1234567890.12", "#,##0.00")],
        ]
    }

    // MARK: - openpyxl

    private struct Dump: Decodable {
        struct Cell: Decodable, Equatable {
            var type, value, format: String
            var bold = false

            init(_ type: String, _ value: String, _ format: String, bold: Bool = false) {
                (self.type, self.value, self.format, self.bold) = (type, value, format, bold)
            }
        }

        var sheets: [String]
        var frozen: [String: String?]
        var widths: [String: Double]
        var cells: [String: [String: Cell]]
    }

    /// Prints every non-empty cell with its Python type, value (floats by repr, dates in ISO form), number
    /// format and boldness; and each sheet's frozen pane, plus the first sheet's custom column widths.
    private static let openpyxlDump = """
        import datetime, json, sys, openpyxl
        book = openpyxl.load_workbook(sys.argv[1])
        first = book.worksheets[0]
        result = {"sheets": book.sheetnames, "frozen": {}, "cells": {},
                  "widths": {k: d.width for k, d in first.column_dimensions.items() if d.customWidth}}
        for sheet in book.worksheets:
            result["frozen"][sheet.title] = sheet.freeze_panes
            cells = result["cells"][sheet.title] = {}
            for row in sheet.iter_rows():
                for cell in row:
                    value = cell.value
                    if value is None:
                        continue
                    if isinstance(value, datetime.datetime):
                        text = value.isoformat()
                    elif isinstance(value, float):
                        text = repr(value)
                    else:
                        text = str(value)
                    cells[cell.coordinate] = {"type": type(value).__name__, "value": text,
                                              "format": cell.number_format, "bold": bool(cell.font.b)}
        json.dump(result, sys.stdout)
        """
}
