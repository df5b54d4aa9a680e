extension String {
    /// Trims ASCII and full-width spaces (U+3000), which Chinese IMEs and Excel cells leave behind.
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace || $0 == "\u{3000}" }
        // Most cells need no trimming: return them without scanning or copying (an import checks 100,000 rows).
        if let first, let last, !isSpace(first), !isSpace(last) { return self }
        guard let start = firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = lastIndex(where: { !isSpace($0) })!
        return String(self[start...end])
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
