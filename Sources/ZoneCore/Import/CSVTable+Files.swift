import Foundation
#if canImport(CoreFoundation)
import CoreFoundation  // the GB 18030 encoding constant; Foundation re-exports it only on Darwin
#endif

extension CSVTable {
    /// Parses a CSV file's bytes in whichever encoding it was saved: UTF-8 (with or without a byte-order mark),
    /// else GB 18030 — the superset of GBK and GB 2312 that Chinese Excel and WPS use for "CSV (逗号分隔)".
    /// UTF-8 is tried first because its byte patterns are strict: GBK text is practically never valid UTF-8.
    public init(decoding bytes: some Collection<UInt8>) throws(ValidationError) {
        if let text = String(validating: bytes, as: UTF8.self) {
            try self.init(parsing: text)
        } else if let text = String(data: Data(bytes), encoding: Self.gb18030) {
            try self.init(parsing: text)
        } else {
            throw .invalid("无法识别文件编码，请将 CSV 保存为 UTF-8 或 GBK 编码")
        }
    }

    /// GB 18030, the superset of GBK; public for tests that write GBK files.
    public static let gb18030 = String.Encoding(rawValue: CFStringConvertEncodingToNSStringEncoding(
        CFStringEncoding(CFStringEncodings.GB_18030_2000.rawValue)))

    /// The table as CSV text (CRLF, UTF-8 with a byte-order mark so Excel opens it as UTF-8), quoting fields
    /// that need it. A field starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`, so a spreadsheet
    /// shows it as text instead of running it as a formula (`=cmd|' /C calc'!A0`); `init(parsing:)` drops it again.
    public static func rendered(header: [String], rows: [[String]]) -> String {
        func field(_ text: String) -> String {
            let safe = needsQuotePrefix(text) ? "'" + text : text
            guard safe.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return safe }
            return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return "\u{FEFF}" + ([header] + rows).map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }
}
