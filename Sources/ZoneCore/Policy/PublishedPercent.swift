/// A percentage exactly as a seed document prints it — "24.7", "78.57", "-18.3", "<30" — kept as
/// text so that tests compare with the publication digit for digit, never through a float.
public struct PublishedPercent: Hashable, Sendable, CustomStringConvertible {
    /// The number without the `%` sign, possibly signed or with a `<`/`>` bound ("<30" = 不足30%).
    public let text: String

    /// Accepts `[<|>][+|-]digits[.digits]`.
    public init?(_ text: String) {
        var rest = Substring(text)
        if rest.first == "<" || rest.first == ">" { rest = rest.dropFirst() }
        if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
        let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else {
            return nil
        }
        self.text = text
    }

    /// Whether the publication gave only a bound ("不足30%"), not a value.
    public var isBound: Bool { text.hasPrefix("<") || text.hasPrefix(">") }

    /// Digits after the decimal point (24.7 → 1, 78.57 → 2).
    public var decimals: Int { text.split(separator: ".").dropFirst().first?.count ?? 0 }

    /// The value without sign or bound, in the one-decimal form `Percent.format` prints ("24.7%"),
    /// or nil when the publication used another precision.
    var magnitudeAtOneDecimal: String? {
        let digits = text.drop { "<>+-".contains($0) }
        switch decimals {
        case 0: return "\(digits).0%"
        case 1: return "\(digits)%"
        default: return nil
        }
    }

    public var isNegative: Bool { text.drop { "<>".contains($0) }.hasPrefix("-") }

    public var description: String { text + "%" }
}

extension PolicyValue {
    func publishedPercent() -> PublishedPercent? {
        guard let text = node.scalar?.string.trimmingWhitespace(), let percent = PublishedPercent(text) else {
            problem("应为百分数（不带 % 号，如 24.7、-18.3、<30），实际为\(node.scalar.map { "“\($0.string)”" } ?? "非文本")",
                    "expected a percentage without % (e.g. 24.7, -18.3, <30), got \(node.scalar.map { "\"\($0.string)\"" } ?? "a non-scalar")")
            return nil
        }
        return percent
    }
}
