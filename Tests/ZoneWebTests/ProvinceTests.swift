import Foundation
import Hummingbird
import Testing
import ZoneCore
@testable import ZoneStore
@testable import ZoneWeb

/// The 省级主管部门 over HTTP: the demo database holds the five seed zones; the province account compares
/// them, opens each zone's dashboard read-only, and reaches nothing about people.
@Suite("全省园区总览 over HTTP")
struct ProvinceTests {
    struct ProvinceJSON: Decodable {
        struct Zone: Decodable {
            struct Establishment: Decodable { let quota: Int, approved: Int, used: Int }
            struct Staff: Decodable { let total: Int, byType: [String: Int] }
            struct Ledgers: Decodable { let strippingRateTenths: Int?, strippingRatePublished: String? }
            struct Pay: Decodable { let period: String, paidFen: Int64 }
            struct Grades: Decodable { let year: Int, total: Int }
            let id: Int64, name: String, href: String
            let establishment: Establishment
            let staff: Staff
            let ledgers: Ledgers
            let pay: Pay?
            let grades: Grades?
        }
        let zones: [Zone]
    }

    @Test func theProvinceComparesZonesFromTheirRowsWithoutPersonalData() async throws {
        let app = try await TestApp.make()
        let province = try await app.account("province")
        #expect(province.zoneID == nil && province.role == .province)
        let zones = try await app.store.zones.all()
        #expect(zones.map(\.code) == [DemoZone.zoneCode, DemoXinyu.zoneCode] + DemoSheetZone.all.map(\.code))
        var everyone: [Person] = []
        for zone in zones { everyone += try await app.store.people.onStrength(zoneID: zone.id) }
        let people = everyone
        let expected = try await app.store.province.figures()
        // 新余's 剥离率: computed over the rows it entered, and the policy's published 60% beside it.
        let xinyuZone = zones[1].id
        let xinyuStripping = LedgerFigures(try await app.store.ledgers.all(zoneID: xinyuZone, kind: .stripping).map(\.record)).stripping
        let xinyuPolicy = try await app.store.policies.require(zoneID: xinyuZone).policy
        let published = try #require(xinyuPolicy.publishedStrippingRate)
        try await app.run { browser in
            try await browser.login("province")
            let page = try await browser.get("/province")
            #expect(page.status == .ok)
            #expect(page.body.contains(DemoZone.zoneName) && page.body.contains(DemoXinyu.zoneName))
            #expect(page.body.contains("<svg") && page.body.contains("社会事务剥离率（按已录入台账计算）"))
            #expect(page.body.contains(LedgerSummary.computedStripping(xinyuStripping)) && page.body.contains(xinyuPolicy.publishedText(published)))
            for zone in zones { #expect(page.body.contains("href=\"/province/zones/\(zone.id)\"")) }

            let json = try await browser.get("/api/v1/province")
            #expect(json.status == .ok)
            let decoded = try JSONDecoder().decode(ProvinceJSON.self, from: Data(json.bytes))
            #expect(decoded.zones.map(\.id) == zones.map(\.id))
            let bijie = decoded.zones[0], xinyu = decoded.zones[1]
            // 毕节 seed: 115 事业编制, all filled, and nobody else on the register (every 编外 diverted).
            #expect(bijie.establishment.quota == 115 && bijie.establishment.used == 115 && bijie.staff.total == bijie.establishment.used)
            #expect(bijie.staff.byType == ["事业": bijie.establishment.used] && bijie.ledgers.strippingRateTenths == expected[0].ledgers.stripping.rateTenths)
            #expect(bijie.ledgers.strippingRatePublished == nil)
            // 新余 demo: 24 行政 + 10 事业 places, 32 filled, 53 people.
            #expect(xinyu.establishment.quota == 34 && xinyu.establishment.used == 32 && xinyu.staff.total == 53)
            #expect(xinyu.staff.byType == ["行政": 23, "事业": 9, "编外": 21])
            #expect(xinyu.ledgers.strippingRateTenths == xinyuStripping.rateTenths && xinyu.ledgers.strippingRatePublished == published.text)
            // No 保留 rows were invented to make 60% come out: the entered rows are the 32 stripped items.
            #expect(xinyuStripping.retained == 0 && xinyuStripping.stripped == 32 && published.text == "60")
            #expect(xinyu.pay?.period == "2024" && xinyu.grades?.year == 2024 && xinyu.grades?.total == 53)
            #expect(bijie.grades?.year == 2025 && xinyu.href == "/province/zones/\(zones[1].id)")
            for (zone, figures) in zip(decoded.zones, expected) {
                #expect(zone.pay?.paidFen == figures.pay?.paidFen && zone.establishment.approved == figures.approved)
            }

            let zonePage = try await browser.get("/province/zones/\(zones[1].id)")
            #expect(zonePage.status == .ok && zonePage.body.contains(DemoXinyu.zoneName) && zonePage.body.contains("<svg"))
            let figures = try await browser.get("/api/v1/province/zones/\(zones[1].id)")
            #expect(figures.status == .ok && figures.body.contains("\"key\":\"grades\""))
            // Every link leads to the aggregated zone page, never to rows (节假日安排 is the State Council's, not a zone's).
            for body in [page.body, zonePage.body, figures.body] {
                let links = body.matches(of: /href="([^"]+)"|"href":"([^"]+)"/).map { String($0.1 ?? $0.2 ?? "") }
                #expect(!links.isEmpty)
                for link in links where !link.hasPrefix("/static/") {
                    #expect(link.hasPrefix("/province") || ["/", "/password", "/holidays"].contains(link), "\(link)")
                }
            }
            // No personal data anywhere: no ID number, phone or name of anyone on either register.
            for person in people {
                for body in [page.body, json.body, zonePage.body, figures.body] {
                    #expect(!body.contains(person.idNumber) && !(person.phone.map(body.contains) ?? false))
                    if person.name.count >= 3 { #expect(!body.contains(person.name), "\(person.name)") }
                }
            }
            #expect(try await browser.get("/province/zones/99999").status == .notFound)
            #expect(try await browser.get("/api/v1/province/zones/99999").status == .notFound)
        }
    }

    /// The province account is refused every zone page and API (it has no zone, and must not read
    /// zone 0 or any zone's people); a zone's 组织人事 is refused the province view.
    @Test func provinceAndZoneRolesStayInTheirLanes() async throws {
        let app = try await TestApp.make()
        let staff = try await app.account("staff")
        let appraisal = try await app.store.appraisals.all(zoneID: staff.zoneID!)[0].id
        try await app.run { browser in
            try await browser.login("province")
            for path in ["/people", "/people/\(staff.personID!)", "/units", "/dashboard", "/reports", "/ledgers", "/appraisals",
                         "/appraisals/\(appraisal)/people/\(staff.personID!)", "/pay-runs", "/rounds", "/admin/accounts", "/audit",
                         "/api/v1/people", "/api/v1/people/\(staff.personID!)", "/api/v1/units", "/api/v1/dashboard"] {
                #expect(try await browser.get(path).status == .forbidden, "\(path)")
            }
            let edit = try await browser.request(.post, "/api/v1/people", json: "{}", headers: [.init("X-CSRF-Token")!: browser.csrf])
            #expect(edit.status == .forbidden)
            let home = try await browser.get("/")
            #expect(home.status == .ok && home.body.contains("href=\"/province\"") && !home.body.contains("尚未分配角色范围"))
            #expect(!home.body.contains("核定编制"))
            #expect(try await browser.get("/api/v1/session").body.contains("\"role\":\"province\""))

            try await browser.login("hr")
            let refused = try await browser.get("/province")
            #expect(refused.status == .forbidden && refused.body.contains("查看全省园区总览"))
            #expect(try await browser.get("/province/zones/1").status == .forbidden)
            let api = try await browser.get("/api/v1/province")
            #expect(api.status == .forbidden && api.body.contains("\"code\":\"forbidden\""))
        }
    }

    /// 三员 of the province: its system admin creates an account of no zone, its security admin makes
    /// it 省级主管部门. A zone's security admin cannot: the province role is not among its roles, and
    /// the account of no zone is not its to change.
    @Test func theProvincesAdminsCreateAProvinceAccount() async throws {
        let app = try await TestApp.make()
        try await app.run { browser in
            try await browser.login("prov_sysadmin")
            let created = try await browser.post("/admin/accounts", [("username", "sheng_bianban"), ("displayName", "省委编办 刘洋")])
            #expect(created.status == .ok && created.body.contains("已创建账号 sheng_bianban") && created.body.contains("新账号为省级账号"))
            let account = try await app.account("sheng_bianban")
            #expect(account.zoneID == nil && account.role == .employee)

            try await browser.login("secadmin")
            let zoneRoles = try await browser.get("/admin/roles")
            #expect(!zoneRoles.body.contains("<option value=\"province\"") && !zoneRoles.body.contains("sheng_bianban"))
            #expect(try await browser.post("/admin/roles/\(account.id)", [("role", "province")]).status == .notFound)
            #expect(try await app.account("sheng_bianban").role == .employee)

            try await browser.login("prov_secadmin")
            let roles = try await browser.get("/admin/roles")
            #expect(roles.body.contains("<option value=\"province\">省级主管部门</option>") && !roles.body.contains("<option value=\"hr\""))
            #expect(try await browser.post("/admin/roles/\(account.id)", [("role", "province")], csrf: false).status == .forbidden)
            #expect(try await app.account("sheng_bianban").role == .employee)
            let refused = try await browser.post("/admin/roles/\(account.id)", [("role", "hr")])
            #expect(refused.status == .unprocessableContent && refused.body.contains("省级账号只能分配以下角色：省级主管部门"))
            let assigned = try await browser.post("/admin/roles/\(account.id)", [("role", "province"), ("unitID", "3"), ("person", "1")])
            #expect(assigned.status == .ok && assigned.body.contains("设为省级主管部门"))
            let province = try await app.account("sheng_bianban")
            #expect(province.role == .province && province.zoneID == nil && province.unitID == nil && province.personID == nil)

            try await app.store.accounts.setPassword(id: account.id, hash: app.env.hasher.hash(TestApp.password), mustChange: false, actor: "t")
            try await browser.login("sheng_bianban")
            #expect(try await browser.get("/province").status == .ok)
            #expect(try await browser.get("/people").status == .forbidden)
        }
    }
}
