import ArgumentParser
import Foundation
import ZoneCore
import ZoneStore
import ZoneWeb

struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export a sheet as .xlsx (or CSV when the output file ends in .csv), in the import template's columns.",
        subcommands: [ExportPeople.self, ExportUnits.self, ExportPosts.self, ExportLedger.self])

    /// Writes the sheet `body` builds for the zone to `output`; an unknown zone exits 2.
    static func write(_ options: SheetOptions, to output: String, _ body: (Store, Int64) async throws -> XLSXSheet) async throws {
        let store = try await Store.open(DatabaseLocation(options.database.db))
        let sheet: XLSXSheet?
        do {
            if let zone = try await store.zones.find(code: options.zone) { sheet = try await body(store, zone.id) } else { sheet = nil }
        } catch {
            try? await store.close()
            throw error
        }
        try await store.close()
        guard let sheet else {
            print("园区不存在 / no such zone: \(options.zone)")
            throw ExitCode(2)
        }
        try SheetExports.file(sheet, csv: output.lowercased().hasSuffix(".csv")).write(to: URL(fileURLWithPath: output))
        print("已导出 \(sheet.rows.count) 行到 \(output) / exported \(sheet.rows.count) rows")
    }
}

/// Options of every export.
struct ExportOutput: ParsableArguments {
    @Option(name: [.short, .long], help: "Output file: .xlsx, or .csv for CSV (UTF-8).")
    var output: String
}
