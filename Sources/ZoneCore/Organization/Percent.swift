/// Percentages as reform reports print them, from integers only, rounded half up (away from zero
/// for negative rates), so the same figures always print the same text.
///
/// - `format` : one decimal, always shown ("24.7%", "0.0%") — the register's own figures.
/// - `share`  : up to two decimals, trailing zeros dropped ("60%", "78.57%") — as 新余 reports shares.
/// - `change` : signed rate of change, up to one decimal ("−18.3%", "−10%", "+5.6%").
public enum Percent {
    /// part / whole × 100 × 10^decimals, rounded half up; nil when whole is 0.
    public static func scaled(_ part: Int, of whole: Int, decimals: Int) -> Int? {
        guard whole != 0 else { return nil }
        let numerator = part * 100 * FixedPoint.scale(decimals), magnitude = abs(numerator), w = abs(whole)
        let rounded = (2 * magnitude + w) / (2 * w)
        return (numerator < 0) != (whole < 0) ? -rounded : rounded
    }

    /// Tenths of a percent, half up: 115 / 465 → 247.
    public static func tenths(_ part: Int, of whole: Int) -> Int? { scaled(part, of: whole, decimals: 1) }

    public static func format(_ part: Int, of whole: Int) -> String {
        guard let t = tenths(part, of: whole) else { return "—" }
        return "\(t / 10).\(t % 10)%"
    }

    public static func share(_ part: Int, of whole: Int) -> String {
        guard let v = scaled(part, of: whole, decimals: 2) else { return "—" }
        return text(v, decimals: 2) + "%"
    }

    /// (after − before) / before.
    public static func change(from before: Int, to after: Int) -> String {
        guard let v = scaled(after - before, of: before, decimals: 1) else { return "—" }
        return (v > 0 ? "+" : v < 0 ? "−" : "") + text(abs(v), decimals: 1) + "%"
    }

    /// Trailing zeros dropped: 7857 → "78.57", 6000 → "60".
    static func text(_ value: Int, decimals: Int) -> String {
        var text = FixedPoint.format(value, places: decimals)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
