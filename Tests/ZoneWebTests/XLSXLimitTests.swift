import Foundation
import Testing
@testable import ZoneWeb

/// What one accepted upload may cost: parts that unpack far past their packed size, and sheets of more cells
/// than any import has, are refused before they are held in memory.
@Suite("Workbook size limits")
struct XLSXLimitTests {
    /// 20 MB of one repeated row packs to a few hundred KB: under the part limit, but 200× its packed size.
    @Test func aPartThatInflatesFarPastItsPackedSizeIsRefused() throws {
        let row = #"<row><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>"#
        let sheet = "<worksheet><sheetData>" + String(repeating: row, count: (20 << 20) / row.utf8.count) + "</sheetData></worksheet>"
        let file = try XLSXReaderTests.workbook(sheet: sheet)
        #expect(file.count < 1 << 20)
        #expect(throws: XLSXReadError.partTooLarge("xl/worksheets/sheet1.xml")) { try XLSXReader(data: file).rows() }
        #expect(XLSXReadError.partTooLarge("x").message.contains("压缩比异常"))
    }

    /// One cell in column IV of each row makes 256 cells a row once the blanks to its left are filled in.
    @Test func aSheetOfMoreCellsThanTheLimitIsRefused() throws {
        let rows = XLSXReader.maxCells / 256 + 1
        let sheet = "<worksheet><sheetData>" + (1...rows).map { #"<row r="\#($0)"><c r="IV\#($0)"><v>1</v></c></row>"# }.joined()
            + "</sheetData></worksheet>"
        #expect(throws: XLSXReadError.tooManyCells) { try XLSXReader(data: XLSXReaderTests.workbook(sheet: sheet)).rows() }
        let fewer = "<worksheet><sheetData>" + (1...100).map { #"<row r="\#($0)"><c r="IV\#($0)"><v>1</v></c></row>"# }.joined()
            + "</sheetData></worksheet>"
        #expect(try XLSXReader(data: XLSXReaderTests.workbook(sheet: fewer)).rows().count == 100)
    }

    /// The parts together share one budget: a sheet and a string table each under the part limit still add up.
    @Test func allPartsTogetherShareOneBudget() throws {
        let half = XLSXReader.maxWorkbookBytes / 2 + 1024
        // Digits of varying order pack poorly enough to pass the ratio check, so only the budget refuses them.
        var noise = "", state: UInt64 = 1
        noise.reserveCapacity(half)
        while noise.utf8.count < half {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            noise += String(state >> 33, radix: 36)
        }
        let sheet = #"<worksheet><!--\#(noise)--><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>"#
        let strings = #"<sst><!--\#(noise)--><si><t>甲</t></si></sst>"#
        #expect(throws: XLSXReadError.partTooLarge("xl/sharedStrings.xml")) {
            try XLSXReader(data: XLSXReaderTests.workbook(sheet: sheet, strings: strings)).rows()
        }
        let small = #"<sst><si><t>甲</t></si></sst>"#
        #expect(try XLSXReader(data: XLSXReaderTests.workbook(sheet: sheet, strings: small)).rows().first?.cells == ["甲"])
    }
}
