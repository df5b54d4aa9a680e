/// The workbook's shared-string table (`xl/sharedStrings.xml`), which every text cell points into.
///
/// Shared strings rather than inline ones because every reader supports them, and a repeated text (a unit name,
/// 男/女) is stored once. Entries are keyed by their exact UTF-8 bytes: Swift's `String ==` treats canonically
/// equivalent texts as equal, which would quietly replace a compatibility ideograph such as U+F900 in
/// someone's name with U+8C48.
struct XLSXSharedStrings {
    private var indexByBytes: [[UInt8]: Int] = [:]
    private var texts: [String] = []
    private var references = 0

    /// The index a cell's `<v>` names for `text`, adding the text on first use.
    mutating func index(of text: String) -> Int {
        references += 1
        let key = Array(text.utf8)
        if let index = indexByBytes[key] { return index }
        indexByBytes[key] = texts.count
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
