/// Money is integer fen (分) everywhere (DESIGN.md); this is its display form, ¥1,234.56, written
/// with integer arithmetic so no fen is ever lost to formatting.
///
/// ```swift
/// Fen.text(123_456)   // "¥1,234.56"
/// Fen.text(-5)        // "-¥0.05"
/// ```
public enum Fen {
    /// The largest pool or total a form may name: ¥100亿. Pools are multiplied by weights and summed over a
    /// zone; below this bound that arithmetic stays far inside `Int64`.
    public static let maxTotal = 1_000_000_000_000
    /// The largest amount for one person (a reward, an average pay): ¥100万, summed over a zone's people.
    public static let maxPerPerson = 100_000_000

    public static func text(_ fen: Int64) -> String {
        let magnitude = fen.magnitude, cents = magnitude % 100
        return "\(fen < 0 ? "-" : "")¥\(Thousands.text(magnitude / 100)).\(cents < 10 ? "0" : "")\(cents)"
    }
}
