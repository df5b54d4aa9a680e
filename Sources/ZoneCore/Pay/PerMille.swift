/// Coefficients and multiples as integer thousandths (‰): 1.3 → 1300, 0.5 → 500.
///
/// Policies write coefficients as decimals (post coefficient 1.3, department coefficient 0.5–1.5,
/// fund multiple 6). Money is integer fen, and a fen computed through `Double` can come out one
/// fen off depending on the order of operations; so every coefficient is turned into ‰ once, at
/// the edge, and pay arithmetic stays in integers from there on. Three decimals cover every
/// coefficient the seeds publish.
///
/// ```swift
/// PerMille.of(1.3)                       // 1300
/// PerMille.apply(1300, to: 1_000_005)    // 1300006.5 fen → 1300007 (half up)
/// ```
public enum PerMille {
    /// 1.0.
    public static let one: Int64 = 1000

    /// `value` in thousandths, rounded to the nearest (1.3 is 1.30000000000000004 in binary).
    public static func of(_ value: Double) -> Int64 {
        Int64((value * 1000).rounded())
    }

    /// `amount × perMille / 1000`, rounded half up, for non-negative arguments. Splitting the amount
    /// into thousands and the rest keeps the intermediate product small for any amount whose result
    /// fits.
    public static func apply(_ perMille: Int64, to amount: Int64) -> Int64 {
        precondition(perMille >= 0 && amount >= 0, "PerMille.apply takes non-negative arguments")
        return (amount / 1000) * perMille + (2 * (amount % 1000) * perMille + 1000) / 2000
    }
}
