import Foundation
import SQLKit
import Testing
import ZoneCore
@testable import ZoneStore

/// The keyed audit chain: someone who can write the database but does not hold the key file can
/// neither append a row nor rewrite the chain so that it verifies, without any anchor.
@Suite("Audit chain keyed outside the database")
struct AuditKeyTests {
    /// A row as a forger with database access writes it: the right sequence, previous hash and
    /// canonical form, hashed with plain SHA-256 (legacy) or with `key`.
    static func forge(_ store: Store, actor: String, keyID: String = "", key: AuditKeyring.Key? = nil) async throws {
        let head = try #require(try await store.audit.verify(store.database.reader).head)
        let entry = AuditEntry(actor: actor, action: "person.update", entity: "person", entityID: "1", detail: "status: 在岗 → 退休")
        let hash = AuditLog.hash(prev: head.hash, seq: head.seq + 1, at: "2026-12-04T00:00:00Z", entry: entry, key: key)
        try await store.database.transaction { tx in
            try await tx.raw("""
                INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, detail, zone_id, key_id, prev_hash, hash)
                VALUES (\(bind: head.seq + 1), '2026-12-04T00:00:00Z', \(bind: actor), 'person.update', 'person', '1',
                        'status: 在岗 → 退休', NULL, \(bind: keyID), \(bind: head.hash), \(bind: hash))
                """).run()
        }
    }

    @Test(arguments: TestDatabase.backends)
    func anAppendForgedWithoutTheKeyIsCaught(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            let (zone, units) = try await TestDatabase.seedZone(store)
            _ = try await store.people.create(TestDatabase.person("孙李", sequence: 400, unit: units[0], category: .contract), zoneID: zone, actor: "t")
            let intact = try await store.audit.verify(store.database.reader)
            #expect(intact.isIntact && intact.legacyRows == 0 && intact.keyIDs == [store.audit.keys.keyring.current!.id])
            // A correct plain SHA-256 chain link — all a hash chain without a secret asks for.
            try await Self.forge(store, actor: "forger")
            let unsigned = try await store.audit.verify(store.database.reader)
            #expect(unsigned.firstBad == 3 && unsigned.reason?.contains("没有密钥签名") == true)
        }
    }

    @Test(arguments: TestDatabase.backends)
    func anAppendClaimingTheKeyWithoutItIsCaught(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            _ = try await TestDatabase.seedZone(store)
            let real = try #require(store.audit.keys.keyring.current)
            let guessed = AuditKeyring.Key(id: real.id, secret: Array(repeating: 7, count: 32), created: real.created, fromSeq: real.fromSeq)
            try await Self.forge(store, actor: "forger", keyID: real.id, key: guessed)
            let result = try await store.audit.verify(store.database.reader)
            #expect(result.firstBad == 2 && result.reason?.contains("签名不符") == true)
        }
    }

    /// A rewritten chain, every link recomputed, fails at its first row: no anchor needed.
    @Test(arguments: TestDatabase.backends)
    func aRewrittenChainIsCaughtWithoutAnAnchor(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            let (zone, units) = try await TestDatabase.seedZone(store)
            for i in 0..<3 {
                _ = try await store.people.create(TestDatabase.person("孙李", sequence: 410 + i, unit: units[0], category: .contract), zoneID: zone, actor: "t")
            }
            let rows = try await store.audit.recent(store.database.reader, limit: 10).reversed()
            try await StoreTests.dropGuards(store)
            try await store.database.transaction { tx in
                try await tx.raw("DELETE FROM audit_log").run()
                var prev = AuditLog.genesis
                for record in rows {
                    var entry = record.entry
                    entry.actor = record.seq == 3 ? "nobody" : entry.actor
                    let hash = AuditLog.hash(prev: prev, seq: record.seq, at: record.at, entry: entry, key: nil)
                    try await tx.raw("""
                        INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, detail, zone_id, key_id, prev_hash, hash)
                        VALUES (\(bind: record.seq), \(bind: record.at), \(bind: entry.actor), \(bind: entry.action), \(bind: entry.entity),
                                \(bind: entry.entityID), \(bind: entry.detail), \(bind: entry.zoneID), '', \(bind: prev), \(bind: hash))
                        """).run()
                    prev = hash
                }
            }
            let result = try await store.audit.verify(store.database.reader)
            #expect(result.firstBad == 1 && !result.isIntact)
        }
    }

    /// A database written before keys existed, upgraded: its rows get their zone and verify as
    /// legacy, rows from then on are signed, and neither a legacy-looking append nor a cut into the
    /// legacy rows passes.
    @Test(arguments: TestDatabase.backends)
    func rowsFromBeforeTheKeyVerifyAsLegacy(_ backend: Backend) async throws {
        try await TestDatabase.withLocation(backend) { location in
            let database = try await ZoneDatabase.open(location)
            try await Migrator(database: database, clock: .system, migrations: Schema.migrations.filter { $0.version < 16 }).migrate()
            let oldZone = try await database.transaction { tx in
                try await tx.raw("INSERT INTO zones (code, name) VALUES ('old', '旧园区')").run()
                let oldZone = try await tx.raw("SELECT id FROM zones WHERE code = 'old'").first()!.decode(column: "id", as: Int64.self)
                try await tx.raw("""
                    INSERT INTO accounts (username, display_name, password_hash, role, zone_id, created_at)
                    VALUES ('old', '旧账号', 'h', 'hr', \(bind: oldZone), '2026-01-01T00:00:00Z')
                    """).run()
                return oldZone
            }
            var prev = AuditLog.genesis
            for seq in Int64(1)...3 {
                // Two logins by a zone's account, then a zone record by the command line.
                let entry = seq < 3 ? AuditEntry(actor: "old", action: "login", entity: "account", entityID: "1")
                    : AuditEntry(actor: "cli", action: "policy.load", entity: "zone", entityID: String(oldZone))
                let hash = AuditLog.hash(prev: prev, seq: seq, at: "2026-01-0\(seq)T00:00:00Z", entry: entry, key: nil)
                let link = prev
                try await database.transaction { tx in
                    try await tx.raw("""
                        INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, detail, prev_hash, hash)
                        VALUES (\(bind: seq), \(bind: "2026-01-0\(seq)T00:00:00Z"), \(bind: entry.actor), \(bind: entry.action),
                                \(bind: entry.entity), \(bind: entry.entityID), '', \(bind: link), \(bind: hash))
                        """).run()
                }
                prev = hash
            }
            try await database.close()
            #expect(!FileManager.default.fileExists(atPath: location.auditKeyPath))

            let store = try await Store.open(location)
            do {
                #expect(store.audit.keys.keyring.keyedFrom == 4)
                let legacy = try await store.audit.recent(store.database.reader, limit: 3)
                #expect(legacy.map(\.entry.zoneID) == [oldZone, oldZone, oldZone] && legacy.allSatisfy { $0.keyID.isEmpty })
                #expect(try await store.audit.count(store.database.reader, in: .zone(oldZone)) == 3)
                // The guard is back after the upgrade's one update.
                await #expect(throws: (any Error).self) {
                    try await store.database.transaction { tx in try await tx.raw("UPDATE audit_log SET actor = 'x'").run() }
                }
                let (zone, units) = try await TestDatabase.seedZone(store)
                _ = try await store.people.create(TestDatabase.person("孙李", sequence: 420, unit: units[0], category: .contract), zoneID: zone, actor: "t")
                let result = try await store.audit.verify(store.database.reader)
                #expect(result.isIntact && result.rowsChecked == 5 && result.legacyRows == 3)
                let signed = try await store.audit.recent(store.database.reader, limit: 2)
                #expect(signed.allSatisfy { !$0.keyID.isEmpty && $0.entry.zoneID == zone })

                try await Self.forge(store, actor: "forger")
                #expect(try await store.audit.verify(store.database.reader).firstBad == 6)
                // Cutting back into the rows the key file vouches for is caught too.
                try await StoreTests.dropGuards(store)
                try await store.database.transaction { tx in try await tx.raw("DELETE FROM audit_log WHERE seq >= 3").run() }
                let cut = try await store.audit.verify(store.database.reader)
                #expect(!cut.isIntact && cut.reason?.contains("启用密钥时已有3行") == true)
                try await store.close()
            } catch {
                try? await store.close()
                throw error
            }
        }
    }

    @Test(arguments: TestDatabase.backends)
    func aKeyedLogWithoutItsKeyFileIsRefused(_ backend: Backend) async throws {
        try await TestDatabase.withLocation(backend) { location in
            let store = try await Store.open(location)
            _ = try await TestDatabase.seedZone(store)
            try await store.close()
            try FileManager.default.removeItem(atPath: location.auditKeyPath)
            await #expect(throws: StoreError.self) { try await Store.open(location).close() }
            #expect(!FileManager.default.fileExists(atPath: location.auditKeyPath), "no new key is made for a keyed log")
        }
    }

    /// Rotation: old rows still verify, a second process signs with the new key at its next write,
    /// and a row signed with the retired key after the rotation is refused.
    @Test(arguments: TestDatabase.backends)
    func rotationRetiresTheOldKey(_ backend: Backend) async throws {
        try await TestDatabase.withLocation(backend) { location in
            let store = try await Store.open(location)
            let other = try await Store.open(location)
            do {
                let (zone, units) = try await TestDatabase.seedZone(store)
                let old = try #require(store.audit.keys.keyring.current)
                let new = try await store.audit.rotate(store.database, actor: "cli")
                _ = try await other.people.create(TestDatabase.person("孙李", sequence: 430, unit: units[0], category: .contract), zoneID: zone, actor: "t")
                let newest = try await other.audit.recent(other.database.reader, limit: 2)
                #expect(newest.map(\.keyID) == [new.id, new.id] && newest[1].entry.action == "audit.key_rotate")
                let result = try await store.audit.verify(store.database.reader)
                #expect(result.isIntact && result.keyIDs == [old.id, new.id])
                let text = try String(contentsOfFile: location.auditKeyPath, encoding: .utf8)
                #expect(try AuditKeyring.parse(text, path: "k").keys.map(\.id) == [old.id, new.id])

                try await Self.forge(store, actor: "forger", keyID: old.id, key: old)
                let retired = try await store.audit.verify(store.database.reader)
                #expect(retired.firstBad == 4 && retired.reason?.contains("已轮换停用") == true)
                try await store.close()
                try await other.close()
            } catch {
                try? await store.close()
                try? await other.close()
                throw error
            }
        }
    }

    @Test func aMalformedKeyFileIsRefused() throws {
        #expect(throws: StoreError.self) { try AuditKeyring.parse("3fa9c2e1 abcd 2026-12-04T00:00:00Z 1\n", path: "k") }
        #expect(throws: StoreError.self) { try AuditKeyring.parse("# only a comment\n", path: "k") }
    }
}
