import Foundation
import Testing
import ZIPFoundation
import ZoneCore
@testable import ZoneWeb

@Suite("XLSX reader")
struct XLSXReaderTests {
    /// What the writer stores reads back as the text a clerk sees.
    @Test func readsWhatTheWriterWrites() throws {
        var sheet = try XLSXSheet(name: "人员", header: ["姓名", "身份证号", "金额", "日期", "数量", "比例", "小数", "备注"])
        sheet.rows = [
            [.text("张三"), .text("11010519491231002X"), .money(fen: 123_456), .date(year: 2024, month: 2, day: 29), .integer(42),
             .percent(tenths: 125), .decimal(0.1 + 0.2), .text("=cmd|' /C calc'!A0")],
            [],
            [.text("李四"), .text("012345678901234567"), .money(fen: -1), .date(year: 1900, month: 1, day: 1), .integer(-7),
             .empty, .decimal(1e20), .text("第一行\n\t_x0041_")],
        ]
        var book = XLSXWorkbook()
        try book.add(sheet)
        try book.add(XLSXSheet(name: "第二页", rows: [[.text("二")]]))
        let reader = try XLSXReader(data: try book.data())
        #expect(reader.sheetNames == ["人员", "第二页"])
        let rows = try reader.rows()
        #expect(rows.map(\.line) == [1, 2, 4])  // the blank row 3 is skipped, the numbers stay Excel's
        #expect(rows[0].cells == ["姓名", "身份证号", "金额", "日期", "数量", "比例", "小数", "备注"])
        #expect(rows[1].cells == ["张三", "11010519491231002X", "1234.56", "2024-02-29", "42", "12.5%", "0.3", "=cmd|' /C calc'!A0"])
        #expect(rows[2].cells == ["李四", "012345678901234567", "-0.01", "1900-01-01", "-7", "", "1e+20", "第一行\n\t_x0041_"])
        #expect(try reader.rows(sheet: "第二页").map(\.cells) == [["二"]])
        #expect(throws: XLSXReadError.noSuchSheet("第三页", available: ["人员", "第二页"])) { try reader.rows(sheet: "第三页") }
    }

    /// Cached formula results, inline strings, booleans, phonetic runs, escapes, 1904 dates and gaps, as other
    /// writers (Excel, WPS, LibreOffice) produce them.
    @Test func readsWhatOtherWritersProduce() throws {
        let sheet = """
            <worksheet xmlns="\(SpreadsheetML.mainNamespace)"><sheetData>
            <row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="C1" t="inlineStr"><is><r><t>富</t></r><r><t>文本</t></r></is></c></row>
            <row r="3"><c r="A3"><f>1+1</f><v>2</v></c><c r="B3" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="C3" t="b"><v>1</v></c>
            <c r="D3" s="1"><v>0</v></c><c r="E3" t="s"><v>0</v></c><c r="F3" t="e"><v>#DIV/0!</v></c><c r="XFD3"><v>9</v></c></row>
            </sheetData></worksheet>
            """
        let strings = #"<sst xmlns="\#(SpreadsheetML.mainNamespace)"><si><r><t>漢</t></r><rPh><t>かん</t></rPh><t>_x0009_字</t></si></sst>"#
        let styles = #"<styleSheet xmlns="\#(SpreadsheetML.mainNamespace)"><numFmts><numFmt numFmtId="170" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="170"/></cellXfs></styleSheet>"#
        let reader = try XLSXReader(data: Self.workbook(sheet: sheet, strings: strings, styles: styles, date1904: true))
        let rows = try reader.rows()
        #expect(rows.map(\.line) == [1, 3])
        #expect(rows[0].cells == ["姓名", "", "富文本"])
        // 1904 system: day 0 is 1904-01-01. Cells right of column 256 are ignored.
        #expect(rows[1].cells == ["2", "ab", "TRUE", "1904-01-01", "漢\t字", "#DIV/0!"])
    }

    /// The part tokenizer reads what workbooks use and refuses what is not well-formed or needs a DTD.
    @Test func xmlPartsAreWalkedStrictly() throws {
        var seen: [String] = []
        let xml = #"<?xml version="1.0"?><!-- c --><x:a k='1 &gt; 0' x:id="r&#x41;&#66;"><b/>t&amp;&lt;&#20013;<![CDATA[<raw>]]></x:a >"#
        try XMLPartWalker.walk(Array(xml.utf8), part: "p", start: { tag throws(XLSXReadError) in
            seen.append("\(tag.name.string) k=\(tag["k"] ?? "-") id=\(tag["id"] ?? "-")")
        }, end: { name throws(XLSXReadError) in seen.append("/" + name.string) }, text: { seen.append(String(decoding: $0, as: UTF8.self)) })
        #expect(seen == ["a k=1 > 0 id=rAB", "b k=- id=-", "/b", "t&<中", "<raw>", "/a"])
        for broken in ["<a><b></a></b>", "<a>", "<a/><b/>", "text<a/>", "<a>&bogus;</a>", #"<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>"#,
                       "<a b=1/>", #"<a b="1"#, "", "<a b='&bogus;'/>", "<a>&#xD800;</a>", "<a>&#+65;</a>", "<a>&#x;</a>", "<a>&amp</a>",
                       "<a></b>", "<a>]]></a><![CDATA[x]]>", "<a/>\u{3000}", "<=a/>", "<a =''/>"] {
            #expect(throws: XLSXReadError.damagedPart("p"), "\(broken)") {
                try XMLPartWalker.walk(Array(broken.utf8), part: "p", start: { _ throws(XLSXReadError) in })
            }
        }
    }

    /// Text as Excel, WPS and other writers store it: references and CDATA, rich-text runs with phonetic guides,
    /// preserved spaces, characters outside the BMP, namespace prefixes, cells and rows without `r`, sparse and
    /// out-of-order cells, numbers and dates.
    @Test func readsTextAsOtherWritersStoreIt() throws {
        let main = SpreadsheetML.mainNamespace
        let strings = """
            <x:sst xmlns:x="\(main)" count="4" uniqueCount="4"><x:si><x:t>A &amp; B &lt;c&gt; &#x4E2D;&#25991;</x:t></x:si>
            <x:si><x:r><x:rPr><x:b/></x:rPr><x:t>粗</x:t></x:r><x:r><x:t xml:space="preserve"> 体 </x:t></x:r><x:rPh sb="0" eb="1"><x:t>ふ</x:t></x:rPh></x:si>
            <x:si><x:t>𠀀😀&#x1F600;<![CDATA[<&>]]></x:t></x:si><x:si><x:t/></x:si></x:sst>
            """
        let sheet = """
            <worksheet xmlns="\(main)"><sheetData>
            <row><c t="s"><v> 0 </v></c><c t="s"><v>1</v></c><c t="inlineStr"><is><t xml:space="preserve">  前后空格  </t></is></c></row>
            <row r="5"><c r="E5" t="s"><v>2</v></c><c r="B5" t="inlineStr"><is><t>&#x9;制表_x0041_</t></is></c><c r="C5" t="s"><v>3</v></c></row>
            <row r="6"><c r="A6" s="1"><v>45351</v></c><c r="B6" s="1"><v>45351.75</v></c><c r="C6"><v>1.5E+3</v></c><c r="D6"><v> -42 </v></c><c r="E6"><v>0.30000000000000004</v></c></row>
            <row r="7"><c r="A7" t="s"><v>3</v></c></row>
            </sheetData></worksheet>
            """
        let styles = #"<styleSheet xmlns="\#(main)"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>"#
        let rows = try XLSXReader(data: Self.workbook(sheet: sheet, strings: strings, styles: styles)).rows()
        #expect(rows.map(\.line) == [1, 5, 6])  // row 7 holds only an empty text
        #expect(rows[0].cells == ["A & B <c> 中文", "粗 体 ", "  前后空格  "])
        #expect(rows[1].cells == ["", "\t制表A", "", "", "𠀀😀😀<&>"])
        #expect(rows[2].cells == ["2024-02-29", "2024-02-29", "1500", "-42", "0.3"])
    }

    /// Whatever text the writer stores — references, `_x` escapes, CJK, surrogate pairs, spaces at either end —
    /// reads back the same, cell for cell.
    @Test func randomTextsRoundTrip() throws {
        let alphabet = Array("ab &<>\"'_x0041_中文𠀀😀\n\t;#")
        var random = SeededGenerator(seed: 2_024)
        let texts = (0..<400).map { _ in String((0..<Int.random(in: 1...12, using: &random)).map { _ in alphabet.randomElement(using: &random)! }) }
        let rows = stride(from: 0, to: texts.count, by: 4).map { Array(texts[$0..<($0 + 4)]) }
        var sheet = try XLSXSheet(name: "表")
        sheet.rows = rows.map { $0.map(XLSXCell.text) }
        var book = XLSXWorkbook()
        try book.add(sheet)
        #expect(try XLSXReader(data: try book.data()).rows().map(\.cells) == rows)
    }

    @Test func dateFormatsAreToldFromNumberFormats() {
        #expect(XLSXReader.isDateFormat(id: 14, code: nil))
        #expect(XLSXReader.isDateFormat(id: 57, code: nil))
        #expect(!XLSXReader.isDateFormat(id: 4, code: nil))
        #expect(XLSXReader.isDateFormat(id: 164, code: "yyyy-mm-dd"))
        #expect(XLSXReader.isDateFormat(id: 164, code: #"[$-804]yyyy"年"m"月"d"日";@"#))
        #expect(!XLSXReader.isDateFormat(id: 164, code: "[Red]#,##0.00"))
        #expect(!XLSXReader.isDateFormat(id: 164, code: #"0.0"days""#))
        #expect(!XLSXReader.isDateFormat(id: 164, code: "h:mm:ss"))
    }

    @Test(arguments: [1, 59, 61, 25_569, 36_585, 45_351, 2_958_465])
    func dateSerialsRoundTrip(serial: Int) throws {
        let date = try #require(XLSXCell.civilDate(excelSerial: serial))
        #expect(XLSXCell.excelSerial(year: date.year, month: date.month, day: date.day) == serial)
    }

    @Test func damagedFilesGiveClearErrors() throws {
        var book = XLSXWorkbook()
        try book.add(XLSXSheet(name: "人员", header: ["姓名"], rows: [[.text("张三")]]))
        let good = try book.data()
        #expect(throws: XLSXReadError.notAWorkbook) { try XLSXReader(data: Data("姓名,身份证号\n".utf8)) }
        #expect(throws: XLSXReadError.notAWorkbook) { try XLSXReader(data: good.prefix(good.count / 2)) }
        #expect(throws: XLSXReadError.notAWorkbook) { try XLSXReader(data: Self.zip([("word/document.xml", "<w/>")])) }
        let huge = String(repeating: "长", count: XLSXCell.maxTextLength + 1)
        let bigCell = #"<worksheet><sheetData><row r="1"><c r="B1" t="inlineStr"><is><t>\#(huge)</t></is></c></row></sheetData></worksheet>"#
        #expect(throws: XLSXReadError.cellTooLarge("B1")) { try XLSXReader(data: Self.workbook(sheet: bigCell)).rows() }
        let formula = #"<worksheet><sheetData><row r="2"><c r="D2"><f>SUM(A1:A9)</f></c></row></sheetData></worksheet>"#
        #expect(throws: XLSXReadError.formulaWithoutValue("D2")) { try XLSXReader(data: Self.workbook(sheet: formula)).rows() }
        let broken = #"<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c>"#  // cut off mid-part
        #expect(throws: XLSXReadError.damagedPart("xl/worksheets/sheet1.xml")) { try XLSXReader(data: Self.workbook(sheet: broken)).rows() }
        let badIndex = #"<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>7</v></c></row></sheetData></worksheet>"#
        #expect(throws: XLSXReadError.damagedPart("xl/worksheets/sheet1.xml")) { try XLSXReader(data: Self.workbook(sheet: badIndex)).rows() }
        #expect(XLSXReadError.notAWorkbook.message.contains("不是有效的 Excel 工作簿"))
    }

    /// A part that unpacks past the limit is refused while unpacking (a zip bomb compresses 64 MB to ~64 KB).
    @Test func zipBombsAreRefused() throws {
        let padding = String(repeating: " ", count: XLSXReader.maxPartBytes + 1)
        let sheet = "<worksheet>\(padding)<sheetData/></worksheet>"
        #expect(throws: XLSXReadError.partTooLarge("xl/worksheets/sheet1.xml")) { try XLSXReader(data: Self.workbook(sheet: sheet)).rows() }
    }

    /// A workbook written by openpyxl: shared strings, numbers, a datetime, a formula without a cached value.
    @Test func readsOpenpyxlFiles() throws {
        guard Python.hasOpenpyxl(checking: "Reading openpyxl's xlsx") else { return }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("zonedesk-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
            import datetime, sys, openpyxl
            book = openpyxl.Workbook()
            sheet = book.active
            sheet.title = "人员"
            sheet.append(["姓名", "身份证号", "入职日期", "金额", "手机号", "在岗"])
            sheet.append(["张三", "11010519491231002X", datetime.date(2024, 2, 29), 1234.5, 13800138000, True])
            sheet.append([])
            sheet.append(["李四", "012345678901234567", datetime.datetime(2023, 12, 31, 15, 30), 0.1 + 0.2, None, False])
            other = book.create_sheet("公式")
            other["A1"] = "=SUM(1,2)"
            book.save(sys.argv[1])
            """
        let result = Python.run(["-c", script, file.path])
        try #require(result.status == 0, "openpyxl failed: \(result.errors)")
        let reader = try XLSXReader(data: try Data(contentsOf: file))
        #expect(reader.sheetNames == ["人员", "公式"])
        let rows = try reader.rows()
        #expect(rows.map(\.line) == [1, 2, 4])
        #expect(rows[1].cells == ["张三", "11010519491231002X", "2024-02-29", "1234.5", "13800138000", "TRUE"])
        #expect(rows[2].cells == ["李四", "012345678901234567", "2023-12-31", "0.3", "", "FALSE"])
        #expect(throws: XLSXReadError.formulaWithoutValue("A1")) { try reader.rows(sheet: "公式") }
    }

    /// openpyxl sees a formula-like export as a plain string with Excel's quote prefix, not as a formula.
    @Test func formulaLikeTextIsExportedAsQuotedText() throws {
        guard Python.hasOpenpyxl(checking: "Formula-injection export") else { return }
        var book = XLSXWorkbook()
        try book.add(XLSXSheet(name: "备注", rows: [[.text("=cmd|' /C calc'!A0"), .text("+1"), .text("-2"), .text("@x"), .text("\tx"), .text("安全")]]))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("zonedesk-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: file) }
        try book.data().write(to: file)
        let result = Python.run(["-c", """
            import json, sys, openpyxl
            sheet = openpyxl.load_workbook(sys.argv[1]).active
            print(json.dumps([[c.data_type, c.value, bool(c.quotePrefix)] for c in sheet[1]], ensure_ascii=False))
            """, file.path])
        try #require(result.status == 0, "openpyxl failed: \(result.errors)")
        let cells = String(decoding: result.output, as: UTF8.self)
        #expect(cells.contains(#"["s", "=cmd|' /C calc'!A0", true]"#), "\(cells)")
        #expect(cells.contains(#"["s", "+1", true], ["s", "-2", true], ["s", "@x", true], ["s", "\tx", true], ["s", "安全", false]"#), "\(cells)")
    }

    // MARK: - Hand-made packages

    /// A minimal package around one worksheet part, with optional shared strings and styles.
    static func workbook(sheet: String, strings: String? = nil, styles: String? = nil, date1904: Bool = false) throws -> Data {
        let type = SpreadsheetML.relationshipNamespace
        var links = #"<Relationship Id="rId1" Type="\#(type)/worksheet" Target="worksheets/sheet1.xml"/>"#
        var parts = [
            ("_rels/.rels", #"<Relationships xmlns="\#(SpreadsheetML.packageRelationshipNamespace)"><Relationship Id="rId1" Type="\#(type)/officeDocument" Target="/xl/workbook.xml"/></Relationships>"#),
            ("xl/workbook.xml", #"<workbook xmlns:r="\#(type)">\#(date1904 ? #"<workbookPr date1904="1"/>"# : "")<sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
            ("xl/worksheets/sheet1.xml", sheet),
        ]
        if let strings {
            parts.append(("xl/sharedStrings.xml", strings))
            links += #"<Relationship Id="rId2" Type="\#(type)/sharedStrings" Target="sharedStrings.xml"/>"#
        }
        if let styles {
            parts.append(("xl/styles.xml", styles))
            links += #"<Relationship Id="rId3" Type="\#(type)/styles" Target="styles.xml"/>"#
        }
        parts.append(("xl/_rels/workbook.xml.rels", #"<Relationships xmlns="\#(SpreadsheetML.packageRelationshipNamespace)">\#(links)</Relationships>"#))
        return try zip(parts)
    }

    static func zip(_ parts: [(String, String)]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, text) in parts {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try #require(archive.data)
    }
}
