/// Whole numbers from a request, a form or a file, accepted only inside a stated range.
///
/// Every number a user can type reaches the rules through here (or `FixedPoint`), so the arithmetic that
/// follows — a page's offset, a year's span, a sum of fen — works on values whose bounds are known and
/// cannot trap. Outside the range, or not a plain decimal integer at all (`1e400`, `NaN`, `0x10`, 30 digits),
/// the value is refused, never clamped: a clerk who typed an impossible number is told so.
///
/// ```swift
/// BoundedInt.parse("3", in: 1...BoundedInt.maxPage)               // 3
/// BoundedInt.parse("9223372036854775807", in: 1...BoundedInt.maxPage)  // nil
/// try BoundedInt.require("2026", in: BoundedInt.years, label: "年度")  // 2026
/// ```
public enum BoundedInt {
    /// Page numbers of any list: far past any real list, small enough that `page * pageSize` stays tiny.
    public static let maxPage = 1_000_000
    /// Calendar years a record may name (appraisals, ledgers, disclosures).
    public static let years = 1900...2200
    /// Row ids: positive and inside the database's 64-bit integers.
    public static let ids: ClosedRange<Int64> = 1...Int64.max
    /// Headcounts a form may set (quotas, approved extras, a post's capacity): a million people is more than any
    /// zone has, and sums of such numbers over every unit stay far inside `Int`.
    public static let headcounts = 0...1_000_000
    /// Optimistic-lock versions a form echoes back.
    public static let versions = 0...Int(Int32.max)

    /// The value of `text` (spaces around it allowed; an optional `-` only where the range has negatives),
    /// or nil when it is not a decimal integer inside `range`. Parsing never overflows: a value past the
    /// type's bounds is simply not a number of that type.
    public static func parse<T: FixedWidthInteger>(_ text: some StringProtocol, in range: ClosedRange<T>) -> T? {
        let trimmed = String(text).trimmingWhitespace()
        let digits = trimmed.hasPrefix("-") && range.lowerBound < 0 ? trimmed.dropFirst() : Substring(trimmed)
        guard !digits.isEmpty, digits.count <= 20, digits.allSatisfy(\.isASCIIDigit),
              let value = T(trimmed, radix: 10), range.contains(value) else { return nil }
        return value
    }

    /// As `parse`, refusing with "‹label›应为 a–b 的整数" so the message names the field and the range.
    public static func require<T: FixedWidthInteger>(_ text: some StringProtocol, in range: ClosedRange<T>, label: String) throws(ValidationError) -> T {
        guard let value = parse(text, in: range) else { throw .invalid(message(label, range)) }
        return value
    }

    /// An optional field: empty text is nil, anything else must be in range.
    public static func optional<T: FixedWidthInteger>(_ text: some StringProtocol, in range: ClosedRange<T>, label: String) throws(ValidationError) -> T? {
        String(text).trimmingWhitespace().isEmpty ? nil : try require(text, in: range, label: label)
    }

    public static func message<T: FixedWidthInteger>(_ label: String, _ range: ClosedRange<T>) -> String {
        range.upperBound == T.max ? "\(label)应为不小于\(range.lowerBound)的整数" : "\(label)应为 \(range.lowerBound)–\(range.upperBound) 的整数"
    }
}
