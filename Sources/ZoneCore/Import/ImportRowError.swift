/// One problem in an imported sheet, by line and column, as the import page lists it.
public struct ImportRowError: Sendable, Equatable, CustomStringConvertible {
    /// 1-based line in the file, counting the header as line 1.
    public let line: Int
    public let column: String
    public let message: String

    public init(line: Int, column: String, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// A problem with one cell, the cell's text shown after the reason — 应为不小于0的整数（所填：“十二”）— so the
    /// clerk sees what to fix; not repeated when the reason quotes it already or the cell is empty. A whole ID
    /// number is masked, being someone's personal data; anything else is shown as typed (up to 40 characters).
    public init(line: Int, column: String, message: String, cell: String) {
        let text = cell.trimmingWhitespace()
        let shown = ResidentID.hasFullShape(text.foldingFullWidth().uppercased()) ? Masking.mask(text, keepPrefix: 6, keepSuffix: 4)
            : text.count > 40 ? String(text.prefix(40)) + "…" : text
        self.init(line: line, column: column,
                  message: text.isEmpty || message.contains(text) || message.contains(shown) ? message : message + "（所填：“\(shown)”）")
    }

    public var description: String { "第\(line)行 \(column)：\(message)" }
}

/// A whole import refused, with every row error: imports are all or nothing.
public struct ImportRefused: Error, Sendable, Equatable {
    public let errors: [ImportRowError]

    public init(errors: [ImportRowError]) { self.errors = errors }
}
