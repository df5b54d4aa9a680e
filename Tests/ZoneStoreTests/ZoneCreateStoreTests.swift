import Foundation
import SQLKit
import Testing
import ZoneCore
@testable import ZoneStore

/// A zone created as a real one starts: zone, policy version 1 and its three admins in one
/// transaction, so a taken code or a taken admin user name leaves nothing behind.
@Suite("Store: creating a zone")
struct ZoneCreateStoreTests {
    static let yaml = try! String(contentsOfFile: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("policies/yizheng.yaml").path, encoding: .utf8)

    static func registration() throws -> (ZoneRegistration, ZonePolicy) {
        let policy = try PolicyLoader.load(yaml: yaml, source: "yizheng.yaml")
        return (try ZoneRegistration.check(code: "yizheng", name: "仪征经济开发区", policyCode: policy.code).get(), policy)
    }

    static func count(_ store: Store, _ table: String) async throws -> Int {
        try await store.database.reader.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()!.decode(column: "n", as: Int.self)
    }

    @Test(arguments: TestDatabase.backends)
    func createsZonePolicyAndThreeAdminsTogether(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { store in
            let (registration, policy) = try Self.registration()
            let created = try await store.zones.create(registration, yaml: Self.yaml, policy: policy,
                                                       adminPasswordHashes: ["h1", "h2", "h3"], actor: "cli")
            #expect(try await store.zones.find(code: "yizheng") == created.zone)
            let current = try #require(try await store.policies.current(zoneID: created.zone.id))
            #expect(current.version == 1 && current.policy.code == "yizheng" && current.document == Self.yaml)
            let admins = try await store.accounts.all().filter { $0.zoneID == created.zone.id }
            #expect(admins.map(\.username).sorted() == ["yizheng_auditadmin", "yizheng_secadmin", "yizheng_sysadmin"])
            #expect(Set(admins.map(\.role)) == [.systemAdmin, .securityAdmin, .auditAdmin])
            #expect(admins.allSatisfy { $0.mustChangePassword && $0.personID == nil })
            let actions = try await store.audit.recent(store.database.reader, limit: 10).map(\.entry.action)
            #expect(actions.filter { $0 == "account.create" }.count == 3 && actions.contains("policy.load") && actions.contains("zone.create"))
            let summary = try #require(try await store.zones.summaries().first { $0.zone.code == "yizheng" })
            #expect(summary.policyVersion == 1 && summary.units == 0 && summary.people == 0 && summary.accounts == 3)
        }
    }

    @Test(arguments: TestDatabase.backends)
    func aTakenCodeOrAdminNameWritesNothing(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { store in
            let (registration, policy) = try Self.registration()
            _ = try await store.units.createZone(code: "yizheng", name: "已有", units: [], actor: "test")
            let before = (try await Self.count(store, "zone_policies"), try await Self.count(store, "accounts"), try await Self.count(store, "audit_log"))
            await #expect(throws: StoreError.duplicate("园区代码 yizheng 已存在", english: "zone code yizheng is taken")) {
                _ = try await store.zones.create(registration, yaml: Self.yaml, policy: policy, adminPasswordHashes: ["a", "b", "c"], actor: "cli")
            }
            let after = (try await Self.count(store, "zone_policies"), try await Self.count(store, "accounts"), try await Self.count(store, "audit_log"))
            #expect(after == before)

            // The third admin's name is taken by an account elsewhere: the zone, its policy and the first two admins roll back.
            let other = try await store.units.createZone(code: "other", name: "他区", units: [], actor: "test")
            _ = try await store.accounts.create(NewAccount(username: "yz_auditadmin", displayName: "x", passwordHash: "h", role: .hr, zoneID: other.zoneID), actor: "test")
            let policyYZ = try PolicyLoader.load(yaml: Self.yaml.replacingOccurrences(of: "code: yizheng", with: "code: yz"), source: "yz.yaml")
            let yz = try ZoneRegistration.check(code: "yz", name: "仪征", policyCode: policyYZ.code).get()
            let zones = try await Self.count(store, "zones"), accounts = try await Self.count(store, "accounts")
            await #expect(throws: StoreError.duplicate("用户名 yz_auditadmin 已存在", english: "user name yz_auditadmin is taken")) {
                _ = try await store.zones.create(yz, yaml: Self.yaml, policy: policyYZ, adminPasswordHashes: ["a", "b", "c"], actor: "cli")
            }
            let (zonesAfter, accountsAfter) = (try await Self.count(store, "zones"), try await Self.count(store, "accounts"))
            #expect(zonesAfter == zones && accountsAfter == accounts)
            #expect(try await store.zones.find(code: "yz") == nil)
        }
    }
}
