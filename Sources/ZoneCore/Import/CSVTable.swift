/// A parsed CSV file (RFC 4180: quoted fields, doubled quotes, CRLF or LF), as Excel and WPS save it.
/// A UTF-8 byte-order mark is dropped.
public struct CSVTable: Sendable, Equatable {
    public let header: [String]
    /// Data rows, each padded or cut to the header's width.
    public let rows: [[String]]

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
                record.append(field); field = ""
            } else if c == "\n" || c == "\r\n" || c == "\r" {
                record.append(field); field = ""
                if !(record.count == 1 && record[0].isEmpty) { records.append(record) }
                record = []
            } else {
                field.append(c)
            }
            i += 1
        }
        guard !quoted else { throw .invalid("CSV 文件格式错误：引号未闭合") }
        guard let header = records.first else { throw .invalid("文件为空") }
        self.header = header.map { $0.trimmingWhitespace() }
        rows = records.dropFirst().map { row in
            row.count >= header.count ? Array(row.prefix(header.count)) : row + Array(repeating: "", count: header.count - row.count)
        }
    }
}
