/// The workbook's fixed set of cell formats. A cell's `s` attribute is the raw value: an index into `cellXfs`.
enum XLSXStyle: Int, CaseIterable {
    case general, header, text, integer, money, date, percent
    /// Text that starts like a formula (`=`, `+`, `-`, `@`, tab, CR). It is stored as a string, which no spreadsheet
    /// evaluates, and `quotePrefix` also keeps it text when someone edits the cell, as a typed `'` would.
    case quotedText

    /// The part `xl/styles.xml`, derived from the cases so indices and formats cannot drift apart.
    static let stylesXML: String = {
        let formats = allCases.compactMap { style in
            style.numberFormat.code.map { #"<numFmt numFmtId="\#(style.numberFormat.id)" formatCode="\#($0)"/>"# }
        }
        let cellFormats = allCases.map { style in
            let font = style == .header ? 1 : 0
            let quote = style == .quotedText ? #" quotePrefix="1""# : ""
            return #"<xf numFmtId="\#(style.numberFormat.id)" fontId="\#(font)" fillId="0" borderId="0" xfId="0""#
                + #" applyNumberFormat="1" applyFont="1"\#(quote)/>"#
        }
        // 宋体 11 is what WPS and Chinese Excel start from; charset 134 (GB2312) marks it as a Chinese font.
        let font = #"<sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/>"#
        return SpreadsheetML.declaration
            + #"<styleSheet xmlns="\#(SpreadsheetML.mainNamespace)">"#
            + #"<numFmts count="\#(formats.count)">\#(formats.joined())</numFmts>"#
            + #"<fonts count="2"><font>\#(font)</font><font><b/>\#(font)</font></fonts>"#
            // Excel insists on these two fills, in this order, even when no cell uses them.
            + #"<fills count="2"><fill><patternFill patternType="none"/></fill>"#
            + #"<fill><patternFill patternType="gray125"/></fill></fills>"#
            + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
            + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
            + #"<cellXfs count="\#(cellFormats.count)">\#(cellFormats.joined())</cellXfs>"#
            + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
            + "</styleSheet>"
    }()

    /// Ids below 164 are Excel's built-in formats and need no declaration; 164 on are declared in `numFmts`.
    private var numberFormat: (id: Int, code: String?) {
        switch self {
        case .general: (0, nil)
        case .header, .text, .quotedText: (49, nil)  // "@"
        case .integer: (1, nil)  // "0"
        case .money: (4, nil)  // "#,##0.00"
        case .date: (164, "yyyy-mm-dd")  // built-in 14 follows the reader's locale, so spell it out
        case .percent: (165, "0.0%")
        }
    }
}

extension XLSXStyle {
    /// The `s` attribute for a `<c>` element; General is the default and needs none.
    var cellAttribute: String {
        self == .general ? "" : #" s="\#(rawValue)""#
    }
}
