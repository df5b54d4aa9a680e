import Foundation
import SQLKit
import Testing
import ZoneCore
@testable import ZoneStore
@testable import ZoneWeb

/// 园区管理 as the province's system admin uses it: a zone from a shipped or pasted policy, its
/// admins' one-time passwords shown once and working; the same refusals as the CLI, writing
/// nothing; a zone's own system admin sees only its zone and cannot create one.
@Suite("Web: creating a zone")
struct ZoneAdminWebTests {
    static func counts(_ app: TestApp) async throws -> [Int] {
        var out: [Int] = []
        for table in ["zones", "zone_policies", "accounts", "audit_log"] {
            out.append(try await app.store.database.reader.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()!.decode(column: "n", as: Int.self))
        }
        return out
    }

    @Test(arguments: TestApp.backends)
    func theProvinceCreatesAZoneAndItsAdminsLogIn(_ backend: Backend) async throws {
        let app = try await TestApp.make(backend)
        _ = try await app.store.accounts.create(NewAccount(username: "prov_sys", displayName: "省级系统管理员", passwordHash: app.env.hasher.hash(TestApp.password),
                                                           role: .systemAdmin, zoneID: nil, mustChangePassword: false), actor: "test")
        try await app.run { browser in
            #expect(try await browser.login("prov_sys").status == .seeOther)
            let list = try await browser.get("/admin/zones")
            #expect(list.status == .ok && list.body.contains("毕节") && list.body.contains("新余") && list.body.contains("新建园区"))

            let before = try await Self.counts(app)
            let refusals: [([(String, String)], String)] = [
                ([("code", "bijie"), ("name", "毕节高新区二"), ("policy", "")], "园区代码 bijie 已存在"),
                ([("code", "../../etc"), ("name", "某园区"), ("policy", "")], "园区代码须为"),
                ([("code", "nowhere"), ("name", "某园区"), ("policy", "")], "没有随附代码为“nowhere”的政策文件"),
                ([("code", "yizheng"), ("name", "仪"), ("policy", "")], "园区名称须为"),
                ([("code", "yizheng"), ("name", "仪征经济开发区"), ("policy", "code: yizheng\nname: [")], "政策文件未通过检查"),
                ([("code", "weifang"), ("name", "潍坊"), ("policy", try PolicyFiles.text(code: "yizheng"))], "政策文件属于园区 yizheng，不是 weifang"),
            ]
            for (fields, message) in refusals {
                let refused = try await browser.post("/admin/zones", fields)
                #expect(refused.status == .unprocessableContent && refused.body.contains(message), "\(fields): \(refused.body.prefix(2000))")
            }
            #expect(try await Self.counts(app) == before)

            // The demo holds all five shipped zones, so the new one comes from a pasted policy (仪征's, under its own code).
            let taken = try await browser.post("/admin/zones", [("code", "yizheng"), ("name", "仪征经济开发区"), ("policy", "")])
            #expect(taken.status == .unprocessableContent && taken.body.contains("园区代码 yizheng 已存在"))
            let pasted = try PolicyFiles.text(code: "yizheng").replacingOccurrences(of: "\ncode: yizheng\n", with: "\ncode: yangzhou\n")
            let created = try await browser.post("/admin/zones", [("code", "yangzhou"), ("name", "扬州经济技术开发区"), ("policy", pasted)])
            #expect(created.status == .ok && created.body.contains("已创建园区 扬州经济技术开发区（yangzhou）"))
            let passwords = created.body.matches(of: /<td>(yangzhou_[a-z]+)<\/td><td>[^<]+<\/td><td><code>([^<]+)<\/code>/).map { (String($0.1), String($0.2)) }
            #expect(passwords.map(\.0) == ["yangzhou_sysadmin", "yangzhou_secadmin", "yangzhou_auditadmin"])
            let zone = try #require(try await app.store.zones.find(code: "yangzhou"))
            #expect(try await app.store.policies.current(zoneID: zone.id)?.policy.code == "yangzhou")
            let audit = try await app.store.audit.recent(app.store.database.reader, limit: 10).map(\.entry)
            #expect(audit.contains { $0.action == "zone.create" && $0.actor == "prov_sys" && $0.zoneID == zone.id })

            // The new zone's system admin logs in with the shown password, must change it, and sees only its own zone.
            _ = try await browser.post("/logout")
            let (username, password) = try #require(passwords.first)
            let first = try await browser.login(username, password)
            #expect(first.status == .seeOther && first.location == "/password")
            let changed = try await browser.post("/password", [("current", password), ("new", "Yangzhou!adm1n"), ("confirm", "Yangzhou!adm1n")])
            #expect(changed.status == .seeOther, "\(changed.body.prefix(500))")
            let own = try await browser.get("/admin/zones")
            #expect(own.status == .ok && own.body.contains("扬州经济技术开发区") && !own.body.contains("毕节") && !own.body.contains("仪征")
                    && !own.body.contains("新建园区"))
        }
    }

    @Test func aZonesSystemAdminCannotCreateAZone() async throws {
        let app = try await TestApp.make()
        try await app.run { browser in
            try await browser.login("sysadmin")
            let list = try await browser.get("/admin/zones")
            #expect(list.status == .ok && list.body.contains("毕节") && !list.body.contains("新余") && !list.body.contains("name=\"code\""))
            let before = try await Self.counts(app)
            let refused = try await browser.post("/admin/zones", [("code", "yizheng"), ("name", "仪征经济开发区"), ("policy", "")])
            #expect(refused.status == .forbidden && refused.body.contains("园区由省级系统管理员创建"))
            #expect(try await Self.counts(app) == before)
        }
    }
}
