import Foundation
import ZoneWeb

extension BenchCase {
    /// `xlsx-write`: `size` rows of `BenchPeopleSheet` written as an .xlsx file (`XLSXWorkbook.data()`, what
    /// `zonedesk export people` and /people/export.xlsx do once the register is loaded), best of 3. The checksum
    /// is FNV-1a 64 of the file's bytes (the creation time is fixed), so it changes whenever the writer's output
    /// does; bench/run checks that openpyxl reads an export cell for cell.
    static let xlsxWrite = BenchCase(name: "xlsx-write", defaultSize: 100_000) { size in
        let sheet = try BenchPeopleSheet.make(rows: size)
        var bytes = Data()
        let milliseconds = try Stopwatch.bestMilliseconds(of: 3) {
            var book = XLSXWorkbook(created: Date(timeIntervalSince1970: 1_700_000_000))
            try book.add(sheet)
            bytes = try book.data()
        }
        var hash = FNV1a64()
        for byte in bytes { hash.add(byte) }
        return BenchResult(case: "xlsx-write", size: size, engineMilliseconds: milliseconds, checksum: hash.hex)
    }
}
