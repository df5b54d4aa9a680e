import Foundation
import SQLKit
import Testing
import ZoneCore
@testable import ZoneStore
@testable import ZoneWeb

/// Accounts belong to a zone, or (the province's) to none: each zone's 三员 see and change that
/// zone's accounts only, the province's 三员 the accounts of no zone only, and every attempt across
/// that line answers 403/404 and writes nothing.
@Suite("Accounts, roles and audit rows stay in their zone")
struct AccountZoneScopeTests {
    /// 新余's clerk and security admin, and the province account, each locked (as five wrong passwords leave it),
    /// so an unlock that slipped through would show.
    static func lockedXinyuAccounts(_ app: TestApp, _ browser: TestBrowser) async throws -> (clerk: Account, secadmin: Account) {
        let xinyu = try #require(try await app.store.zones.find(code: DemoXinyu.zoneCode)).id
        try await app.addAccount("xinyu_clerk", role: .hr, zoneID: xinyu)
        try await app.addAccount("xinyu_secadmin", role: .securityAdmin, zoneID: xinyu)
        let until = app.store.clock.epochSeconds + PasswordPolicy.lockoutSeconds
        try await app.store.database.transaction { tx in
            try await tx.raw("""
                UPDATE accounts SET locked_until = \(bind: until) WHERE username IN ('xinyu_clerk', 'xinyu_secadmin', 'province')
                """).run()
        }
        return (try await app.account("xinyu_clerk"), try await app.account("xinyu_secadmin"))
    }

    static func writes(_ app: TestApp) async throws -> [String] {
        try await CrossZoneTests.fingerprint(app)
    }

    @Test func aZonesSystemAdminSeesCreatesAndChangesOnlyItsZonesAccounts() async throws {
        let app = try await TestApp.make()
        let bijie = try await app.account("sysadmin").zoneID
        try await app.run { browser in
            let (clerk, secadmin) = try await Self.lockedXinyuAccounts(app, browser)
            let province = try await app.account("province")
            try await browser.login("sysadmin")
            let list = try await browser.get("/admin/accounts")
            #expect(list.body.contains(">staff<"))
            for other in ["xinyu_clerk", "xinyu_secadmin", ">province<", "prov_secadmin"] { #expect(!list.body.contains(other), "\(other)") }
            let before = try await Self.writes(app)
            #expect(try await browser.post("/admin/accounts/\(clerk.id)/reset").status == .forbidden)
            #expect(try await browser.post("/admin/accounts/\(province.id)/reset").status == .forbidden)
            #expect(try await browser.post("/admin/accounts/\(secadmin.id)/unlock").status == .notFound)
            #expect(try await browser.post("/admin/accounts/\(province.id)/unlock").status == .notFound)
            #expect(try await Self.writes(app) == before)
            #expect(try await app.store.accounts.pendingResets().isEmpty)
            #expect(try await app.account("xinyu_secadmin").lockedUntil > 0)

            let created = try await browser.post("/admin/accounts", [("username", "bijie_new"), ("displayName", "毕节新人")])
            #expect(created.status == .ok && created.body.contains("新账号属于毕节"))
            #expect(try await app.account("bijie_new").zoneID == bijie)
        }
    }

    @Test func aZonesSecurityAdminAssignsRolesOnlyThereAndNeverTheProvinceRole() async throws {
        let app = try await TestApp.make()
        let bijie = try await app.account("secadmin").zoneID
        try await app.run { browser in
            let (clerk, _) = try await Self.lockedXinyuAccounts(app, browser)
            let province = try await app.account("province"), leader = try await app.account("leader")
            try await browser.login("secadmin")
            let roles = try await browser.get("/admin/roles")
            #expect(!roles.body.contains("xinyu_clerk") && !roles.body.contains(">province<") && !roles.body.contains("<option value=\"province\""))
            let before = try await Self.writes(app)
            #expect(try await browser.post("/admin/roles/\(clerk.id)", [("role", "leader")]).status == .notFound)
            #expect(try await browser.post("/admin/roles/\(province.id)", [("role", "hr")]).status == .notFound)
            #expect(try await browser.post("/admin/roles/\(clerk.id)/unlock").status == .notFound)
            #expect(try await browser.post("/admin/roles/\(province.id)/unlock").status == .notFound)
            #expect(try await browser.post("/admin/roles/\(clerk.id)/reset").status == .forbidden)
            let toProvince = try await browser.post("/admin/roles/\(leader.id)", [("role", "province")])
            #expect(toProvince.status == .unprocessableContent && toProvince.body.contains("本园区账号只能分配以下角色"))
            #expect(try await Self.writes(app) == before)
            let after = try await app.account("leader")
            #expect(after.role == .leader && after.zoneID == bijie)
            #expect(try await app.account("xinyu_clerk").lockedUntil > 0)
            #expect(try await app.account("province").lockedUntil > 0)
        }
    }

    /// 员工 are linked by 姓名 or 人员编号 within the admin's zone: a shared name lists the namesakes
    /// to choose from by number, and a person of another zone is not found by either.
    @Test func anEmployeeIsLinkedByNameOrNumberWithinTheZone() async throws {
        let app = try await TestApp.make()
        let hr = try await app.account("hr")
        let zone = try #require(hr.zoneID)
        let xinyu = try #require(try await app.store.zones.find(code: DemoXinyu.zoneCode)).id
        let stranger = try await app.store.people.register(zoneID: xinyu)[0]
        let bijieNames = Set(try await app.store.people.register(zoneID: zone).map(\.name))
        let unit = try await app.store.units.all(zoneID: zone)[2].id
        try await app.run { browser in
            try await browser.login("hr")
            for sequence in [901, 902] {
                let idNumber = ResidentID.make(region: "520502", birth: CivilDate(year: 1985, month: 5, day: 5)!, sequence: sequence).value
                let created = try await browser.post("/people", [("name", "同名测试"), ("idNumber", idNumber), ("establishment", "编外"),
                                                                 ("status", "在岗"), ("unitID", String(unit))])
                #expect(created.status == .seeOther, "namesake \(sequence): \(created.body.prefix(300))")
            }
            let namesakes = try await app.store.people.search(PeopleQuery(zoneID: zone, text: "同名测试")).people
            #expect(namesakes.count == 2)
            try await browser.login("sysadmin")
            _ = try await browser.post("/admin/accounts", [("username", "linkme"), ("displayName", "待关联")])
            let account = try await app.account("linkme")

            try await browser.login("secadmin")
            let ambiguous = try await browser.post("/admin/roles/\(account.id)", [("role", "employee"), ("person", "同名测试")])
            #expect(ambiguous.status == .unprocessableContent && ambiguous.body.contains("有 2 位名为“同名测试”的人员"))
            for person in namesakes { #expect(ambiguous.body.contains("人员编号 \(person.id)")) }
            #expect(try await app.account("linkme").personID == nil)

            let byNumber = try await browser.post("/admin/roles/\(account.id)", [("role", "employee"), ("person", String(namesakes[1].id))])
            #expect(byNumber.status == .ok && byNumber.body.contains("已关联：同名测试（人员编号 \(namesakes[1].id)"))
            #expect(try await app.account("linkme").personID == namesakes[1].id)

            let unique = try #require(try await app.store.people.register(zoneID: zone).first { $0.name != "同名测试" })
            let byName = try await browser.post("/admin/roles/\(account.id)", [("role", "employee"), ("person", unique.name)])
            #expect(byName.status == .ok, "\(byName.body.prefix(300))")
            #expect(try await app.account("linkme").personID == unique.id)

            let foreignNumber = try await browser.post("/admin/roles/\(account.id)", [("role", "employee"), ("person", String(stranger.id))])
            #expect(foreignNumber.status == .unprocessableContent && foreignNumber.body.contains("本园区没有人员编号为 \(stranger.id) 的人员"))
            if !bijieNames.contains(stranger.name) {
                let foreignName = try await browser.post("/admin/roles/\(account.id)", [("role", "employee"), ("person", stranger.name)])
                #expect(foreignName.status == .unprocessableContent && !foreignName.body.contains("人员编号 \(stranger.id)"))
            }
            #expect(try await app.account("linkme").personID == unique.id)
        }
    }

    @Test func auditorsReadOnlyTheirOwnZonesRows() async throws {
        let app = try await TestApp.make()
        let zone = try #require(try await app.account("auditadmin").zoneID)
        let xinyu = try #require(try await app.store.zones.find(code: DemoXinyu.zoneCode)).id
        let db = app.store.database.reader
        try await app.run { browser in
            try await browser.login("auditadmin")
            let own = try await app.store.audit.count(db, in: .zone(zone))
            #expect(try await app.store.audit.count(db, in: .zone(xinyu)) > 0)
            let page = try await browser.get("/audit")
            #expect(page.body.contains("本园区共 \(own) 条"))
            let shown = page.body.matches(of: /<tr><td class="num">(\d+)<\/td>/).map { Int64($0.1)! }
            let xinyuRows = Set(try await app.store.audit.recent(db, limit: 100_000, in: .zone(xinyu)).map(\.seq))
            #expect(!shown.isEmpty && xinyuRows.isDisjoint(with: shown))
        }
    }

    @Test func theProvincesAdminsManageOnlyAccountsOfNoZone() async throws {
        let app = try await TestApp.make()
        try await app.run { browser in
            let (clerk, _) = try await Self.lockedXinyuAccounts(app, browser)
            let staff = try await app.account("staff"), province = try await app.account("province")
            try await browser.login("prov_sysadmin")
            let list = try await browser.get("/admin/accounts")
            #expect(list.body.contains(">province<") && list.body.contains("prov_auditadmin"))
            for other in [">staff<", ">hr<", "xinyu_clerk", ">sysadmin<"] { #expect(!list.body.contains(other), "\(other)") }
            let before = try await Self.writes(app)
            #expect(try await browser.post("/admin/accounts/\(staff.id)/reset").status == .forbidden)
            #expect(try await browser.post("/admin/accounts/\(clerk.id)/unlock").status == .notFound)
            try await browser.login("prov_secadmin")
            #expect(try await browser.post("/admin/roles/\(staff.id)", [("role", "province")]).status == .notFound)
            #expect(try await browser.post("/admin/roles/\(clerk.id)/unlock").status == .notFound)
            #expect(try await Self.writes(app) == before)
            // Its own: the locked province account is unlocked by the province's security admin.
            #expect(try await browser.post("/admin/roles/\(province.id)/unlock").status == .ok)
            #expect(try await app.account("province").lockedUntil == 0)
            #expect(try await app.account("staff").role == .employee)
        }
    }
}
