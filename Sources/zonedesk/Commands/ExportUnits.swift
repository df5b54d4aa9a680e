import ArgumentParser
import ZoneStore
import ZoneWeb

struct ExportUnits: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "units",
        abstract: "The zone's org tree (三定方案) in the units import's columns; importing it again changes nothing.")

    @OptionGroup var options: SheetOptions
    @OptionGroup var output: ExportOutput

    func run() async throws {
        try await Export.write(options, to: output.output) { store, zoneID in try await SheetExports.units(store, zoneID: zoneID) }
    }
}
