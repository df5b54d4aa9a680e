import ArgumentParser
import ZoneStore

/// `zonedesk backup --db … -o FILE`: an online backup (SQLite `VACUUM INTO`, PostgreSQL `pg_dump`).
struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "备份整个数据库到一个文件（SQLite 在线备份，PostgreSQL 用 pg_dump）/ back up the whole database to one file.")

    @OptionGroup var database: DatabaseOptions

    @Option(name: [.customShort("o"), .long], help: "Backup file to create (never overwritten).")
    var output: String

    func run() async throws {
        let location = DatabaseLocation(database.db)
        do {
            try await DatabaseBackup.backup(location, to: output)
        } catch let error as BackupError {
            print("备份失败 / backup failed: \(error)")
            throw ExitCode(1)
        }
        print("已备份 \(location) → \(output) / backup written")
    }
}
