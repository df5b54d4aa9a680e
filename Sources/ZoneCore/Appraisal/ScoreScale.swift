/// Appraisal scores are integers in hundredths of a point: 87.25 points is `8725`, full marks `10000`.
///
/// Why integers: a score decides a grade at a threshold (90.00 = 优秀) and is compared with
/// colleagues' scores to settle ties. In binary floating point `0.1 + 0.2 != 0.3`, so the same
/// marks added in another order could land on either side of 90.00, or break a tie differently on
/// a re-run. Appraisal forms show two decimals, so hundredths lose nothing people can see.
///
/// Every division in the appraisal engines rounds **half up** (x.xx5 → up) and goes through
/// ``divideHalfUp(_:_:)``, so there is one rounding rule to state on the page and to reproduce in
/// the Python reference (`(2n + d) // (2d)`).
///
/// ```swift
/// ScoreScale.divideHalfUp(87_125, 10)   // 8713 (8712.5 rounds up)
/// ScoreScale.text(8725)                 // "87.25"
/// ```
public enum ScoreScale {
    /// 100.00 points.
    public static let full: Int32 = 10_000

    /// `numerator / denominator` rounded half up, for `numerator >= 0` and `denominator > 0`.
    @inlinable
    public static func divideHalfUp(_ numerator: Int64, _ denominator: Int64) -> Int64 {
        (2 * numerator + denominator) / (2 * denominator)
    }

    /// Two-decimal text for pages and messages: 8725 → "87.25", 9000 → "90.00".
    public static func text(_ hundredths: Int32) -> String {
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(Int(hundredths))
        let cents = magnitude % 100
        return "\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }
}
