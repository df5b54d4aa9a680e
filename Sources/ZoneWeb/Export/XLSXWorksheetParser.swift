import Foundation

/// Turns one worksheet part into rows of cell texts (see `XLSXReader` for what each kind of cell reads as).
///
/// Rows with no text are left out, and each kept row carries its number, so a blank line in the middle of a
/// sheet neither becomes an error nor shifts the row numbers that errors name.
struct XLSXWorksheetParser {
    let strings: [String]
    let dateStyles: Set<Int>
    /// Styles that show a number as a percentage: 0.6 reads "60%", as the clerk sees it.
    let percentStyles: Set<Int>
    /// Days added to a serial to read it in the 1900 system: 1462 for workbooks saved with 1904 dates.
    let dateOffset: Int
    private(set) var rows: [(line: Int, cells: [String])] = []

    init(strings: [String], dateStyles: Set<Int>, percentStyles: Set<Int>, dateOffset: Int) {
        (self.strings, self.dateStyles, self.percentStyles, self.dateOffset) = (strings, dateStyles, percentStyles, dateOffset)
    }

    /// A `<c>` being read: its attributes, and the UTF-8 of its `<v>` (or of an inline string's `<t>`s).
    private struct Cell {
        var reference = "", type = "n", style = 0
        var value: [UInt8] = [], hasFormula = false
    }

    mutating func parse(_ bytes: [UInt8], part: String) throws(XLSXReadError) {
        var line = 0, cells: [String] = [], cell = Cell(), kept = 0
        var collecting = false, phoneticDepth = 0
        var parsed: [(line: Int, cells: [String])] = []
        let reader = self
        try XMLPartWalker.walk(bytes, part: part, start: { tag throws(XLSXReadError) in
            switch tag.name {
            case "row":
                line = tag.integer("r") ?? line + 1
                cells = []
                cells.reserveCapacity(parsed.last?.cells.count ?? 0)
            case "c":
                cell.reference = tag["r"] ?? SpreadsheetML.columnName(cells.count) + String(line)
                cell.type = tag["t"] ?? "n"
                cell.style = tag.integer("s") ?? 0
                cell.value.removeAll(keepingCapacity: true)
                cell.hasFormula = false
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
        }, end: { name throws(XLSXReadError) in
            switch name {
            case "v", "t":
                collecting = false
            case "rPh":
                phoneticDepth -= 1
            case "c":
                guard let column = SpreadsheetML.columnIndex(ofReference: cell.reference) else { throw .damagedPart(part) }
                let text = try reader.text(of: cell, part: part)
                if column < Self.columns, !text.isEmpty {
                    if cells.count < column { cells += repeatElement("", count: column - cells.count) }
                    if cells.count == column { cells.append(text) } else { cells[column] = text }
                }
            case "row":
                // Only texts that are not empty were put in, so a row with any cell has text.
                if !cells.isEmpty {
                    kept += cells.count
                    guard kept <= XLSXReader.maxCells else { throw .tooManyCells }
                    parsed.append((line, cells))
                }
            default: break
            }
        }, text: { utf8 in
            if collecting { cell.value.append(contentsOf: utf8) }
        })
        rows = parsed
    }

    private static var columns: Int { XLSXReader.maxColumns }

    private func text(of cell: Cell, part: String) throws(XLSXReadError) -> String {
        // UTF-16 units never outnumber UTF-8 bytes, so only a long value needs counting.
        if cell.value.count > XLSXCell.maxTextLength, String(decoding: cell.value, as: UTF8.self).utf16.count > XLSXCell.maxTextLength {
            throw .cellTooLarge(cell.reference)
        }
        // A formula's cached result is its <v>; only a text result ("str") may legitimately be empty.
        if cell.hasFormula && cell.value.isEmpty && cell.type != "str" { throw .formulaWithoutValue(cell.reference) }
        switch cell.type {
        case "s":
            guard let index = Self.integer(cell.value), strings.indices.contains(index) else { throw .damagedPart(part) }
            return strings[index]
        case "inlineStr", "str":
            return SpreadsheetML.cellText(utf8: cell.value)
        case "b":
            return cell.value == [UInt8(ascii: "1")] ? "TRUE" : "FALSE"
        case "e":
            return String(decoding: cell.value, as: UTF8.self)  // #DIV/0!, #N/A: as Excel shows it, and refused by whatever column it is in
        default:
            return number(cell.value, isDate: dateStyles.contains(cell.style), isPercent: percentStyles.contains(cell.style))
        }
    }

    /// A shared-string index: digits, with any spaces around them.
    private static func integer(_ utf8: [UInt8]) -> Int? {
        guard let first = utf8.firstIndex(where: { !XMLPartWalker.isSpace($0) }),
              let last = utf8.lastIndex(where: { !XMLPartWalker.isSpace($0) }) else { return nil }
        let digits = utf8[first...last]
        guard digits.count <= 18, digits.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    /// An integer literal as written; anything else as Excel's General format shows it (15 significant digits),
    /// so binary noise such as 0.30000000000000004 reads 0.3. A date-formatted serial reads yyyy-MM-dd, a
    /// percentage-formatted number as its percentage with the sign (0.605 → 60.5%), which is what an import of a
    /// percentage column reads.
    private func number(_ utf8: [UInt8], isDate: Bool, isPercent: Bool) -> String {
        let literal = String(decoding: utf8, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        let unsigned = literal.utf8.first == UInt8(ascii: "-") ? literal.utf8.dropFirst() : literal.utf8[...]
        let isInteger = !unsigned.isEmpty && unsigned.allSatisfy { (0x30...0x39).contains($0) }
        // The common case first: a whole number that is not a date reads as written, without parsing a Double.
        if isInteger && !isDate && !isPercent { return literal }
        guard let value = Double(literal), value.isFinite else { return literal }
        if isPercent { return String(format: "%.15g", value * 100) + "%" }
        if isDate, (0..<3_000_000).contains(value), let date = XLSXCell.civilDate(excelSerial: Int(value) + dateOffset) {
            return String(format: "%04d-%02d-%02d", date.year, date.month, date.day)
        }
        return isInteger ? literal : String(format: "%.15g", value)
    }
}
