/// A sheet of text cells with a header row: parsed from a CSV file (RFC 4180: quoted fields, doubled quotes,
/// CRLF or LF, as Excel and WPS save it) or built from a spreadsheet's rows. Every import reads one.
///
/// Blank rows are skipped, and each kept row remembers its line, so errors name the line the clerk sees.
public struct CSVTable: Sendable, Equatable {
    public let header: [String]
    /// Data rows, each padded or cut to the header's width.
    public let rows: [[String]]
    /// Each row's 1-based line (CSV record or sheet row) in the file; the header's line counts.
    public let lines: [Int]

    /// Parses CSV text. A UTF-8 byte-order mark is dropped, and so is the `'` that `CSVTable.rendered()` puts
    /// before a field starting with `=`, `+`, `-`, `@`, tab or CR, so an exported file imports unchanged.
    public init(parsing text: String) throws(ValidationError) {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        chars.append("\n")
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" { field.append("\""); i += 1 } else { quoted = false }
                } else {
                    field.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                quoted = true
            } else if c == "," {
                record.append(Self.unneutralised(field)); field = ""
            } else if c == "\n" || c == "\r\n" || c == "\r" {
                record.append(Self.unneutralised(field)); field = ""
                records.append(record)
                record = []
            } else {
                field.append(c)
            }
            i += 1
        }
        guard !quoted else { throw .invalid("CSV 文件格式错误：引号未闭合") }
        try self.init(records: records.enumerated().map { ($0.offset + 1, $0.element) })
    }

    /// A table from a sheet's rows with their line numbers: blank rows are skipped and the first other row is
    /// the header.
    public init(records: [(line: Int, cells: [String])]) throws(ValidationError) {
        let filled = records.filter { $0.cells.contains { !$0.trimmingWhitespace().isEmpty } }
        guard let first = filled.first else { throw .invalid("文件为空") }
        header = first.cells.map { $0.trimmingWhitespace() }
        let width = header.count
        rows = filled.dropFirst().map { row in
            row.cells.count >= width ? Array(row.cells.prefix(width)) : row.cells + Array(repeating: "", count: width - row.cells.count)
        }
        lines = filled.dropFirst().map(\.line)
    }

    /// Characters that make Excel, WPS and LibreOffice read a cell as a formula (OWASP "CSV injection").
    public static let formulaTriggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "\r\n"]

    /// Whether a CSV field gets a protective `'`: it starts with a trigger, or with quotes and then a trigger —
    /// the latter so that a text really starting `'=` survives the round trip as itself.
    static func needsQuotePrefix(_ field: String) -> Bool {
        field.drop { $0 == "'" }.first.map(formulaTriggers.contains) ?? false
    }

    static func unneutralised(_ field: String) -> String {
        field.hasPrefix("'") && needsQuotePrefix(field) ? String(field.dropFirst()) : field
    }
}
