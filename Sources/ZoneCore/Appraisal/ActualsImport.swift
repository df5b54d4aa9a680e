/// A sheet of KPI actual values (实际值) for one appraisal, in the columns of its template: 指标编号, 指标名称,
/// 实际值 (the template's other columns, such as 计量单位, are there to read and are ignored).
///
/// Rows find their indicator by 指标编号, and 指标名称 must agree, so a sheet filled in for another appraisal is
/// refused instead of writing values to the wrong indicators. An empty 实际值 clears the value. Like every
/// import, all rows or none: `actuals` is empty unless `errors` is.
public struct ActualsImport: Sendable {
    public struct Target: Sendable {
        public let id: Int64
        public let name: String
        public let rule: IndicatorRule

        public init(id: Int64, name: String, rule: IndicatorRule) { (self.id, self.name, self.rule) = (id, name, rule) }
    }

    public static let columns = ["指标编号", "指标名称", "实际值"]

    /// Indicator id → actual (unit × 100 for weighted indicators, a count for items), nil to clear.
    public let actuals: [Int64: Int64?]
    public let errors: [ImportRowError]

    public init(_ table: CSVTable, indicators: [Target]) {
        let missing = Self.columns.filter { !table.header.contains($0) }
        guard missing.isEmpty else {
            actuals = [:]
            errors = missing.map { ImportRowError(line: 1, column: $0, message: "缺少必需的列") }
            return
        }
        let index = Dictionary(table.header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let byID = Dictionary(uniqueKeysWithValues: indicators.map { ($0.id, $0) })
        var actuals: [Int64: Int64?] = [:]
        var errors: [ImportRowError] = []
        var seen: [Int64: Int] = [:]
        for (offset, row) in table.rows.enumerated() {
            let line = table.lines[offset]
            func cell(_ column: String) -> String { index[column].map { row[$0].trimmingWhitespace() } ?? "" }
            guard let id = Int64(cell("指标编号")) else {
                errors.append(ImportRowError(line: line, column: "指标编号", message: "应为模板中的指标编号（整数）", cell: cell("指标编号")))
                continue
            }
            guard let indicator = byID[id] else {
                errors.append(ImportRowError(line: line, column: "指标编号", message: "本次考核没有编号为 \(id) 的指标"))
                continue
            }
            if cell("指标名称") != indicator.name {
                errors.append(ImportRowError(line: line, column: "指标名称", message: "与编号 \(id) 的指标“\(indicator.name)”不符"))
            }
            if let first = seen[id] {
                errors.append(ImportRowError(line: line, column: "指标编号", message: "与第\(first)行重复"))
            }
            seen[id] = seen[id] ?? line
            do { actuals[id] = .some(try indicator.rule.parseActual(cell("实际值"))) } catch {
                errors.append(ImportRowError(line: line, column: "实际值", message: error.message, cell: cell("实际值")))
            }
        }
        if table.rows.isEmpty { errors.append(ImportRowError(line: 1, column: "", message: "文件中没有数据行")) }
        self.errors = errors
        self.actuals = errors.isEmpty ? actuals : [:]
    }
}
