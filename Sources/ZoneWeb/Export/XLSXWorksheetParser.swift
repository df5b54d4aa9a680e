import Foundation

/// Turns one worksheet part into rows of cell texts (see `XLSXReader` for what each kind of cell reads as).
///
/// Rows with no text are left out, and each kept row carries its number, so a blank line in the middle of a
/// sheet neither becomes an error nor shifts the row numbers that errors name.
struct XLSXWorksheetParser {
    let strings: [String]
    let dateStyles: Set<Int>
    /// Days added to a serial to read it in the 1900 system: 1462 for workbooks saved with 1904 dates.
    let dateOffset: Int
    private(set) var rows: [(line: Int, cells: [String])] = []

    init(strings: [String], dateStyles: Set<Int>, dateOffset: Int) {
        (self.strings, self.dateStyles, self.dateOffset) = (strings, dateStyles, dateOffset)
    }

    private struct Cell {
        var reference = "", type = "", style = 0
        var value = "", hasFormula = false
    }

    mutating func parse(_ data: Data, part: String) throws(XLSXReadError) {
        var line = 0, cells: [String] = [], cell = Cell()
        var collecting = false, phoneticDepth = 0
        var parsed: [(line: Int, cells: [String])] = []
        let reader = self
        try XMLPartWalker.walk(data, part: part, start: { element, attributes throws(XLSXReadError) in
            switch element {
            case "row":
                line = attributes["r"].flatMap(Int.init) ?? line + 1
                cells = []
            case "c":
                let reference = attributes["r"] ?? SpreadsheetML.columnName(cells.count) + String(line)
                cell = Cell(reference: reference, type: attributes["t"] ?? "n", style: attributes["s"].flatMap(Int.init) ?? 0)
            case "v":
                collecting = true
            case "f":
                cell.hasFormula = true
            case "rPh":
                phoneticDepth += 1
            case "t":
                collecting = phoneticDepth == 0
            default: break
            }
        }, end: { element throws(XLSXReadError) in
            switch element {
            case "v", "t":
                collecting = false
            case "rPh":
                phoneticDepth -= 1
            case "c":
                guard let column = SpreadsheetML.columnIndex(ofReference: cell.reference) else { throw .damagedPart(part) }
                let text = try reader.text(of: cell, part: part)
                if column < Self.columns, !text.isEmpty {
                    if cells.count < column { cells += Array(repeating: "", count: column - cells.count) }
                    if cells.count == column { cells.append(text) } else { cells[column] = text }
                }
            case "row":
                if cells.contains(where: { !$0.isEmpty }) { parsed.append((line, cells)) }
            default: break
            }
        }, text: { characters in
            if collecting { cell.value += characters }
        })
        rows = parsed
    }

    private static var columns: Int { XLSXReader.maxColumns }

    private func text(of cell: Cell, part: String) throws(XLSXReadError) -> String {
        guard cell.value.utf16.count <= XLSXCell.maxTextLength else { throw .cellTooLarge(cell.reference) }
        // A formula's cached result is its <v>; only a text result ("str") may legitimately be empty.
        if cell.hasFormula && cell.value.isEmpty && cell.type != "str" { throw .formulaWithoutValue(cell.reference) }
        switch cell.type {
        case "s":
            guard let index = Int(cell.value.trimmingCharacters(in: .whitespaces)), strings.indices.contains(index) else {
                throw .damagedPart(part)
            }
            return strings[index]
        case "inlineStr", "str":
            return SpreadsheetML.unescapeCellText(cell.value)
        case "b":
            return cell.value == "1" ? "TRUE" : "FALSE"
        case "e":
            return cell.value  // #DIV/0!, #N/A: shown as Excel shows it, and refused by whatever column it is in
        default:
            return number(cell.value, isDate: dateStyles.contains(cell.style))
        }
    }

    /// An integer literal as written; anything else as Excel's General format shows it (15 significant digits),
    /// so binary noise such as 0.30000000000000004 reads 0.3. A date-formatted serial reads yyyy-MM-dd.
    private func number(_ literal: String, isDate: Bool) -> String {
        let literal = literal.trimmingCharacters(in: .whitespaces)
        guard let value = Double(literal), value.isFinite else { return literal }
        if isDate, (0..<3_000_000).contains(value), let date = XLSXCell.civilDate(excelSerial: Int(value) + dateOffset) {
            return String(format: "%04d-%02d-%02d", date.year, date.month, date.day)
        }
        if literal.allSatisfy({ $0.isASCII && $0.isNumber }) || (literal.hasPrefix("-") && literal.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }) {
            return literal
        }
        return String(format: "%.15g", value)
    }
}
