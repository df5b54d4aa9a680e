/// Non-negative decimal numbers held as integers of a fixed scale (scores in hundredths, pay
/// coefficients in thousandths), so entry and display never pass through floating point.
///
/// ```swift
/// FixedPoint.parse("1.2", places: 3)   // 1200
/// FixedPoint.format(8730, places: 2)   // "87.30"
/// ```
public enum FixedPoint {
    /// "1.25" with 3 places → 1250. At most `places` decimals, digits only, no sign; nil otherwise.
    public static func parse(_ text: String, places: Int) -> Int? {
        let parts = text.trimmingWhitespace().split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].allSatisfy(\.isASCIIDigit), let whole = Int(parts[0]) else { return nil }
        guard parts.count == 2 else { return whole * scale(places) }
        guard places > 0 else { return nil }
        let fraction = String(parts[1])
        guard (1...places).contains(fraction.count), fraction.allSatisfy(\.isASCIIDigit) else { return nil }
        return whole * scale(places) + Int(fraction + String(repeating: "0", count: places - fraction.count))!
    }

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
