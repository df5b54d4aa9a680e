extension RawRepresentable where Self: CaseIterable, RawValue == String {
    /// The case whose raw value is `text`. Compared as UTF-8 bytes first: `init(rawValue:)` compares
    /// Chinese text under Unicode normalisation, which dominates checking a 100,000-row sheet. A text
    /// equal only up to canonical equivalence still matches through `init(rawValue:)`.
    init?(named text: String) {
        guard let match = Self.allCases.first(where: { $0.rawValue.utf8.elementsEqual(text.utf8) }) else {
            self.init(rawValue: text)
            return
        }
        self = match
    }
}
