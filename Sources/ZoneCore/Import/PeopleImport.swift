/// An import of people from a sheet: every row validated, then checked against quotas in file
/// order, with every problem reported by row and column. Nothing is written unless all rows pass.
///
/// Columns (Chinese headers, as in the downloadable template): 姓名, 身份证号, 手机号, 单位,
/// 编制类型, 档案职务, 档案职级, 领导职务级别, 人员状态, 参加工作时间. 单位 is the unit's name; 参加工作时间
/// (the seniority tie rule's date) is optional, and a sheet made before it existed imports as it did.
public struct PeopleImport: Sendable {
    public typealias RowError = ImportRowError
    public typealias Refused = ImportRefused

    public static let columns = ["姓名", "身份证号", "手机号", "单位", "编制类型", "档案职务", "档案职级", "领导职务级别", "人员状态", "参加工作时间"]
    /// Positions in `columns`.
    enum Column: Int {
        case name, idNumber, phone, unit, establishment, archivePost, archiveRank, leadership, status, workStartedOn
    }
    static let required: Set<String> = ["姓名", "身份证号", "单位", "编制类型"]
    static let fieldColumns = ["name": "姓名", "idNumber": "身份证号", "phone": "手机号", "unitID": "单位", "establishment": "编制类型",
                               "archivePost": "档案职务", "archiveRank": "档案职级", "leadership": "领导职务级别", "status": "人员状态",
                               "workStartedOn": "参加工作时间"]

    public let people: [ValidPerson]
    public let errors: [RowError]

    /// Validates `table` for a zone whose units are in `book`; `existingIDs` are ID numbers already registered;
    /// `today` is the caller's date.
    public init(_ table: CSVTable, book: QuotaBook, existingIDs: Set<String>, today: CivilDate) {
        var checker = Checker(header: table.header, book: book, existingIDs: existingIDs, rowCount: table.rows.count, today: today)
        _ = checker.check(table.rows[...], lines: table.lines[...])
        self = checker.finish()
    }

    init(people: [ValidPerson], errors: [RowError]) {
        self.people = people
        self.errors = errors
    }
}
