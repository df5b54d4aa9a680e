import ArgumentParser
import ZoneStore
import ZoneWeb

struct ExportPeople: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "people",
        abstract: "The zone's register, unmasked, in the people import's columns; the export is recorded in the audit log.")

    @OptionGroup var options: SheetOptions
    @OptionGroup var output: ExportOutput

    func run() async throws {
        try await Export.write(options, to: output.output) { store, zoneID in
            let sheet = try await SheetExports.people(store, zoneID: zoneID)
            // Full ID numbers and phones leave the system: a read of personal data, audited (PIPL).
            try await store.record(AuditEntry(actor: "cli", action: "person.export", entity: "zone", entityID: String(zoneID),
                                              detail: "rows=\(sheet.rows.count)", zoneID: zoneID))
            return sheet
        }
    }
}
