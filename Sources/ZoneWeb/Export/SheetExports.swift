import Foundation
import ZoneCore
import ZoneStore

/// The sheets that both the web pages and `zonedesk export` write, so a file is the same whichever made it.
/// Their columns are the import templates' columns, so an exported sheet, edited, imports again.
public enum SheetExports {
    /// The zone's register (the people `including` accepts: a page passes the account's scope), unmasked:
    /// callers audit the export as a read of personal data.
    public static func people(_ store: Store, zoneID: Int64, including: (Person) -> Bool = { _ in true }) async throws -> XLSXSheet {
        let units = Dictionary(uniqueKeysWithValues: try await store.units.all(zoneID: zoneID).map { ($0.id, $0.name) })
        let people = try await store.people.register(zoneID: zoneID).filter(including)
        var sheet = try XLSXSheet(name: "人员名册", header: PeopleImport.columns, columnWidths: [10, 22, 14, 20, 10, 14, 14, 12, 10, 12])
        sheet.rows = people.map { person in
            [person.name, person.idNumber, person.phone ?? "", units[person.unitID] ?? "", person.establishment.rawValue,
             person.archivePost, person.archiveRank, person.leadership?.rawValue ?? "", person.status.rawValue, person.workStartedOn ?? ""]
                .map { $0.isEmpty ? .empty : .text($0) }
        }
        return sheet
    }

    /// The posts in force (the ones a re-import would not refuse as 停用 history), in the post import's columns,
    /// 有效期 as real date cells like the ledgers'.
    public static func posts(_ store: Store, zoneID: Int64, including: (Post) -> Bool = { _ in true }) async throws -> XLSXSheet {
        let units = Dictionary(uniqueKeysWithValues: try await store.units.all(zoneID: zoneID).map { ($0.id, $0.name) })
        var sheet = try XLSXSheet(name: "岗位目录", header: PostImport.columns, columnWidths: [20, 20, 10, 10, 10, 8, 10, 12, 30, 12, 12])
        sheet.rows = try await store.posts.all(zoneID: zoneID).filter { $0.active && including($0) }.map { post in
            [.text(units[post.unitID] ?? ""), .text(post.title), .integer(post.level), .text(post.category.rawValue),
             .text(post.payCoefficientText), .integer(post.headcount), .integer(post.termYears)]
                + [post.leadership?.rawValue ?? "", post.requirements].map { $0.isEmpty ? .empty : .text($0) }
                + [.date(stored: post.validFrom ?? ""), .date(stored: post.validTo ?? "")]
        }
        return sheet
    }

    /// The zone's live units in tree order, in the 三定 import's columns: 上级机构 is the parent's name, or its path
    /// from the root where the name is not unique, so the sheet imports again unchanged.
    public static func units(_ store: Store, zoneID: Int64) async throws -> XLSXSheet {
        let book = try await store.quotas.book(zoneID: zoneID)
        let registers = try await store.units.registers(zoneID: zoneID)
        let tree = book.tree
        var named: [String: Int] = [:]
        for unit in tree.units { named[unit.name, default: 0] += 1 }
        func path(_ id: Int64) -> String {
            guard let unit = tree[id] else { return "" }
            return unit.parentID.map { path($0) + String(UnitImport.pathSeparator) + unit.name } ?? unit.name
        }
        func reference(_ id: Int64) -> String { tree[id].map { named[$0.name] == 1 ? $0.name : path(id) } ?? "" }
        var sheet = try XLSXSheet(name: "三定方案", header: UnitImport.columns,
                                  columnWidths: [24, 24, 14, 10, 10, 10, 22, 30] + QuotaItem.all.map { _ in 10 } + [10])
        sheet.rows = tree.flattened().map { unit, _ in
            let register = registers[unit.id] ?? UnitRegister()
            let quotas: [Int?] = QuotaItem.all.map { item in
                switch item {
                case .establishment(let c): book.establishment[unit.id]?[c]
                case .leadership(let c): book.leadership[unit.id]?[c]
                }
            }
            return [unit.name, unit.parentID.map(reference) ?? "", unit.kind.label, unit.orgType.rawValue, unit.funding?.rawValue ?? "",
                    unit.rank, register.creditCode, register.establishedBy].map { $0.isEmpty ? .empty : .text($0) }
                + quotas.map { $0.map(XLSXCell.integer) ?? .empty } + [.text(unit.isEconomic ? "是" : "否")]
        }
        return sheet
    }

    /// One ledger's rows with typed cells (money as money, dates as dates).
    static func ledger(_ kind: LedgerKind, _ entries: [LedgerEntry], _ names: LedgerNames) throws -> XLSXSheet {
        var sheet = try XLSXSheet(name: kind.label, header: kind.fields.map(\.label), columnWidths: kind.fields.map { _ in 18 })
        sheet.rows = entries.map { entry in kind.fields.map { field in LedgerCells.cell(field, entry.record, names) } }
        return sheet
    }

    /// Every row of one ledger of the zone, for the CLI.
    public static func ledger(_ kind: LedgerKind, _ store: Store, zoneID: Int64) async throws -> XLSXSheet {
        try ledger(kind, try await store.ledgers.all(zoneID: zoneID, kind: kind), try await LedgerNames.load(store, zoneID: zoneID))
    }

    /// Every problem of a refused import, one a row, for the clerk to work through in Excel.
    static func importErrors(_ errors: [ImportRowError]) throws -> XLSXSheet {
        var sheet = try XLSXSheet(name: "导入问题", header: ["行号", "列", "问题"], columnWidths: [8, 16, 60])
        sheet.rows = errors.map { [.integer($0.line), .text($0.column), .text($0.message)] }
        return sheet
    }

    /// The sheet as an .xlsx file, or as CSV (UTF-8 with BOM, formula-like texts neutralised) when `csv` is set.
    public static func file(_ sheet: XLSXSheet, csv: Bool) throws -> Data {
        if csv {
            return Data(CSVTable.rendered(header: sheet.header, rows: sheet.rows.map { $0.map(\.plainText) }).utf8)
        }
        var book = XLSXWorkbook()
        try book.add(sheet)
        return try book.data()
    }
}
