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

    public var description: String { "第\(line)行 \(column)：\(message)" }
}

/// A whole import refused, with every row error: imports are all or nothing.
public struct ImportRefused: Error, Sendable, Equatable {
    public let errors: [ImportRowError]

    public init(errors: [ImportRowError]) { self.errors = errors }
}
