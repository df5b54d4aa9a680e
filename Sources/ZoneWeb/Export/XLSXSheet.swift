/// One worksheet: an optional bold header row, then rows of typed cells.
public struct XLSXSheet: Sendable {
    /// Excel's grid; a file beyond it opens with rows or columns cut off.
    static let maxRows = 1_048_576
    static let maxColumns = 16_384

    /// Checked against Excel's naming rules on creation; uniqueness is checked when added to a workbook.
    public let name: String
    /// Column titles written bold in row 1. Empty means the data starts in row 1.
    public var header: [String]
    /// Keeps the header row in view while scrolling a long list; has no effect without a header.
    public var freezesHeader: Bool
    /// Widths in characters for columns A, B, …; columns past the end keep the default width.
    public let columnWidths: [Double]
    /// Data rows, written below the header. A shorter row simply leaves its remaining columns blank.
    public var rows: [[XLSXCell]]

    public init(
        name: String, header: [String] = [], columnWidths: [Double] = [], freezesHeader: Bool = true,
        rows: [[XLSXCell]] = []
    ) throws(XLSXError) {
        guard Self.isValidName(name) else { throw .invalidSheetName(name) }
        if let column = columnWidths.firstIndex(where: { !(0...255).contains($0) }) {
            throw .invalidColumnWidth(sheet: name, column: SpreadsheetML.columnName(column))
        }
        self.name = name
        self.header = header
        self.columnWidths = columnWidths
        self.freezesHeader = freezesHeader
        self.rows = rows
    }

    /// Excel's rules, which it enforces by refusing or "repairing" the file: 1–31 characters (UTF-16 units, as
    /// Excel counts), none of `[]:*?/\`, no leading or trailing apostrophe, not the reserved "History",
    /// and no control characters.
    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.utf16.count <= 31
            && !name.contains(where: #"[]:*?/\"#.contains)
            && !name.hasPrefix("'") && !name.hasSuffix("'")
            && name.lowercased() != "history"
            && name.unicodeScalars.allSatisfy { $0.value >= 0x20 && SpreadsheetML.isXMLCharacter($0) }
    }

    /// The part `xl/worksheets/sheetN.xml`. Texts go into the workbook-wide shared-string table.
    func worksheetXML(isFirst: Bool, strings: inout XLSXSharedStrings) throws(XLSXError) -> String {
        let firstDataRow = header.isEmpty ? 1 : 2
        let rowCount = rows.count + firstDataRow - 1
        let columnCount = max(header.count, rows.map(\.count).max() ?? 0)
        guard rowCount <= Self.maxRows, columnCount <= Self.maxColumns, columnWidths.count <= Self.maxColumns
        else { throw .sheetTooLarge(sheet: name) }

        // Roughly what a row of short texts takes, so a 100,000-row sheet is not copied as it grows.
        var sheetData = ""
        sheetData.reserveCapacity(rowCount * (16 + 24 * columnCount))
        let columnNames = (0..<columnCount).map(SpreadsheetML.columnName)
        if !header.isEmpty {
            let titles = header.map { title -> XLSXCell.Stored? in
                title.utf16.count <= XLSXCell.maxTextLength ? .string(title, .header) : nil
            }
            try appendRow(titles, number: 1, columnNames: columnNames, to: &sheetData, strings: &strings)
        }
        for (offset, row) in rows.enumerated() {
            try appendRow(row.map(\.stored), number: firstDataRow + offset, columnNames: columnNames, to: &sheetData, strings: &strings)
        }

        let dimension = rowCount == 0 || columnCount == 0
            ? "A1" : "A1:" + SpreadsheetML.columnName(columnCount - 1) + String(rowCount)
        let frozenPane = freezesHeader && !header.isEmpty
            ? #"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
                + #"<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>"#
            : ""
        // Only the first sheet may be selected: several selected tabs make Excel open them as a group.
        let selected = isFirst ? #" tabSelected="1""# : ""
        let columns = columnWidths.isEmpty ? "" : "<cols>" + columnWidths.enumerated().map { index, width in
            #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(width)" customWidth="1"/>"#
        }.joined() + "</cols>"

        // Child order is fixed by the schema, and Excel rejects any other.
        return SpreadsheetML.declaration
            + #"<worksheet xmlns="\#(SpreadsheetML.mainNamespace)" xmlns:r="\#(SpreadsheetML.relationshipNamespace)">"#
            + #"<dimension ref="\#(dimension)"/>"#
            + #"<sheetViews><sheetView\#(selected) workbookViewId="0">\#(frozenPane)</sheetView></sheetViews>"#
            + columns
            + "<sheetData>\(sheetData)</sheetData>"
            + "</worksheet>"
    }

    /// Appends one `<row>`; blank cells are left out, and a nil cell (one Excel cannot hold) fails the export.
    /// `columnNames` are the letters of each column, worked out once per sheet rather than once per cell.
    private func appendRow(
        _ cells: [XLSXCell.Stored?], number: Int, columnNames: [String], to xml: inout String, strings: inout XLSXSharedStrings
    ) throws(XLSXError) {
        guard cells.contains(where: { $0 != .blank }) else { return }  // a row of blanks is not written at all
        let rowNumber = String(number)
        xml += #"<row r="\#(rowNumber)">"#
        for (column, cell) in cells.enumerated() {
            switch cell {
            case nil:
                throw .invalidCell(sheet: name, reference: columnNames[column] + rowNumber)
            case .blank?:
                continue
            case .number(let literal, let style)?:
                xml += #"<c r="\#(columnNames[column])\#(rowNumber)"\#(style.cellAttribute)><v>\#(literal)</v></c>"#
            case .string(let text, let style)?:
                xml += #"<c r="\#(columnNames[column])\#(rowNumber)"\#(style.cellAttribute) t="s"><v>\#(strings.index(of: text))</v></c>"#
            }
        }
        xml += "</row>"
    }
}
