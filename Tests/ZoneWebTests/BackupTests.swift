import Foundation
import Testing
import ZoneCore
@testable import ZoneStore
@testable import ZoneWeb

/// `zonedesk backup` / `restore`: the demo zone comes back with an identical checksum over every
/// table, on SQLite (VACUUM INTO) and on PostgreSQL (pg_dump, psql) when it is available.
@Suite("Backup and restore")
struct BackupTests {
    @Test(arguments: TestApp.backends)
    func theDemoZoneRoundTripsWithAnIdenticalChecksum(_ backend: Backend) async throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("zd-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        var databases: [String] = []
        defer { try? FileManager.default.removeItem(at: scratch) }
        func location(_ name: String) async throws -> DatabaseLocation {
            guard backend == .postgres else { return DatabaseLocation(scratch.appendingPathComponent("\(name).sqlite").path) }
            let base = try #require(ProcessInfo.processInfo.environment["ZONEDESK_PG_URL"], "ZONEDESK_REQUIRE_PG=1 but ZONEDESK_PG_URL is unset")
            let database = "zd_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
            try await TestApp.admin(base, "CREATE DATABASE \(database)")
            databases.append(String(database))
            return DatabaseLocation(String(base[...base.lastIndex(of: "/")!]) + database, auditKey: scratch.appendingPathComponent("audit.key").path)
        }
        let source = try await location("source")
        let store = try await Store.open(source)
        _ = try await DemoLoader(env: AppEnvironment(store: store, hasher: PasswordHasher(cost: 4))).load()
        let before = try await DatabaseChecksum.compute(store.database)
        try await store.close()
        #expect(before.rows > DemoZone.people().count && before.tables > 10)

        let file = scratch.appendingPathComponent("backup.\(backend == .sqlite ? "sqlite" : "sql")").path
        try await DatabaseBackup.backup(source, to: file)
        await #expect(throws: BackupError.self) { try await DatabaseBackup.backup(source, to: file) }
        let target = try await location("restored")
        try await DatabaseBackup.restore(target, from: file)
        let restored = try await ZoneDatabase.open(target)
        let after = try await DatabaseChecksum.compute(restored)
        try await restored.close()
        #expect(after == before)
        // Restore never writes over data: the source is not empty, so it is refused.
        await #expect(throws: BackupError.self) { try await DatabaseBackup.restore(source, from: file) }

        if let base = ProcessInfo.processInfo.environment["ZONEDESK_PG_URL"], backend == .postgres {
            for database in databases { try await TestApp.admin(base, "DROP DATABASE IF EXISTS \(database) WITH (FORCE)") }
        }
    }
}
