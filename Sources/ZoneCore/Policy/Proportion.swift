/// A share of a group in [0, 1] — 优秀 ≤ 0.20, bottom ≥ 0.05 — held exactly in ten-thousandths.
///
/// Forced distribution turns these into head counts ("20 % of 7 people"); doing that in binary
/// floating point would let 0.05 × 20 land just below 1 and drop a person, so the policy keeps the
/// decimal the file wrote and counts with integers.
public struct Proportion: Hashable, Comparable, Sendable, CustomStringConvertible {
    public static let scale = 10_000

    /// The share × 10 000 (0.2 → 2000).
    public let tenThousandths: Int

    public init?(tenThousandths: Int) {
        guard (0...Self.scale).contains(tenThousandths) else { return nil }
        self.tenThousandths = tenThousandths
    }

    /// Parses plain decimal text such as `0.2`, `0.05`, `1` (at most four decimals).
    public init?(decimal text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.allSatisfy(\.isASCIIDigit),
              let units = Int(whole) else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard fraction.count <= 4, fraction.allSatisfy(\.isASCIIDigit), parts.count == 1 || !fraction.isEmpty else { return nil }
        let padded = fraction + String(repeating: "0", count: 4 - fraction.count)
        guard units <= 1 else { return nil }
        self.init(tenThousandths: units * Self.scale + (Int(padded) ?? 0))
    }

    public var value: Double { Double(tenThousandths) / Double(Self.scale) }

    /// Shortest decimal text: 2000 → "0.2", 500 → "0.05", 10000 → "1".
    public var description: String {
        guard tenThousandths % Self.scale != 0 else { return String(tenThousandths / Self.scale) }
        var digits = String(tenThousandths % Self.scale)
        digits = String(repeating: "0", count: 4 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(tenThousandths / Self.scale).\(digits)"
    }

    /// As a percentage for pages: 0.2 → "20%", 0.125 → "12.5%".
    public var percentText: String {
        let hundredths = tenThousandths
        let whole = hundredths / 100
        let rest = hundredths % 100
        guard rest != 0 else { return "\(whole)%" }
        return rest % 10 == 0 ? "\(whole).\(rest / 10)%" : "\(whole).\(rest < 10 ? "0" : "")\(rest)%"
    }

    public static func < (a: Proportion, b: Proportion) -> Bool { a.tenThousandths < b.tenThousandths }
}
