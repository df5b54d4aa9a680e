import Foundation

/// An application/x-www-form-urlencoded body. A field sent several times (a multi-select) keeps
/// every value; the subscript gives the last, as most fields are sent once.
public struct FormFields: Sendable {
    public private(set) var values: [String: [String]] = [:]

    public init() {}

    public init(encoded: String) {
        for pair in encoded.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = Self.decode(parts[0])
            append(key, parts.count > 1 ? Self.decode(parts[1]) : "")
        }
    }

    public subscript(_ key: String) -> String { values[key]?.last ?? "" }

    /// Adds one sent value, as a multipart body's text parts arrive.
    public mutating func append(_ key: String, _ value: String) { values[key, default: []].append(value) }

    public func all(_ key: String) -> [String] { values[key] ?? [] }

    static func decode(_ text: Substring) -> String {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
    }

    /// Encodes for tests and redirects.
    public static func encode(_ pairs: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return pairs.map { "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }
            .joined(separator: "&")
    }
}
