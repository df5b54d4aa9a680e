import ArgumentParser
import ZoneStore

/// `zonedesk restore --db … FILE`: restores a `zonedesk backup` file into a new, empty database
/// and prints the restored contents' checksum (compare it with `zonedesk checksum` on the source).
struct Restore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "把备份文件恢复到新的空数据库并打印校验和 / restore a backup into a new, empty database.")

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "Backup file written by `zonedesk backup`.")
    var file: String

    func run() async throws {
        let location = DatabaseLocation(database.db)
        do {
            try await DatabaseBackup.restore(location, from: file)
        } catch let error as BackupError {
            print("恢复失败 / restore failed: \(error)")
            throw ExitCode(1)
        }
        let restored = try await ZoneDatabase.open(location)
        let checksum = try await DatabaseChecksum.compute(restored)
        try await restored.close()
        print("已恢复到 \(location) / restored; checksum: \(checksum)")
    }
}
