import ZoneCore

/// One cell of an exported sheet.
///
/// Each case fixes both the stored value and its number format, so a caller never picks formats by hand
/// and an identifier can never be stored as a number by accident.
public enum XLSXCell: Sendable, Hashable {
    /// Always a text cell with the `@` format. Use it for 身份证号, phone and account numbers — digits that are
    /// not quantities — so Excel never drops a leading zero, rounds past 15 digits or shows `1.10105E+17`.
    /// Text starting like a formula (`=cmd|' /C calc'!A0`) is never evaluated: it is a stored string, marked
    /// `quotePrefix` so it stays text even when edited.
    case text(String)
    /// A whole number, shown without separators (`0`) so years and codes do not read `2,024`.
    /// Excel keeps only 15 significant digits.
    case integer(Int)
    /// A measured quantity in Excel's General format. NaN and infinities cannot be stored and fail the export.
    case decimal(Double)
    /// An amount of money in fen, shown in yuan as `#,##0.00`. The yuan figure is written by integer arithmetic,
    /// so binary floating-point drift can never show up in the file.
    case money(fen: Int)
    /// A calendar date stored as a real Excel date (so it sorts and filters as one), shown as `yyyy-mm-dd`.
    /// Excel's range is 1900-01-01 through 9999-12-31; an impossible date fails the export.
    case date(year: Int, month: Int, day: Int)
    /// A percentage in tenths of a percent (125 is 12.5%), shown as `0.0%`; written exactly, like money.
    case percent(tenths: Int)
    /// No cell at all: nothing is written, so the column stays blank.
    case empty
}

extension XLSXCell {
    /// A stored yyyy-MM-dd as a real date cell, so a sheet sorts and filters it as one and an import reads it back;
    /// an empty value is no cell, anything unreadable stays as the text it is.
    static func date(stored text: String) -> XLSXCell {
        guard !text.isEmpty else { return .empty }
        guard let date = try? CivilDate(parsing: text) else { return .text(text) }
        return .date(year: date.year, month: date.month, day: date.day)
    }

    /// Excel refuses to open a file with a longer cell text (counted in UTF-16 units, as Excel does).
    static let maxTextLength = 32_767

    /// What a worksheet writes for a cell: a number literal or a string, and the style that formats it.
    enum Stored: Equatable {
        case blank
        case number(String, XLSXStyle)
        case string(String, XLSXStyle)
    }

    /// The stored form, or nil when Excel cannot hold the value.
    var stored: Stored? {
        switch self {
        case .text(let text):
            text.utf16.count <= Self.maxTextLength
                ? .string(text, text.first.map(CSVTable.formulaTriggers.contains) == true ? .quotedText : .text) : nil
        case .integer(let value):
            .number(String(value), .integer)
        case .decimal(let value):
            value.isFinite ? .number(value.description, .general) : nil
        case .money(let fen):
            .number(Self.fixedPoint(fen, decimals: 2), .money)
        case .date(let year, let month, let day):
            Self.excelSerial(year: year, month: month, day: day).map { .number(String($0), .date) }
        case .percent(let tenths):
            .number(Self.fixedPoint(tenths, decimals: 3), .percent)
        case .empty:
            .blank
        }
    }

    /// The cell as CSV text, in the form the imports read back: yuan with two decimals, dates yyyy-MM-dd,
    /// percentages as the number before the % sign.
    var plainText: String {
        switch self {
        case .text(let text): text
        case .integer(let value): String(value)
        case .decimal(let value): value.description
        case .money(let fen): Self.fixedPoint(fen, decimals: 2)
        case .date(let year, let month, let day): CivilDate(year: year, month: month, day: day)?.description ?? ""
        case .percent(let tenths): Self.fixedPoint(tenths, decimals: 1)
        case .empty: ""
        }
    }

    /// `value / 10^decimals` as an exact decimal literal, e.g. (123456, 2) → "1234.56", (-1, 2) → "-0.01".
    /// Integer division instead of Double formatting is what keeps every fen exact.
    static func fixedPoint(_ value: Int, decimals: Int) -> String {
        let scale = (0..<decimals).reduce(UInt(1)) { product, _ in product * 10 }
        let magnitude = value.magnitude  // magnitude, not abs(), so Int.min cannot overflow
        let fraction = String(magnitude % scale)
        let padding = String(repeating: "0", count: decimals - fraction.count)
        return (value < 0 ? "-" : "") + String(magnitude / scale) + "." + padding + fraction
    }

    /// The day number Excel stores for a date in its default 1900 date system, or nil outside Excel's range.
    ///
    /// Day 1 is 1900-01-01. Excel keeps Lotus 1-2-3's phantom 1900-02-29 as day 60, so every real date from
    /// 1900-03-01 on is one more than a plain day count: 1900-03-01 is 61, 2024-02-29 is 45351.
    static func excelSerial(year: Int, month: Int, day: Int) -> Int? {
        guard (1900...9999).contains(year), (1...12).contains(month),
              (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        let count = daysSinceEpoch(year, month, day) - daysSinceEpoch(1899, 12, 31)
        return count >= 60 ? count + 1 : count
    }

    /// The date of an Excel day number in the 1900 system: the inverse of `excelSerial`, for the reader.
    /// Nil for Lotus's phantom 1900-02-29 (day 60) and outside Excel's range.
    static func civilDate(excelSerial serial: Int) -> (year: Int, month: Int, day: Int)? {
        guard (1...2_958_465).contains(serial), serial != 60 else { return nil }
        // Hinnant's civil_from_days, counting from 0000-03-01 as `daysSinceEpoch` does.
        let days = daysSinceEpoch(1899, 12, 31) + (serial > 60 ? serial - 1 : serial)
        let era = days / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let marchMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * marchMonth + 2) / 5 + 1
        let month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        return [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }

    /// Proleptic Gregorian day count (Howard Hinnant's days_from_civil) for years ≥ 0. Pure integer math
    /// rather than Calendar, so no time zone or locale can shift a date by one day.
    private static func daysSinceEpoch(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let marchYear = month <= 2 ? year - 1 : year
        let era = marchYear / 400
        let yearOfEra = marchYear - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        return era * 146_097 + yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    }
}
