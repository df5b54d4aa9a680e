/// Percentages as reform reports print them: one decimal, rounded half up, from integers only
/// (115 / 465 → "24.7%"), so the same figures always print the same text.
public enum Percent {
    /// Tenths of a percent, half up: ⌊(part × 1000 × 2 + whole) / (2 × whole)⌋.
    public static func tenths(_ part: Int, of whole: Int) -> Int? {
        guard whole > 0 else { return nil }
        return (part * 2000 + whole) / (2 * whole)
    }

    public static func format(_ part: Int, of whole: Int) -> String {
        guard let t = tenths(part, of: whole) else { return "—" }
        return "\(t / 10).\(t % 10)%"
    }
}
