import Foundation
import ZoneCore
import ZoneWeb

extension BenchCase {
    /// `xlsx-read`: an uploaded workbook read into an import table (`SheetFile.table`, as the import page and
    /// `zonedesk import` do: unzip, shared strings, styles, worksheet, cell texts), best of 3. The workbook is the
    /// file named by `ZONEDESK_BENCH_XLSX` (bench/run passes one Excel-style and one openpyxl wrote; size is then its
    /// row count), else `size` rows of `BenchPeopleSheet` written by ZoneDesk's writer, with shared strings as
    /// Excel and WPS save them. The checksum is FNV-1a 64 over the header and rows, a tab after each cell and a
    /// newline after each row; bench/run computes the same from openpyxl's reading of the file.
    static let xlsxRead = BenchCase(name: "xlsx-read", defaultSize: 100_000) { size in
        let bytes: [UInt8]
        if let path = ProcessInfo.processInfo.environment["ZONEDESK_BENCH_XLSX"] {
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } else {
            var book = XLSXWorkbook()
            try book.add(try BenchPeopleSheet.make(rows: size))
            bytes = Array(try book.data())
        }
        var read: CSVTable?
        let milliseconds = try Stopwatch.bestMilliseconds(of: 3) { read = try SheetFile.table(bytes) }
        guard let table = read else { preconditionFailure("three runs read the table") }
        var hash = FNV1a64()
        for row in [table.header] + table.rows {
            for cell in row {
                for byte in cell.utf8 { hash.add(byte) }
                hash.add(UInt8(ascii: "\t"))
            }
            hash.add(UInt8(ascii: "\n"))
        }
        return BenchResult(case: "xlsx-read", size: table.rows.count, engineMilliseconds: milliseconds, checksum: hash.hex)
    }
}
