extension String {
    /// Trims ASCII and full-width spaces (U+3000), which Chinese IMEs and Excel cells leave behind.
    func trimmingWhitespace() -> String {
        // Most cells need no trimming: return them without scanning or copying (an import checks 100,000 rows).
        if let first = unicodeScalars.first, let last = unicodeScalars.last, first.isPlainlyNotSpace, last.isPlainlyNotSpace {
            return self
        }
        let isSpace: (Character) -> Bool = { $0.isWhitespace || $0 == "\u{3000}" }
        guard let start = firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = lastIndex(where: { !isSpace($0) })!
        return String(self[start...end])
    }
}

extension Unicode.Scalar {
    /// Printable ASCII or a CJK ideograph: never whitespace, never part of a grapheme that is, and a
    /// test without the Unicode property tables that `Character.isWhitespace` consults. Anything else
    /// (a combining mark could join a space into one character) takes the full check.
    var isPlainlyNotSpace: Bool {
        switch value {
        case 0x21...0x7E, 0x3400...0x4DBF, 0x4E00...0x9FFF: true
        default: false
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
