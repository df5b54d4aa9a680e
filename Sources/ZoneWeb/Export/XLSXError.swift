/// Why a workbook could not be built. Each case names the place to fix, because an export that Excel
/// would "repair" (dropping data on the way) is worse than one that fails.
public enum XLSXError: Error, Equatable, Sendable {
    /// Empty, over 31 characters, containing one of `[]:*?/\`, starting or ending with `'`, or "History".
    case invalidSheetName(String)
    /// Excel compares sheet names without regard to case.
    case duplicateSheetName(String)
    /// Widths are in characters, 0 through 255.
    case invalidColumnWidth(sheet: String, column: String)
    /// Excel needs at least one sheet.
    case noSheets
    /// More than 1,048,576 rows or 16,384 columns.
    case sheetTooLarge(sheet: String)
    /// A NaN or infinite decimal, an impossible date, or text over 32,767 characters, e.g. ("人员", "C7").
    case invalidCell(sheet: String, reference: String)
}
