/// Money is integer fen (分) everywhere (DESIGN.md); this is its display form, ¥1,234.56, written
/// with integer arithmetic so no fen is ever lost to formatting.
///
/// ```swift
/// Fen.text(123_456)   // "¥1,234.56"
/// Fen.text(-5)        // "-¥0.05"
/// ```
public enum Fen {
    public static func text(_ fen: Int64) -> String {
        let magnitude = fen.magnitude, cents = magnitude % 100
        return "\(fen < 0 ? "-" : "")¥\(Thousands.text(magnitude / 100)).\(cents < 10 ? "0" : "")\(cents)"
    }
}
