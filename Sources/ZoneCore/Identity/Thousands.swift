/// A count or an amount with its thousands grouped, as Chinese offices write figures: 100,000.
///
/// ```swift
/// Thousands.text(40_000)   // "40,000"
/// ```
public enum Thousands {
    public static func text(_ value: some BinaryInteger) -> String {
        let digits = String(value.magnitude)
        var grouped = value < 0 ? "-" : ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return grouped
    }
}
