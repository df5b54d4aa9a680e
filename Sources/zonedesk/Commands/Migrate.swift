import ArgumentParser
import Foundation
import ZoneStore

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending schema migrations (safe to run twice).")

    @OptionGroup var database: DatabaseOptions

    /// Opening the store migrates and finds, or creates, the audit key file.
    func run() async throws {
        let location = DatabaseLocation(database.db)
        let db = try await ZoneDatabase.open(location)
        let migrator = Migrator(database: db)
        let applied = try await migrator.migrate()
        let all = try await migrator.appliedVersions()
        try await db.close()
        let keyExisted = FileManager.default.fileExists(atPath: location.auditKeyPath)
        try await Store.open(location).close()
        print(applied.isEmpty
              ? "数据库已是最新（版本 \(all.last ?? 0)）/ schema already current (version \(all.last ?? 0))"
              : "已应用迁移 \(applied.map(String.init).joined(separator: ", ")) / applied migrations \(applied)")
        print(keyExisted
              ? "审计密钥 / audit key: \(location.auditKeyPath)"
              : "已创建审计密钥 \(location.auditKeyPath)，请另行备份，勿与数据库放在一起 / created the audit key \(location.auditKeyPath): back it up separately, away from the database")
    }
}
