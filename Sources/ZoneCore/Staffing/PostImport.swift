/// A sheet of posts for the catalogue (岗位目录), checked row by row like the post form, with every problem
/// reported by line and column; `posts` is empty unless `errors` is, so an import is all or nothing.
///
/// 单位 is the unit's name. A post whose unit and title are already in the catalogue (and in force), or repeat
/// an earlier row, is refused as a duplicate: importing the same sheet twice must not double the catalogue.
public struct PostImport: Sendable {
    public static let columns = ["单位", "岗位名称", "岗位层级", "岗位类别", "薪酬系数", "岗位数", "聘期（年）", "领导职务级别",
                                 "任职条件", "有效期起", "有效期止"]
    static let required: Set<String> = ["单位", "岗位名称", "岗位层级", "岗位类别", "薪酬系数", "岗位数", "聘期（年）"]
    static let fieldColumns = ["unitID": "单位", "title": "岗位名称", "level": "岗位层级", "category": "岗位类别", "payCoefficient": "薪酬系数",
                               "headcount": "岗位数", "termYears": "聘期（年）", "leadership": "领导职务级别", "requirements": "任职条件",
                               "validFrom": "有效期起", "validTo": "有效期止"]

    public let posts: [Post]
    public let errors: [ImportRowError]

    /// `units` is the zone's org tree (a 单位 is named as `UnitReference` reads it); `existing` is the catalogue as it stands;
    /// `staffing` is the zone's policy (nil for a zone without one), as for the form.
    public init(_ table: CSVTable, units: UnitTree, existing: [Post], staffing: StaffingRules?) {
        let missing = Self.columns.filter { Self.required.contains($0) && !table.header.contains($0) }
        guard missing.isEmpty else {
            posts = []
            errors = missing.map { ImportRowError(line: 1, column: $0, message: "缺少必需的列") }
            return
        }
        let index = Dictionary(table.header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let unitNames = UnitReference(units)
        var taken: [String: Int] = [:]
        for post in existing where post.active { taken[Self.key(post)] = 0 }
        var posts: [Post] = []
        var errors: [ImportRowError] = []
        for (offset, row) in table.rows.enumerated() {
            let line = table.lines[offset]
            func cell(_ column: String) -> String { index[column].map { row[$0] } ?? "" }
            let unitName = cell("单位").trimmingWhitespace()
            let unit: Int64? = if case .unit(let id) = unitNames.resolve(unitName) { id } else { nil }
            var input = PostInput()
            (input.unitID, input.title, input.level, input.category) = (unit.map(String.init) ?? "", cell("岗位名称"), cell("岗位层级"), cell("岗位类别"))
            (input.payCoefficient, input.headcount, input.termYears) = (cell("薪酬系数"), cell("岗位数"), cell("聘期（年）"))
            (input.leadership, input.requirements, input.validFrom, input.validTo) = (cell("领导职务级别"), cell("任职条件"), cell("有效期起"), cell("有效期止"))
            switch input.validate(knownUnits: Set(units.units.map(\.id)), staffing: staffing) {
            case .failure(let fieldErrors):
                for (field, message) in fieldErrors.byField {
                    let unitProblem = field == "unitID" && !unitName.isEmpty
                    let column = Self.fieldColumns[field] ?? field
                    errors.append(ImportRowError(line: line, column: column,
                                                 message: unitProblem ? unitNames.problem(unitName) ?? message : message,
                                                 cell: cell(column)))
                }
            case .success(let post):
                if let first = taken[Self.key(post)] {
                    errors.append(ImportRowError(line: line, column: "岗位名称",
                                                 message: first == 0 ? "“\(unitName)”已有在用岗位“\(post.title)”" : "与第\(first)行重复"))
                } else {
                    taken[Self.key(post)] = line
                    posts.append(post)
                }
            }
        }
        if table.rows.isEmpty { errors.append(ImportRowError(line: 1, column: "", message: "文件中没有数据行")) }
        let order = Dictionary(uniqueKeysWithValues: Self.columns.enumerated().map { ($1, $0) })
        self.errors = errors.sorted { ($0.line, order[$0.column] ?? 99) < ($1.line, order[$1.column] ?? 99) }
        self.posts = errors.isEmpty ? posts : []
    }

    private static func key(_ post: Post) -> String { "\(post.unitID)|\(post.title)" }
}
