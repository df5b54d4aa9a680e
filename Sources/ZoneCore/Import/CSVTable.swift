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
        var text = text
        guard let records = text.withUTF8(Self.records) else { throw .invalid("CSV 文件格式错误：引号未闭合") }
        try self.init(records: records)
    }

    /// The records of UTF-8 CSV text with their 1-based numbers, or nil if a quote is left open. Scanned
    /// as bytes: every delimiter is ASCII, and UTF-8 never uses an ASCII byte inside another character,
    /// so a 100,000-row sheet parses without walking grapheme clusters. A `"` opens a quoted field only
    /// at the field's start; elsewhere it is kept as text, as Excel reads it.
    static func records(_ text: UnsafeBufferPointer<UInt8>) -> [(line: Int, cells: [String])]? {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var records: [(line: Int, cells: [String])] = []
        var cells: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var i = text.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        func endField() {
            cells.append(Self.unneutralised(String(decoding: field, as: UTF8.self)))
            field.removeAll(keepingCapacity: true)
        }
        func endRecord() {
            endField()
            records.append((records.count + 1, cells))
            cells = []
        }
        while i < text.count {
            let byte = text[i]
            if quoted {
                if byte != quote {
                    field.append(byte)
                } else if i + 1 < text.count && text[i + 1] == quote {
                    field.append(quote); i += 1
                } else {
                    quoted = false
                }
            } else if byte == quote && field.isEmpty {
                quoted = true
            } else if byte == comma {
                endField()
            } else if byte == lf || byte == cr {
                if byte == cr && i + 1 < text.count && text[i + 1] == lf { i += 1 }
                endRecord()
            } else {
                field.append(byte)
            }
            i += 1
        }
        guard !quoted else { return nil }
        endRecord()
        return records
    }

    /// A table from a sheet's rows with their line numbers: blank rows are skipped and the first other row is
    /// the header.
    public init(records: [(line: Int, cells: [String])]) throws(ValidationError) {
        let filled = records.filter { $0.cells.contains { !$0.trimmingWhitespace().isEmpty } }
        guard let first = filled.first else { throw .invalid("文件为空") }
        header = first.cells.map { $0.trimmingWhitespace() }
        let width = header.count
        rows = filled.dropFirst().map { row in
            switch row.cells.count {
            case width: row.cells  // the usual row: kept as it is, not copied
            case width...: Array(row.cells.prefix(width))
            default: row.cells + Array(repeating: "", count: width - row.cells.count)
            }
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
        field.utf8.first == UInt8(ascii: "'") && needsQuotePrefix(field) ? String(field.dropFirst()) : field
    }
}
