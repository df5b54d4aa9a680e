import ArgumentParser
import ZoneCore
import ZoneStore

struct ImportLedger: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Rows of one reform ledger, headed by its Chinese column labels (see the template on its page).")

    @OptionGroup var options: SheetOptions

    @Argument(help: "Ledger: \(LedgerKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: LedgerKind

    @OptionGroup var source: ImportFile

    func run() async throws {
        let table = try source.table()
        try await Import.run(options.database.db, zone: options.zone) { store, zoneID in
            let units = try await store.units.all(zoneID: zoneID)
            let people = try await store.people.onStrength(zoneID: zoneID)
            let references = LedgerReferences(
                units: Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0.name) }),
                people: Dictionary(uniqueKeysWithValues: people.map {
                    ($0.id, LedgerReferences.PersonRef(name: $0.name, unitID: $0.unitID, idNumber: $0.idNumber))
                }))
            let sheet = LedgerImport(table, kind: kind, references: references)
            guard sheet.errors.isEmpty else { throw ImportRefused(errors: sheet.errors) }
            return try await store.ledgers.createAll(sheet.records, zoneID: zoneID, actor: "cli").count
        }
    }
}

/// Ledger kinds are named on the command line by their English keys (`stripping`, `projects`, …).
extension LedgerKind: ExpressibleByArgument {}
