/// A zone's org tree (三定方案) from a sheet: one row per unit with the unit fields of the national
/// 机构编制实名制数据库, every row checked and every problem reported by line and column. `entries` is empty
/// unless `errors` is, so an import is all or nothing.
///
/// Columns (`columns`): 机构名称, 上级机构, 机构类别, 机构性质, 经费形式, 机构规格, 统一社会信用代码, 设立文件与时间, one per
/// quota (行政编制 … 员额, 正处级领导职数 … 科级领导职数), 是否经济职能. A quota cell left empty means the unit holds
/// none of that kind (it shares its parent's); 0 is a quota of nought.
///
/// 上级机构 is empty for a root. Otherwise it names a row of the sheet, or else an existing unit; where a name
/// is not unique it is written as a path from the root, "经济开发区/大数据产业园" (the export writes paths only
/// where needed). A unit is the same unit as an existing one when their paths are equal, so importing into a
/// zone that has units updates the units the sheet names (fields and quotas, each quota change a 台账 line),
/// adds the new ones, and leaves the rest as they are: they are listed in `unlisted`, never deleted — moving
/// or abolishing a unit is a restructuring plan's job. Re-importing a zone's own export changes nothing.
///
/// ```swift
/// let sheet = UnitImport(table, book: currentBook, registers: [:])
/// guard sheet.errors.isEmpty else { throw ImportRefused(errors: sheet.errors) }
/// ```
public struct UnitImport: Sendable {
    public static let fieldColumns = ["机构名称", "上级机构", "机构类别", "机构性质", "经费形式", "机构规格", "统一社会信用代码", "设立文件与时间"]
    public static let columns = fieldColumns + QuotaItem.all.map(\.label) + ["是否经济职能"]
    static let required: Set<String> = ["机构名称", "上级机构", "机构类别", "机构性质"]
    /// A quota above this is a typing error, not a unit (the largest zones have a few thousand places).
    public static let maxQuota = 100_000
    public static let maxName = 60
    public static let maxRank = 20
    /// Separates the names of a path in 上级机构.
    public static let pathSeparator: Character = "/"

    /// Where an entry hangs: at the top, under an existing unit, or under an earlier entry.
    public enum Parent: Hashable, Sendable {
        case root
        case unit(Int64)
        case entry(Int)
    }

    /// One row, checked: the unit as it will be (`unit.id` is the existing unit's, or 0 for a new one).
    public struct Entry: Sendable, Equatable {
        public let line: Int
        public let unit: Unit
        public let parent: Parent
        public let register: UnitRegister
        public let quotas: [QuotaItem: Int]
        /// Nil for a unit to create.
        public let existingID: Int64?
        /// An existing unit whose fields (not quotas) the sheet changes.
        public let fieldsChanged: Bool
        /// Root-first names, joined by `pathSeparator`.
        public let path: String

        public var establishment: [EstablishmentCategory: Int] {
            var out: [EstablishmentCategory: Int] = [:]
            for case (.establishment(let c), let n) in quotas { out[c] = n }
            return out
        }

        public var leadership: [LeadershipClass: Int] {
            var out: [LeadershipClass: Int] = [:]
            for case (.leadership(let c), let n) in quotas { out[c] = n }
            return out
        }
    }

    /// A quota the import sets, changes or withdraws: one 台账 line.
    public struct QuotaChange: Sendable, Equatable {
        /// Index in `entries`.
        public let entry: Int
        public let item: QuotaItem
        public let old: Int?
        public let new: Int?
    }

    /// Parents before children, otherwise in file order.
    public let entries: [Entry]
    public let quotaChanges: [QuotaChange]
    /// Existing units the sheet does not name, kept as they are (ids, in tree order).
    public let unlisted: [Int64]
    public let errors: [ImportRowError]

    /// Whether writing the sheet would change nothing.
    public var isUnchanged: Bool { quotaChanges.isEmpty && entries.allSatisfy { $0.existingID != nil && !$0.fieldsChanged } }

    /// Checks `table` against the zone as it is: `book` holds its units, quotas and current people (a quota below
    /// the people already counting against it is refused), `registers` its units' register fields.
    public init(_ table: CSVTable, book: QuotaBook, registers: [Int64: UnitRegister]) {
        var errors = Self.columns.filter { Self.required.contains($0) && !table.header.contains($0) }
            .map { ImportRowError(line: 1, column: $0, message: "缺少必需的列") }
        if errors.isEmpty && table.rows.isEmpty { errors.append(ImportRowError(line: 1, column: "", message: "文件中没有数据行")) }
        guard errors.isEmpty else {
            (entries, quotaChanges, unlisted, self.errors) = ([], [], [], errors)
            return
        }
        let index = Dictionary(table.header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let rows = zip(table.rows, table.lines).map { row, line in
            Self.parse(line: line) { column in index[column].map { row[$0] } ?? "" }
        }
        var plan = Planner(rows: rows, book: book, registers: registers)
        plan.run()
        let order = Dictionary(uniqueKeysWithValues: Self.columns.enumerated().map { ($1, $0) })
        let sorted = plan.errors.sorted { ($0.line, order[$0.column] ?? 99, $0.message) < ($1.line, order[$1.column] ?? 99, $1.message) }
        self.errors = sorted
        entries = sorted.isEmpty ? plan.entries : []
        quotaChanges = sorted.isEmpty ? plan.changes : []
        unlisted = sorted.isEmpty ? plan.unlisted : []
    }
}
