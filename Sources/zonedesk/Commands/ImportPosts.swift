import ArgumentParser
import ZoneCore
import ZoneStore

struct ImportPosts: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "posts",
        abstract: "Posts for the catalogue. Columns: \(PostImport.columns.joined(separator: ",")).")

    @OptionGroup var options: SheetOptions

    @OptionGroup var source: ImportFile

    func run() async throws {
        let table = try source.table()
        try await Import.run(options.database.db, zone: options.zone) { store, zoneID in
            let units = try await store.units.all(zoneID: zoneID)
            let sheet = PostImport(table, units: UnitTree(units),
                                   existing: try await store.posts.all(zoneID: zoneID),
                                   staffing: try await store.policies.current(zoneID: zoneID)?.policy.staffing)
            guard sheet.errors.isEmpty else { throw ImportRefused(errors: sheet.errors) }
            return try await store.posts.createAll(sheet.posts, zoneID: zoneID, actor: "cli").count
        }
    }
}
