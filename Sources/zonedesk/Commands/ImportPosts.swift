import ArgumentParser
import ZoneCore
import ZoneStore

struct ImportPosts: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "posts",
        abstract: "Posts for the catalogue. Columns: \(PostImport.columns.joined(separator: ",")).")

    @OptionGroup var options: SheetOptions

    @Option(name: .long, help: "Worksheet name in an .xlsx file (default: the first sheet).")
    var sheet: String?

    @Argument(help: ".xlsx or CSV file.")
    var file: String

    func run() async throws {
        let table = try Import.table(file, sheet: sheet)
        try await Import.run(options.database.db, zone: options.zone) { store, zoneID in
            let units = try await store.units.all(zoneID: zoneID)
            let sheet = PostImport(table, units: Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0.name) }),
                                   existing: try await store.posts.all(zoneID: zoneID))
            guard sheet.errors.isEmpty else { throw ImportRefused(errors: sheet.errors) }
            return try await store.posts.createAll(sheet.posts, zoneID: zoneID, actor: "cli").count
        }
    }
}
