/// One column of a reform ledger: its key (stable, stored), its Chinese label (the form label and
/// the CSV/xlsx header) and how its text is checked and stored.
///
/// Values are stored in a canonical integer-or-text form so figures never depend on how a clerk
/// typed a number: money as fen, 亩 and percentages as tenths, dates as yyyy-MM-dd.
public struct LedgerField: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case text
        /// A whole number ≥ 0 (people, institutions, items).
        case count
        /// Yuan with up to two decimals, stored as fen.
        case money
        /// 亩 with up to one decimal, stored as tenths.
        case area
        /// A percentage with up to one decimal, stored as tenths (60.5 → 605).
        case percent
        case date
        /// yyyy-MM, for monthly records.
        case month
        case choice([String])
        /// 统一社会信用代码 (GB 32100).
        case creditCode
        /// The responsible unit: its id in forms, its name in CSV files. Scopes the row to a department.
        case unit
        /// A person of the register: id in forms; in sheets a name, the export's label or a 身份证号 (`LedgerPersonLabel`).
        /// Scopes the row to that person.
        case person
    }

    public let key: String
    public let label: String
    public let kind: Kind
    public let required: Bool
    public let hint: String

    public init(_ key: String, _ label: String, _ kind: Kind, required: Bool = true, hint: String = "") {
        self.key = key
        self.label = label
        self.kind = kind
        self.required = required
        self.hint = hint
    }

    /// The stored value as a person reads it ("¥1,234.56", "4930.0亩", "60.5%").
    public func display(_ stored: String) -> String {
        guard !stored.isEmpty, let number = Int(stored) else { return stored }
        switch kind {
        case .money: return Fen.text(Int64(number))
        case .area: return FixedPoint.format(number, places: 1) + "亩"
        case .percent: return FixedPoint.format(number, places: 1) + "%"
        default: return stored
        }
    }

    /// What a form or a CSV cell holds for a stored value, so exported files import again unchanged.
    public func editable(_ stored: String) -> String {
        guard !stored.isEmpty, let number = Int(stored) else { return stored }
        switch kind {
        case .money: return FixedPoint.format(number, places: 2)
        case .area, .percent: return FixedPoint.format(number, places: 1)
        default: return stored
        }
    }

    /// A value of the right shape for the import template's example row; `.unit` is filled by the caller with a
    /// unit the account may name.
    public var example: String {
        switch kind {
        case .text: "示例" + label
        case .count: "1"
        case .money: "10000.00"
        case .area: "12.5"
        case .percent: "60.0"
        case .date: "2024-01-15"
        case .month: "2024-01"
        case .choice(let options): options.first ?? ""
        case .creditCode: CreditCode.completing("91520500MA6AAAAAA")?.value ?? ""
        case .unit: ""
        case .person: "11010519491231002X"
        }
    }

    /// Checks one typed value (units and people are resolved by `LedgerInput`); "" for an empty optional field.
    func canonical(_ raw: String) throws(ValidationError) -> String {
        let text = raw.trimmingWhitespace()
        if text.isEmpty {
            if required { throw .required }
            return ""
        }
        switch kind {
        case .text, .unit, .person:
            guard text.count <= 200 else { throw .invalid("不能超过200字") }
            return text
        case .count:
            guard text.allSatisfy(\.isASCIIDigit), let n = Int(text), n <= 100_000_000 else { throw .invalid("应为不小于0的整数") }
            return String(n)
        case .money:
            // ¥1000亿 a row: a zone's totals over 100,000 rows still fit in `Int64`.
            guard let fen = FixedPoint.parse(text.replacingOccurrences(of: ",", with: ""), places: 2, limit: 10_000_000_000_000)
            else { throw .invalid("应为不超过1000亿的金额（元），最多两位小数") }
            return String(fen)
        case .area, .percent:
            // A percentage cell of a spreadsheet reads "60.5%" (and a clerk may type it so).
            let number = kind == .percent && text.hasSuffix("%") ? String(text.dropLast()) : text
            guard let tenths = FixedPoint.parse(number, places: 1, limit: kind == .percent ? 1000 : 1_000_000_000)
            else { throw .invalid(kind == .percent ? "应为0–100之间的百分数，最多一位小数" : "应为不超过1亿的面积（亩），最多一位小数") }
            return String(tenths)
        case .date:
            return try CivilDate(parsing: text).description
        case .month:
            guard let month = LedgerMonth(text) else { throw .invalid("月份格式应为 yyyy-MM") }
            return month.description
        case .choice(let options):
            guard options.contains(text) else { throw .invalid("应为：" + options.joined(separator: "、")) }
            return text
        case .creditCode:
            return try CreditCode(text).value
        }
    }
}

/// A calendar month, "2025-03".
public struct LedgerMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m), y >= 1900 else { return nil }
        year = y
        month = m
    }

    public var description: String { String(year) + "-" + (month < 10 ? "0" : "") + String(month) }

    public static func < (a: LedgerMonth, b: LedgerMonth) -> Bool { (a.year, a.month) < (b.year, b.month) }
}
