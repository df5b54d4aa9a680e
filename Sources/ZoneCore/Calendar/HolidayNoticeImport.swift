/// A holiday-notice file (CSV or .xlsx, one row per day: 日期, 安排 放假/上班, 节日, 通知文号) checked as a
/// whole, with every problem by line and column; `notice` is nil unless `errors` is empty, so a load is
/// all or nothing. 通知文号 repeats on every row, so the file alone says which notice it is.
///
/// The file must hold exactly one year, list every statutory day of that year as 放假 (a notice never
/// takes one away, so a missing one means a wrong or truncated file), and put 上班 only on a Saturday or
/// Sunday (a weekday is a working day anyway; a 上班 there is a typing slip).
///
/// ```
/// 日期,安排,节日,通知文号
/// 2027-01-01,放假,元旦,国办发明电〔2026〕N号
/// ```
public struct HolidayNoticeImport: Sendable {
    public static let columns = ["日期", "安排", "节日", "通知文号"]
    /// The years the calendar can hold (the statutory table's span).
    public static let years = 2000...2100
    static let maxSourceLength = 100
    static let maxNameLength = 20

    /// A year's template: every statutory day as 放假, 通知文号 left for the clerk to fill in; the notice's
    /// bridging days and 调休上班 rows are added from the notice.
    public static func template(year: Int) -> [[String]] {
        StatutoryHolidays.days(in: year).map { [$0.date.description, HolidayNotice.Kind.off.label, $0.name, ""] }
    }

    public let notice: HolidayNotice?
    public let errors: [ImportRowError]

    public init(_ table: CSVTable) {
        var errors: [ImportRowError] = []
        let missing = Self.columns.filter { !table.header.contains($0) }
        guard missing.isEmpty else {
            self.errors = errors + missing.map { ImportRowError(line: 1, column: $0, message: "缺少必需的列") }
            notice = nil
            return
        }
        let index = Dictionary(table.header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var days: [HolidayNotice.Day] = []
        var seen: [CivilDate: Int] = [:]
        var year: (value: Int, line: Int)?
        var source: (value: String, line: Int)?
        for (row, line) in zip(table.rows, table.lines) {
            func cell(_ column: String) -> String { row[index[column]!].trimmingWhitespace() }
            let document = cell("通知文号")
            if document.isEmpty || document.count > Self.maxSourceLength {
                errors.append(ImportRowError(line: line, column: "通知文号", message: document.isEmpty ? "必填（国务院办公厅通知的文号或标题）" : "最多\(Self.maxSourceLength)字"))
            } else if let source, source.value != document {
                errors.append(ImportRowError(line: line, column: "通知文号", message: "与第\(source.line)行不同：一个文件只能是一份通知"))
            } else if source == nil {
                source = (document, line)
            }
            let kind = HolidayNotice.Kind(label: cell("安排"))
            if kind == nil { errors.append(ImportRowError(line: line, column: "安排", message: "应为“放假”或“上班”，实际为“\(cell("安排"))”")) }
            let name = cell("节日")
            if name.isEmpty || name.count > Self.maxNameLength {
                errors.append(ImportRowError(line: line, column: "节日", message: name.isEmpty ? "必填" : "最多\(Self.maxNameLength)字"))
            }
            guard let date = try? CivilDate(parsing: cell("日期")) else {
                errors.append(ImportRowError(line: line, column: "日期", message: "日期格式应为 yyyy-MM-dd，且须为有效日期"))
                continue
            }
            if let first = seen[date] {
                errors.append(ImportRowError(line: line, column: "日期", message: "\(date) 与第\(first)行重复"))
                continue
            }
            seen[date] = line
            if let year, year.value != date.year {
                errors.append(ImportRowError(line: line, column: "日期", message: "一个文件只能是一个年度：第\(year.line)行为\(year.value)年，本行为\(date.year)年"))
                continue
            }
            if year == nil {
                guard Self.years.contains(date.year) else {
                    errors.append(ImportRowError(line: line, column: "日期", message: "年度应在\(Self.years.lowerBound)–\(Self.years.upperBound)之间"))
                    continue
                }
                year = (date.year, line)
            }
            if kind == .work && !date.isWeekend {
                errors.append(ImportRowError(line: line, column: "安排", message: "\(date) 不是周六或周日，调休上班日应为周末"))
            }
            if let kind, !name.isEmpty { days.append(HolidayNotice.Day(date: date, kind: kind, name: name)) }
        }
        if let year {
            let off = Set(days.filter { $0.kind == .off }.map(\.date))
            for statutory in StatutoryHolidays.days(in: year.value) where !off.contains(statutory.date) {
                errors.append(ImportRowError(line: seen[statutory.date] ?? 1, column: "日期",
                                             message: "法定节日 \(statutory.date)（\(statutory.name)）未列为放假"))
            }
        } else if table.rows.isEmpty {
            errors.append(ImportRowError(line: 1, column: "", message: "文件中没有数据行"))
        }
        self.errors = errors.sorted { $0.line < $1.line }
        notice = if errors.isEmpty, let year, let source { HolidayNotice(year: year.value, source: source.value, days: days) } else { nil }
    }
}
