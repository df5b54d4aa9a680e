import ArgumentParser
import ZoneWeb

struct ExportPosts: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "posts", abstract: "The posts in force, in the post import's columns.")

    @OptionGroup var options: SheetOptions
    @OptionGroup var output: ExportOutput

    func run() async throws {
        try await Export.write(options, to: output.output) { store, zoneID in try await SheetExports.posts(store, zoneID: zoneID) }
    }
}
