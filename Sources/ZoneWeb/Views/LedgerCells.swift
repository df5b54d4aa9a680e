import ZoneCore
import ZoneStore

/// Names for the unit and person ids a ledger row holds, loaded once per page.
struct LedgerNames {
    let units: [Int64: String]
    let people: [Int64: String]
    /// How a sheet names each person so that it imports again (`LedgerPersonLabel`).
    let sheetPeople: [Int64: String]

    static func load(_ env: AppEnvironment, _ principal: Principal) async throws -> LedgerNames {
        try await load(env.store, zoneID: try principal.zoneID)
    }

    static func load(_ store: Store, zoneID: Int64) async throws -> LedgerNames {
        let units = try await store.units.all(zoneID: zoneID)
        let people = try await store.people.onStrength(zoneID: zoneID)
        return LedgerNames(units: Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0.name) }),
                           people: Dictionary(uniqueKeysWithValues: people.map { ($0.id, $0.name) }),
                           sheetPeople: LedgerPersonLabel.labels(people.map { ($0.id, $0.name, $0.idNumber) }))
    }

    /// A field's value as the list shows it.
    func text(_ field: LedgerField, _ record: LedgerRecord) -> String {
        switch field.kind {
        case .unit: record.unitID.flatMap { units[$0] } ?? ""
        case .person: record.personID.flatMap { people[$0] } ?? ""
        default: field.display(record[field.key])
        }
    }
}

/// Ledger values as typed spreadsheet cells: money stays money, dates stay dates.
enum LedgerCells {
    static func cell(_ field: LedgerField, _ record: LedgerRecord, _ names: LedgerNames) -> XLSXCell {
        let value = record[field.key]
        switch field.kind {
        case .unit: return .text(names.text(field, record))
        case .person: return .text(record.personID.flatMap { names.sheetPeople[$0] } ?? "")
        case _ where value.isEmpty: return .empty
        case .count: return Int(value).map(XLSXCell.integer) ?? .text(value)
        case .money: return Int(value).map { .money(fen: $0) } ?? .text(value)
        case .percent: return Int(value).map { .percent(tenths: $0) } ?? .text(value)
        case .area: return Int(value).map { .decimal(Double($0) / 10) } ?? .text(value)
        case .date: return .date(stored: value)
        case .text, .month, .choice, .creditCode: return .text(value)
        }
    }
}
