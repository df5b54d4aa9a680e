import ArgumentParser
import ZoneStore

/// `zonedesk audit-key rotate`: start signing the audit log with a new key.
struct AuditKey: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit-key",
        abstract: "Manage the audit log's signing key (the file named by --audit-key).",
        subcommands: [Rotate.self])

    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a new signing key to the key file and write the audited row that starts using it.",
            discussion: """
                Older keys stay in the file so older rows still verify; a row signed with an older key after \\
                the rotation row is refused. Running servers pick the new key up at their next write. Back up \\
                the key file again afterwards.
                """)

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let store = try await Store.open(DatabaseLocation(database.db))
            let key: AuditKeyring.Key
            do {
                key = try await store.audit.rotate(store.database, actor: "cli")
            } catch {
                try? await store.close()
                throw error
            }
            try await store.close()
            print("已启用新审计密钥 \(key.id)（\(store.audit.keys.path)），请重新备份该文件 / now signing with key \(key.id) in \(store.audit.keys.path): back the file up again")
        }
    }
}
