extension RawRepresentable where Self: CaseIterable, RawValue == String {
    /// The case whose raw value is `text`. Compared as UTF-8 bytes first: `init(rawValue:)` compares
    /// Chinese text under Unicode normalisation, which dominates checking a 100,000-row sheet. A text
    /// equal only up to canonical equivalence still matches through `init(rawValue:)`.
    init?(named text: String) {
        var text = text
        let match = text.withUTF8 { bytes in
            Self.allCases.first { candidate in
                var name = candidate.rawValue
                return name.withUTF8 { $0.elementsEqual(bytes) }
            }
        }
        guard let match else {
            self.init(rawValue: text)
            return
        }
        self = match
    }
}
