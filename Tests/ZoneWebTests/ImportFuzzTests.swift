import Foundation
import Testing
import ZoneCore
@testable import ZoneWeb

/// Damaged and hostile import files, many of them: each is read into a table or refused with a reason — never a
/// crash or a hang. (That nothing is written is checked over HTTP in `ImportExportTests.brokenUploadsWriteNothing`.)
@Suite("Import fuzzing")
struct ImportFuzzTests {
    static func workbook() throws -> [UInt8] {
        var sheet = try XLSXSheet(name: "人员", header: PeopleImport.columns)
        sheet.rows = (0..<40).map { n in
            [.text("张\(n)"), .text("11010519491231002X"), .text("13800138000"), .text("产业发展局"), .text("编外"),
             .integer(n), .date(year: 2024, month: 1, day: 1 + n % 28), .money(fen: n * 101), .text("=cmd|' /C calc'!A\(n)")]
        }
        return Array(try SheetExports.file(sheet, csv: false))
    }

    /// Reading is total: a table or a `ValidationError` with a message.
    static func read(_ bytes: [UInt8], sheet: String? = nil) -> String {
        do { return "rows=\(try SheetFile.table(bytes, sheet: sheet).rows.count)" } catch { return error.message }
    }

    @Test func truncatedWorkbooksAreRefused() throws {
        let bytes = try Self.workbook()
        #expect(Self.read(bytes) == "rows=40")
        for length in stride(from: 0, to: bytes.count, by: 37) {
            let outcome = Self.read(Array(bytes.prefix(length)))
            #expect(!outcome.hasPrefix("rows=40") || length == bytes.count, "a file cut at \(length) read as whole")
            #expect(!outcome.isEmpty)
        }
    }

    @Test func corruptedBytesNeverCrash() throws {
        let bytes = try Self.workbook()
        var random = SeededGenerator(seed: 20_261_125)
        for _ in 0..<300 {
            var damaged = bytes
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                damaged[Int.random(in: 0..<damaged.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
            #expect(!Self.read(damaged).isEmpty)
        }
    }

    @Test func randomBytesAndTextNeverCrash() {
        var random = SeededGenerator(seed: 7)
        for round in 0..<300 {
            let length = Int.random(in: 0...2_000, using: &random)
            var bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            if round % 3 == 0 { bytes = [0x50, 0x4B, 0x03, 0x04] + bytes }  // looks like a zip
            if round % 3 == 1 { bytes = bytes.map { $0 & 0x7F | 0x20 } }   // printable ASCII: a CSV of noise
            #expect(!Self.read(bytes).isEmpty)
        }
    }

    @Test func wrongSheetAndHugeCells() throws {
        let bytes = try Self.workbook()
        #expect(Self.read(bytes, sheet: "岗位") == XLSXReadError.noSuchSheet("岗位", available: ["人员"]).message)
        let huge = "姓名\n" + String(repeating: "长", count: 200_000) + "\n"
        #expect(Self.read(Array(huge.utf8)) == "rows=1")  // CSV has no cell limit of its own; the field checks refuse it
    }
}
