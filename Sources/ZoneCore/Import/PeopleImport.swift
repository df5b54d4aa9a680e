/// An import of people from a sheet: every row validated, then checked against quotas in file
/// order, with every problem reported by row and column. Nothing is written unless all rows pass.
///
/// Columns (Chinese headers, as in the downloadable template): 姓名, 身份证号, 手机号, 单位,
/// 编制类型, 档案职务, 档案职级, 领导职务级别, 人员状态. 单位 is the unit's name.
public struct PeopleImport: Sendable {
    public typealias RowError = ImportRowError
    public typealias Refused = ImportRefused

    public static let columns = ["姓名", "身份证号", "手机号", "单位", "编制类型", "档案职务", "档案职级", "领导职务级别", "人员状态"]
    static let required: Set<String> = ["姓名", "身份证号", "单位", "编制类型"]
    static let fieldColumns = ["name": "姓名", "idNumber": "身份证号", "phone": "手机号", "unitID": "单位", "establishment": "编制类型",
                               "archivePost": "档案职务", "archiveRank": "档案职级", "leadership": "领导职务级别", "status": "人员状态"]

    public let people: [ValidPerson]
    public let errors: [RowError]

    /// Validates `table` for a zone whose units are in `book`; `existingIDs` are ID numbers already registered.
    public init(_ table: CSVTable, book: QuotaBook, existingIDs: Set<String>) {
        var errors: [RowError] = []
        let missing = Self.columns.filter { Self.required.contains($0) && !table.header.contains($0) }
        guard missing.isEmpty else {
            self.people = []
            self.errors = missing.map { RowError(line: 1, column: $0, message: "缺少必需的列") }
            return
        }
        let index = Dictionary(table.header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var byName: [String: [Int64]] = [:]
        for unit in book.tree.units { byName[unit.name, default: []].append(unit.id) }
        let knownUnits = Set(book.tree.units.map(\.id))
        var valid: [(line: Int, person: ValidPerson)] = []
        var seen: [String: Int] = [:]
        for (offset, row) in table.rows.enumerated() {
            let line = table.lines[offset]
            func cell(_ column: String) -> String { index[column].map { row[$0] } ?? "" }
            let unitName = cell("单位").trimmingWhitespace()
            let units = byName[unitName] ?? []
            if !unitName.isEmpty && units.count != 1 {
                errors.append(RowError(line: line, column: "单位", message: units.isEmpty ? "单位“\(unitName)”不存在" : "单位名称“\(unitName)”不唯一"))
            }
            let input = PersonInput(name: cell("姓名"), idNumber: cell("身份证号"), phone: cell("手机号"),
                                    unitID: units.count == 1 ? String(units[0]) : (unitName.isEmpty ? "" : "0"),
                                    establishment: cell("编制类型"), archivePost: cell("档案职务"), archiveRank: cell("档案职级"),
                                    status: cell("人员状态").isEmpty ? PersonStatus.active.rawValue : cell("人员状态"),
                                    leadership: cell("领导职务级别"))
            switch input.validate(knownUnits: knownUnits) {
            case .failure(let fieldErrors):
                for (field, message) in fieldErrors.byField.sorted(by: { $0.key < $1.key }) where !(field == "unitID" && units.count != 1 && !unitName.isEmpty) {
                    errors.append(RowError(line: line, column: Self.fieldColumns[field] ?? field, message: message))
                }
            case .success(let person):
                if existingIDs.contains(person.idNumber) {
                    errors.append(RowError(line: line, column: "身份证号", message: "已在名册中登记"))
                } else if let first = seen[person.idNumber] {
                    errors.append(RowError(line: line, column: "身份证号", message: "与第\(first)行重复"))
                } else {
                    seen[person.idNumber] = line
                    valid.append((line, person))
                }
            }
        }
        // Quotas are checked in file order, so the row that first exceeds a quota carries the error.
        for (line, violations) in book.violationsByRow(valid.map { StaffingChange(before: nil, after: $0.person.placement, label: $0.person.name) }) {
            for v in violations { errors.append(RowError(line: valid[line].line, column: "编制类型", message: v.message)) }
        }
        // Row order, then the template's column order, as the clerk reads the sheet.
        let order = Dictionary(uniqueKeysWithValues: Self.columns.enumerated().map { ($1, $0) })
        self.errors = errors.sorted { ($0.line, order[$0.column] ?? 99, $0.message) < ($1.line, order[$1.column] ?? 99, $1.message) }
        self.people = errors.isEmpty ? valid.map(\.person) : []
    }
}
