extension String {
    /// Full-width forms (U+FF01–U+FF5E) as the ASCII characters they stand for, and the ideographic space as a
    /// space. A Chinese IME in full-width mode types "１１０１０５…Ｘ" or "２０２４／１／１５": the same number or
    /// date, which must be checked as such. ASCII text, nearly every cell of an import, is returned as it is after
    /// one look at its bytes.
    func foldingFullWidth() -> String {
        guard utf8.contains(where: { $0 >= 0x80 }) else { return self }
        var folded = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            switch scalar.value {
            case 0xFF01...0xFF5E: folded.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            case 0x3000: folded.append(" ")
            default: folded.append(scalar)
            }
        }
        return String(folded)
    }
}
