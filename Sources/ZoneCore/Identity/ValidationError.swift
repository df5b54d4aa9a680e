/// Why one field's value was refused. The message is zh-CN, shown beside the field.
public enum ValidationError: Error, Equatable, Sendable {
    case required
    case invalid(String)

    public var message: String {
        switch self {
        case .required: "必填"
        case .invalid(let reason): reason
        }
    }
}

/// Field-by-field errors for one submitted form or imported row.
public struct FieldErrors: Error, Equatable, Sendable {
    public private(set) var byField: [String: String] = [:]

    public init() {}

    public var isEmpty: Bool { byField.isEmpty }

    public subscript(field: String) -> String? { byField[field] }

    public mutating func add(_ field: String, _ message: String) {
        if byField[field] == nil { byField[field] = message }
    }

    /// Runs `check`, recording its error under `field`; returns the value or nil.
    public mutating func capture<T>(_ field: String, _ check: () throws(ValidationError) -> T) -> T? {
        do { return try check() } catch { add(field, error.message); return nil }
    }

    /// One line per field, sorted, for CLI output and logs.
    public var summary: String {
        byField.keys.sorted().map { "\($0): \(byField[$0]!)" }.joined(separator: "; ")
    }
}
