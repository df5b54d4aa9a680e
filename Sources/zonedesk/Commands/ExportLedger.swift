import ArgumentParser
import ZoneCore
import ZoneWeb

struct ExportLedger: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ledger", abstract: "Every row of one reform ledger of the zone.")

    @OptionGroup var options: SheetOptions
    @OptionGroup var output: ExportOutput

    @Argument(help: "Ledger: \(LedgerKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: LedgerKind

    func run() async throws {
        try await Export.write(options, to: output.output) { store, zoneID in try await SheetExports.ledger(kind, store, zoneID: zoneID) }
    }
}
