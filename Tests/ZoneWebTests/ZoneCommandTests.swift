import Foundation
import SQLKit
import Testing
import ZoneCore
@testable import ZoneStore
@testable import ZoneWeb

/// `zonedesk zone create` / `zone list` as the person setting up a zone runs them: from an empty
/// database, with the zone's own policy file; every refusal exits 2 and writes nothing.
@Suite("Command line: creating a zone")
struct ZoneCommandTests {
    static let zonedesk = CommandLineTests.zonedesk
    static let policies = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("policies").path

    static func zoneCount(_ db: String) async throws -> (zones: Int, accounts: Int, policies: Int) {
        let store = try await Store.open(DatabaseLocation(db))
        func count(_ table: String) async throws -> Int {
            try await store.database.reader.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()!.decode(column: "n", as: Int.self)
        }
        let counts = (try await count("zones"), try await count("accounts"), try await count("zone_policies"))
        try await store.close()
        return counts
    }

    @Test func createFromAnEmptyDatabaseThenRefusals() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zd-zone-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("zone.sqlite").path
        let yizheng = "\(Self.policies)/yizheng.yaml"

        let created = try Self.zonedesk(["zone", "create", "--db", db, "--code", "yizheng", "--name", "仪征经济开发区", "--policy", yizheng])
        #expect(created.status == 0 && created.output.contains("已创建园区 yizheng（仪征经济开发区）"), "\(created.output)")
        // Each admin's one-time password is printed once and opens that account.
        let store = try await Store.open(DatabaseLocation(db))
        for (username, role) in [("yizheng_sysadmin", Role.systemAdmin), ("yizheng_secadmin", .securityAdmin), ("yizheng_auditadmin", .auditAdmin)] {
            let line = try #require(created.output.split(separator: "\n").first { $0.hasPrefix("  \(username)\t") })
            let password = String(try #require(line.split(separator: "\t").last))
            let account = try #require(try await store.accounts.find(username: username))
            #expect(account.role == role && account.mustChangePassword && PasswordHasher().verify(password, hash: account.passwordHash))
        }
        try await store.close()
        let listed = try Self.zonedesk(["zone", "list", "--db", db])
        #expect(listed.status == 0 && listed.output.contains("yizheng\t仪征经济开发区\tv1\t0\t0\t3"), "\(listed.output)")
        let after = try await Self.zoneCount(db)

        let malformed = directory.appendingPathComponent("bad.yaml").path
        try String(contentsOfFile: yizheng, encoding: .utf8).replacingOccurrences(of: "code: yizheng", with: "code: wz")
            .replacingOccurrences(of: "publicity_working_days:", with: "publicity_working_days: -1\n  x_unused:")
            .write(toFile: malformed, atomically: true, encoding: .utf8)
        let refusals: [([String], String)] = [
            (["--code", "yizheng", "--name", "仪征经济开发区", "--policy", yizheng], "zone code yizheng is taken"),
            (["--code", "xinyu", "--name", "新余经开区", "--policy", yizheng], "its code must be the zone code"),
            (["--code", "Bad_Code", "--name", "某园区", "--policy", yizheng], "a zone code is 2–20 lower-case letters"),
            (["--code", "yizheng", "--name", "仪", "--policy", yizheng], "a zone name is 2–60 characters"),
            (["--code", "wz", "--name", "某园区", "--policy", malformed], "the policy file is refused, no zone was created"),
            (["--code", "wz", "--name", "某园区", "--policy", directory.appendingPathComponent("none.yaml").path], "cannot read the policy file"),
        ]
        for (arguments, message) in refusals {
            let refused = try Self.zonedesk(["zone", "create", "--db", db] + arguments)
            #expect(refused.status == 2 && refused.output.contains(message), "\(arguments): \(refused.output)")
        }
        let malformedRun = try Self.zonedesk(["zone", "create", "--db", db, "--code", "wz", "--name", "某园区", "--policy", malformed])
        #expect(malformedRun.output.contains("✗ \(malformed):"), "\(malformedRun.output)")
        let final = try await Self.zoneCount(db)
        #expect(final.zones == after.zones && final.accounts == after.accounts && final.policies == after.policies)
    }
}
