import Foundation
import Hummingbird
import Testing
import ZoneCore
@testable import ZoneStore
@testable import ZoneWeb

/// 三员分立 and personal data (等保 三级): whose audit rows an auditor reads and how much of them, the
/// search box as a way round the mask, the edit form as a reveal, and a password reset that takes
/// two admins and leaves a trace the owner sees.
@Suite("三员分立, audit scope and personal data")
struct PrivilegeSeparationTests {
    static let newcomer = [("name", "审计测试"), ("idNumber", "11010519491231002X"), ("establishment", "编外"), ("status", "在岗")]

    @Test(arguments: TestApp.backends)
    func auditorsReadTheirZoneAndTheAuditAdminSeesNoBusinessValues(_ backend: Backend) async throws {
        let app = try await TestApp.make(backend)
        let hr = try await app.account("hr")
        let xinyu = try #require(try await app.store.zones.find(code: DemoXinyu.zoneCode))
        try await app.addAccount("xinyu_hr", role: .hr, zoneID: xinyu.id)
        let unit = try await app.store.units.all(zoneID: hr.zoneID!)[2].id
        try await app.run { browser in
            try await browser.login("hr")
            let created = try await browser.post("/people", Self.newcomer + [("unitID", String(unit))])
            #expect(created.status == .seeOther)
            try await browser.login("xinyu_hr")

            try await browser.login("auditadmin")
            let audit = try await browser.get("/audit")
            #expect(audit.status == .ok)
            #expect(audit.body.contains("person.create") && audit.body.contains("name=…; idNumber=…"))
            #expect(!audit.body.contains("审计测试") && !audit.body.contains("110105********002X"), "the audit admin reads no business values")
            #expect(!audit.body.contains("xinyu_hr"), "another zone's rows stay with that zone's auditors")

            try await browser.login("jigongwei")
            let discipline = try await browser.get("/audit")
            #expect(discipline.body.contains("name=审计测试") && !discipline.body.contains("xinyu_hr"))

            // The province's auditor reads the rows of no zone (the province's accounts), and no zone's.
            try await browser.login("prov_sysadmin")
            #expect(try await browser.post("/admin/accounts", [("username", "sheng_new"), ("displayName", "省级新账号")]).status == .ok)
            try await browser.login("prov_auditadmin")
            let province = try await browser.get("/audit")
            #expect(province.body.contains("username=sheng_new") && province.body.contains("省级账号共"))
            #expect(!province.body.contains("xinyu_hr") && !province.body.contains("person.create") && !province.body.contains("审计测试"))
        }
    }

    @Test(arguments: TestApp.backends)
    func aWholeIDSearchIsAnAuditedUnmaskAndPartialSearchesSeeOnlyVisibleDigits(_ backend: Backend) async throws {
        let app = try await TestApp.make(backend)
        let head = try await app.account("chanye_head")
        let target = try await app.store.people.search(PeopleQuery(zoneID: head.zoneID!, unitIDs: [head.unitID!])).people[0]
        let hidden = String(target.idNumber.dropFirst(6).prefix(8))
        try await app.run { browser in
            try await browser.login("chanye_head")
            let page = try await browser.get("/people?q=\(target.idNumber)")
            #expect(page.status == .forbidden && page.body.contains("查看完整个人信息") && !page.body.contains(target.name))
            let api = try await browser.get("/api/v1/people?q=\(target.idNumber)")
            #expect(api.status == .forbidden && !api.body.contains(target.name))
            // The visible digits find people; the hidden ones find nobody.
            let prefix = try await browser.get("/api/v1/people?pageSize=200&q=\(target.idNumber.prefix(6))")
            #expect(prefix.status == .ok && prefix.body.contains("\"id\":\(target.id),"))
            let suffix = try await browser.get("/api/v1/people?pageSize=200&q=\(target.idNumber.suffix(4))")
            #expect(suffix.body.contains("\"id\":\(target.id),"))
            let masked = try await browser.get("/people?q=\(target.maskedIDNumber)")
            #expect(masked.status == .ok && masked.body.contains(target.name))
            #expect(try await browser.get("/api/v1/people?q=\(hidden)").body.contains("\"total\":0"))
            #expect(try await browser.get("/api/v1/people?q=\(target.idNumber.prefix(17))").body.contains("\"total\":0"))

            // 组织人事 may look a number up: found, and audited as a reveal of that person.
            try await browser.login("hr")
            let found = try await browser.get("/people?q=\(target.idNumber.lowercased())")
            #expect(found.status == .ok && found.body.contains(target.name))
            let last = try await app.store.audit.recent(app.store.database.reader, limit: 1)[0].entry
            #expect(last.action == "person.reveal" && last.entityID == String(target.id) && last.detail.contains("via=search"))
            #expect(last.detail.contains(target.maskedIDNumber) && !last.detail.contains(target.idNumber))
        }
    }

    @Test func theEditFormIsAuditedAsAReveal() async throws {
        let app = try await TestApp.make()
        let hr = try await app.account("hr")
        let person = try await app.store.people.search(PeopleQuery(zoneID: hr.zoneID!)).people[0]
        try await app.run { browser in
            try await browser.login("hr")
            let form = try await browser.get("/people/\(person.id)/edit")
            #expect(form.status == .ok && form.body.contains(person.idNumber))
            let last = try await app.store.audit.recent(app.store.database.reader, limit: 1)[0].entry
            #expect(last.action == "person.reveal" && last.entityID == String(person.id) && last.detail.contains("via=edit"))
            #expect(last.actor == "hr" && last.zoneID == hr.zoneID)
        }
    }

    @Test(arguments: TestApp.backends)
    func aResetTakesTwoAdminsAndTheOwnerAndTheAuditAdminSeeIt(_ backend: Backend) async throws {
        let app = try await TestApp.make(backend)
        let staff = try await app.account("staff")
        try await app.run { browser in
            try await browser.login("sysadmin")
            let requested = try await browser.post("/admin/accounts/\(staff.id)/reset")
            #expect(requested.status == .ok && requested.body.contains("待安全管理员") && !requested.body.contains("临时密码："))
            #expect(try await browser.post("/admin/roles/\(staff.id)/reset").status == .forbidden, "the system admin cannot approve")
            #expect(try await browser.post("/admin/accounts/\(staff.id)/reset").status == .conflict, "one request at a time")
            // Nothing changed yet: the owner's password still works.
            #expect(try await browser.login("staff").location == "/")

            try await browser.login("secadmin")
            #expect(try await browser.get("/admin/roles").body.contains("sysadmin 申请重置密码"))
            let approved = try await browser.post("/admin/roles/\(staff.id)/reset")
            let password = try #require(approved.body.firstMatch(of: /临时密码：([^（]+)（/)?.1).description
            #expect(approved.status == .ok)
            #expect(try await browser.post("/admin/roles/\(staff.id)/reset").status == .conflict, "approved once")

            #expect(try await browser.login("staff").status == .unauthorized)
            #expect(try await browser.login("staff", password).location == "/password")
            let changed = try await browser.post("/password", [("current", password), ("new", "Own!pass77"), ("confirm", "Own!pass77")])
            #expect(changed.location == "/?msg=password")
            let home = try await browser.get("/")
            #expect(home.body.contains("sysadmin 申请、secadmin 批准重置密码"))

            try await browser.login("auditadmin")
            let audit = try await browser.get("/audit")
            #expect(audit.body.contains("password.reset_request") && audit.body.contains("requested_by=sysadmin; approved_by=secadmin"))
        }
    }

    @Test func adminsManageOnlyTheirZonesAccounts() async throws {
        let app = try await TestApp.make()
        let xinyu = try #require(try await app.store.zones.find(code: DemoXinyu.zoneCode))
        try await app.addAccount("xinyu_clerk", role: .hr, zoneID: xinyu.id)
        let other = try await app.account("xinyu_clerk")
        try await app.run { browser in
            try await browser.login("sysadmin")
            let list = try await browser.get("/admin/accounts")
            #expect(list.body.contains("staff") && !list.body.contains("xinyu_clerk"))
            #expect(try await browser.post("/admin/accounts/\(other.id)/reset").status == .forbidden)
            try await browser.login("secadmin")
            #expect(!(try await browser.get("/admin/roles").body.contains("xinyu_clerk")))
            let moved = try await browser.post("/admin/roles/\(other.id)", [("role", "leader"), ("unitID", ""), ("personID", "")])
            #expect(moved.status == .notFound)
            let after = try await app.account("xinyu_clerk")
            #expect(after.role == .hr && after.zoneID == xinyu.id)
        }
    }
}
