import Foundation
import ZoneCore

/// An import file, whatever the clerk saved: an .xlsx workbook (recognised by its zip signature, not by its
/// name, which browsers and clerks get wrong) or a CSV file in UTF-8 or GBK.
public enum SheetFile {
    /// Reads the first sheet of a workbook, or the sheet named `sheet`, or the CSV text.
    public static func table(_ bytes: [UInt8], sheet: String? = nil) throws(ValidationError) -> CSVTable {
        if bytes.starts(with: [0x50, 0x4B]) {
            let rows: [(line: Int, cells: [String])]
            do { rows = try XLSXReader(data: Data(bytes)).rows(sheet: sheet) } catch { throw .invalid(error.message) }
            return try CSVTable(records: rows)
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw .invalid("不支持旧版 Excel 文件（.xls），请在 Excel/WPS 中另存为 .xlsx 或 CSV")
        }
        // Text never holds a NUL byte; without this check a binary file would "decode" as GB 18030 gibberish.
        guard !bytes.contains(0) else { throw .invalid("文件不是 Excel（.xlsx）或 CSV 文件") }
        return try CSVTable(decoding: bytes)
    }

    /// The sheet an import form sent: its uploaded file (field `file`), else its pasted CSV text (field `csv`).
    static func table(from context: AppContext) throws(ValidationError) -> CSVTable {
        if let file = context.uploads["file"], !file.bytes.isEmpty { return try table(file.bytes) }
        return try CSVTable(parsing: context.form["csv"])
    }
}
