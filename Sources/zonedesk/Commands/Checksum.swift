import ArgumentParser
import ZoneStore

/// `zonedesk checksum --db …`: SHA-256 over every table's rows, to compare a database with its
/// restored backup (see `DatabaseChecksum`). Read-only; does not migrate.
struct ChecksumDatabase: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checksum",
        abstract: "计算数据库全部表内容的校验和（只读）/ checksum every table's contents (read-only).")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let opened = try await ZoneDatabase.open(DatabaseLocation(database.db))
        do {
            print(try await DatabaseChecksum.compute(opened))
        } catch {
            try? await opened.close()
            throw error
        }
        try await opened.close()
    }
}
