import ArgumentParser
import ZoneStore

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending schema migrations (safe to run twice).")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let db = try await ZoneDatabase.open(DatabaseLocation(database.db))
        let migrator = Migrator(database: db)
        let applied = try await migrator.migrate()
        let all = try await migrator.appliedVersions()
        try await db.close()
        print(applied.isEmpty
              ? "数据库已是最新（版本 \(all.last ?? 0)）/ schema already current (version \(all.last ?? 0))"
              : "已应用迁移 \(applied.map(String.init).joined(separator: ", ")) / applied migrations \(applied)")
    }
}
