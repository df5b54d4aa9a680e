/// A calendar date without time zone (birth dates, hire dates), stored as "yyyy-MM-dd".
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses "yyyy-MM-dd" (also accepts "/" or "." as separators, as Excel users type them).
    public init(parsing raw: String) throws(ValidationError) {
        let text = raw.trimmingWhitespace()
        guard !text.isEmpty else { throw .required }
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." })
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              let date = CivilDate(year: y, month: m, day: d)
        else { throw .invalid("日期格式应为 yyyy-MM-dd，且须为有效日期") }
        self = date
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    var compactDigits: String { pad(year, 4) + pad(month, 2) + pad(day, 2) }

    public var description: String { pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) }

    public static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// Whole years from `self` to `other` (age on a date).
    public func years(until other: CivilDate) -> Int {
        other.year - year - ((other.month, other.day) < (month, day) ? 1 : 0)
    }
}

private func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.utf8.count >= width ? s : String(repeating: "0", count: width - s.utf8.count) + s
}

extension CivilDate {
    /// The date `months` later on the same day, clamped to the month's end (2024-11-30 + 3 → 2025-02-28).
    public func adding(months: Int) -> CivilDate {
        let total = year * 12 + (month - 1) + months
        let y = total / 12, m = total % 12 + 1
        return CivilDate(year: y, month: m, day: min(day, CivilDate.daysIn(month: m, year: y)))!
    }
}
