/// The workbook's shared-string table (`xl/sharedStrings.xml`), which every text cell points into.
///
/// Shared strings rather than inline ones because every reader supports them, and a repeated text (a unit name,
/// 男/女) is stored once. Entries are keyed by their exact UTF-8 bytes: Swift's `String ==` treats canonically
/// equivalent texts as equal, which would quietly replace a compatibility ideograph such as U+F900 in
/// someone's name with U+8C48.
struct XLSXSharedStrings {
    /// A text that equals and hashes by its UTF-8 bytes, compared in place rather than copied out per lookup.
    private struct ExactText: Hashable {
        let text: String

        static func == (lhs: ExactText, rhs: ExactText) -> Bool {
            lhs.text.utf8.elementsEqual(rhs.text.utf8)
        }

        func hash(into hasher: inout Hasher) {
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

    private var indexByText: [ExactText: Int] = [:]
    private var texts: [String] = []
    private var references = 0

    /// The index a cell's `<v>` names for `text`, adding the text on first use.
    mutating func index(of text: String) -> Int {
        references += 1
        let key = ExactText(text: text)
        if let index = indexByText[key] { return index }
        indexByText[key] = texts.count
        texts.append(text)
        return texts.count - 1
    }

    var xml: String {
        // xml:space="preserve" keeps leading and trailing spaces, which readers otherwise may trim.
        let items = texts.map { #"<si><t xml:space="preserve">\#(SpreadsheetML.escapeCellText($0))</t></si>"# }
        return SpreadsheetML.declaration
            + #"<sst xmlns="\#(SpreadsheetML.mainNamespace)" count="\#(references)" uniqueCount="\#(texts.count)">"#
            + items.joined()
            + "</sst>"
    }
}
