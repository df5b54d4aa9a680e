import SQLKit

/// A stored status or kind the code has no case for: a row written by a newer version, or by hand
/// past the CHECK (migration 19). Reading it as some default would silently change what the row means
/// (a paid run shown as a preview, an admin as an employee), so the read fails and names the value.
public struct UnknownStoredValue: Error, Equatable, CustomStringConvertible {
    public let table: String
    public let column: String
    public let value: String

    public var message: String { "数据表 \(table) 的 \(column) 列存有未知值“\(value)”，无法读取；请核对数据库" }
    public var englishMessage: String { "table \(table), column \(column) holds an unknown value '\(value)'; check the database" }
    public var description: String { "\(message) / \(englishMessage)" }
}

extension SQLRow {
    /// The column as one of `E`'s cases, or `UnknownStoredValue` naming `table` and the value.
    func decode<E: RawRepresentable>(column: String, as type: E.Type, table: String) throws -> E where E.RawValue == String {
        let raw = try decode(column: column, as: String.self)
        guard let value = E(rawValue: raw) else { throw UnknownStoredValue(table: table, column: column, value: raw) }
        return value
    }

    /// As `decode(column:as:table:)` for a nullable column: NULL is nil, an unknown value still fails.
    func decodeIfPresent<E: RawRepresentable>(column: String, as type: E.Type, table: String) throws -> E? where E.RawValue == String {
        guard let raw = try decode(column: column, as: String?.self) else { return nil }
        guard let value = E(rawValue: raw) else { throw UnknownStoredValue(table: table, column: column, value: raw) }
        return value
    }
}
