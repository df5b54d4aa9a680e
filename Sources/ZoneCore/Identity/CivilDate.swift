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

    /// Parses a date as clerks and spreadsheets in zh-CN write it: 2024-01-15, 2024/1/15 (Excel and WPS, and their
    /// CSV files), 2024.1.15, 2024年1月15日, full-width digits too. The year has four digits in 1900–9999 (Excel's
    /// range, and no record here is older); one separator throughout, so 2024-1/15 is a typo, not a date.
    public init(parsing raw: String) throws(ValidationError) {
        let text = raw.foldingFullWidth().trimmingWhitespace()
        guard !text.isEmpty else { throw .required }
        guard let date = Self.fields(of: text).flatMap({ CivilDate(year: $0, month: $1, day: $2) }) else {
            let shown = text.count > 20 ? String(text.prefix(20)) + "…" : text
            throw .invalid("日期“\(shown)”无效：应为有效日期，如 2024-01-15、2024/1/15 或 2024年1月15日")
        }
        self = date
    }

    /// Year, month and day of a date's text, unchecked against the calendar; nil when it has another shape.
    private static func fields(of text: String) -> (Int, Int, Int)? {
        var parts: [Substring]
        if text.hasSuffix("日") {
            let body = text.dropLast()
            guard let year = body.firstIndex(of: "年"), let month = body.firstIndex(of: "月"), year < month else { return nil }
            parts = [body[..<year], body[body.index(after: year)..<month], body[body.index(after: month)...]]
        } else {
            guard let separator = text.first(where: { $0 == "-" || $0 == "/" || $0 == "." }) else { return nil }
            parts = text.split(separator: separator, omittingEmptySubsequences: false)
        }
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let year = Int(parts[0]), year >= 1900, let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        return (year, month, day)
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
