/// Non-negative decimal numbers held as integers of a fixed scale (scores in hundredths, pay
/// coefficients in thousandths), so entry and display never pass through floating point.
///
/// ```swift
/// FixedPoint.parse("1.2", places: 3)   // 1200
/// FixedPoint.format(8730, places: 2)   // "87.30"
/// ```
public enum FixedPoint {
    /// "1.25" with 3 places → 1250. At most `places` decimals, digits only, no sign, and at most `limit` once
    /// scaled (so a cell of 92233720368547759 is refused, not multiplied past `Int.max`); nil otherwise.
    public static func parse(_ text: String, places: Int, limit: Int = maxScaled) -> Int? {
        let parts = text.trimmingWhitespace().split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), (1...18).contains(parts[0].count), parts[0].allSatisfy(\.isASCIIDigit),
              let whole = Int(parts[0]), (0...3).contains(places) else { return nil }
        var fractionValue = 0
        if parts.count == 2 {
            let fraction = String(parts[1])
            guard places > 0, (1...places).contains(fraction.count), fraction.allSatisfy(\.isASCIIDigit) else { return nil }
            fractionValue = Int(fraction + String(repeating: "0", count: places - fraction.count))!
        }
        // 18 digits times at most 1000 still overflows; the checked product refuses it instead of trapping.
        let (scaled, overflow) = whole.multipliedReportingOverflow(by: scale(places))
        guard !overflow, scaled <= limit - fractionValue else { return nil }
        return scaled + fractionValue
    }

    /// The default bound of `parse`: 10^15 (¥10 trillion in fen). 9,000 such values still sum inside `Int64`;
    /// callers with a tighter rule (a pay amount, a score) pass their own `limit`.
    public static let maxScaled = 1_000_000_000_000_000

    /// 1250 with 3 places → "1.250" (every place shown).
    public static func format(_ value: Int, places: Int) -> String {
        guard places > 0 else { return String(value) }
        let fraction = String(value % scale(places))
        return "\(value / scale(places))." + String(repeating: "0", count: places - fraction.count) + fraction
    }

    static func scale(_ places: Int) -> Int {
        var s = 1
        for _ in 0..<places { s *= 10 }
        return s
    }
}
