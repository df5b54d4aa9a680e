extension PeopleImport {
    /// Checks a sheet a run of rows at a time, in file order, so that a caller can write the rows
    /// checked so far while it checks the next run (`PersonRepository.importSheet` does). Duplicates
    /// are found across runs; quotas are checked over the whole sheet by `finish`, which gives the
    /// same `PeopleImport` as checking all rows at once.
    public struct Checker: Sendable {
        let book: QuotaBook
        public let existingIDs: Set<String>
        /// Each template column's position in this sheet, looked up once rather than per cell.
        let position: [Int?]
        let unitNames: UnitReference
        let knownUnits: Set<Int64>
        /// No birth date may be after it.
        let today: CivilDate
        /// The header lacks a required column: no row is checked.
        let headerIncomplete: Bool
        var seen: [String: Int] = [:]
        var valid: [(line: Int, person: ValidPerson)] = []
        var errors: [RowError] = []

        /// A checker for a sheet with `header` in a zone whose units are in `book`; `existingIDs` are ID
        /// numbers already registered; `rowCount` (if known) sizes the tables; `today` is the caller's date.
        public init(header: [String], book: QuotaBook, existingIDs: Set<String>, rowCount: Int = 0, today: CivilDate) {
            self.book = book
            self.today = today
            self.existingIDs = existingIDs
            let index = Dictionary(header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            position = PeopleImport.columns.map { index[$0] }
            unitNames = UnitReference(book.tree)
            knownUnits = Set(book.tree.units.map(\.id))
            seen.reserveCapacity(rowCount)
            valid.reserveCapacity(rowCount)
            errors = PeopleImport.columns.filter { PeopleImport.required.contains($0) && index[$0] == nil }
                .map { RowError(line: 1, column: $0, message: "缺少必需的列") }
            headerIncomplete = !errors.isEmpty
        }

        /// Whether any row checked so far, or the header, is wrong.
        public var hasErrors: Bool { !errors.isEmpty }

        /// Checks the next `rows` of the sheet (with their `lines`) and returns the people of those that
        /// passed, in order. Nothing is checked once the header lacks a required column.
        public mutating func check(_ rows: ArraySlice<[String]>, lines: ArraySlice<Int>) -> [ValidPerson] {
            guard !headerIncomplete else { return [] }
            var accepted: [ValidPerson] = []
            accepted.reserveCapacity(rows.count)
            for (row, line) in zip(rows, lines) {
                if let person = check(row, line: line) { accepted.append(person) }
            }
            return accepted
        }

        private mutating func check(_ row: [String], line: Int) -> ValidPerson? {
            func cell(_ column: Column) -> String { position[column.rawValue].map { row[$0] } ?? "" }
            let unitName = cell(.unit).trimmingWhitespace()
            let unit: Int64? = if case .unit(let id) = unitNames.resolve(unitName) { id } else { nil }
            if !unitName.isEmpty, let problem = unitNames.problem(unitName) {
                errors.append(RowError(line: line, column: "单位", message: problem))
            }
            let input = PersonInput(name: cell(.name), idNumber: cell(.idNumber), phone: cell(.phone),
                                    unitID: unit.map(String.init) ?? (unitName.isEmpty ? "" : "0"),
                                    establishment: cell(.establishment), archivePost: cell(.archivePost), archiveRank: cell(.archiveRank),
                                    status: cell(.status).isEmpty ? PersonStatus.active.rawValue : cell(.status),
                                    leadership: cell(.leadership), workStartedOn: cell(.workStartedOn))
            switch input.validate(knownUnits: knownUnits, today: today) {
            case .failure(let fieldErrors):
                for (field, message) in fieldErrors.byField.sorted(by: { $0.key < $1.key }) where !(field == "unitID" && unit == nil && !unitName.isEmpty) {
                    let column = PeopleImport.fieldColumns[field] ?? field
                    let text = PeopleImport.columns.firstIndex(of: column).flatMap { position[$0] }.map { row[$0] } ?? ""
                    errors.append(RowError(line: line, column: column, message: message, cell: text))
                }
            case .success(let person):
                if existingIDs.contains(person.idNumber) {
                    errors.append(RowError(line: line, column: "身份证号", message: "已在名册中登记"))
                } else if let first = seen[person.idNumber] {
                    errors.append(RowError(line: line, column: "身份证号", message: "与第\(first)行重复"))
                } else {
                    seen[person.idNumber] = line
                    valid.append((line, person))
                    return person
                }
            }
            return nil
        }

        /// The whole sheet's outcome: quotas checked over every valid row, errors in reading order.
        public func finish() -> PeopleImport {
            var errors = errors
            // Quotas are checked in file order, so the row that first exceeds a quota carries the error.
            for (row, violations) in book.violationsByRow(valid.map { StaffingChange(before: nil, after: $0.person.placement, label: $0.person.name) }) {
                for v in violations { errors.append(RowError(line: valid[row].line, column: "编制类型", message: v.message)) }
            }
            // Row order, then the template's column order, as the clerk reads the sheet.
            let order = Dictionary(uniqueKeysWithValues: PeopleImport.columns.enumerated().map { ($1, $0) })
            let sorted = errors.sorted { ($0.line, order[$0.column] ?? 99, $0.message) < ($1.line, order[$1.column] ?? 99, $1.message) }
            return PeopleImport(people: sorted.isEmpty ? valid.map(\.person) : [], errors: sorted)
        }
    }
}
