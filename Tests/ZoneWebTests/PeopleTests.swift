import Hummingbird
import Testing
import ZoneCore
@testable import ZoneStore
@testable import ZoneWeb

@Suite("People register pages and API")
struct PeopleTests {
    @Test func theListMasksIDNumbersAndPhones() async throws {
        let app = try await TestApp.make()
        let zone = try await app.account("hr").zoneID!
        let first = try await app.store.people.search(PeopleQuery(zoneID: zone, pageSize: 20)).people
        // 毕节's register after the reform: its 115 编内, nobody 编外 (seed 000; the demo's units say how many).
        let register = DemoZone.units.reduce(0) { $0 + $1.staffed + $1.contract }
        try await app.run { browser in
            try await browser.login("hr")
            let page = try await browser.get("/people")
            #expect(page.status == .ok && page.body.contains("共 \(register) 人"))
            for person in first {
                #expect(!page.body.contains(person.idNumber))
                #expect(page.body.contains(person.maskedIDNumber))
                if let phone = person.phone { #expect(!page.body.contains(phone)) }
            }
            let api = try await browser.get("/api/v1/people?pageSize=5")
            #expect(api.body.contains("\"masked\":true") && !api.body.contains(first[0].idNumber))
        }
    }

    @Test func searchFindsByNameAndUnit() async throws {
        let app = try await TestApp.make()
        let zone = try await app.account("hr").zoneID!
        let someone = try await app.store.people.search(PeopleQuery(zoneID: zone, page: 3)).people[0]
        try await app.run { browser in
            try await browser.login("hr")
            let byName = try await browser.get("/people?" + FormFields.encode([("q", someone.name)]))
            #expect(byName.body.contains("/people/\(someone.id)\""))
            let byUnit = try await browser.get("/people?unit=\(someone.unitID)")
            #expect(byUnit.body.contains("/people/\(someone.id)\"") || byUnit.body.contains("下一页"))
        }
    }

    @Test func revealingPersonalDataNeedsThePermissionAndIsAudited() async throws {
        let app = try await TestApp.make()
        let staff = try await app.account("staff")
        let person = try await app.store.people.find(id: staff.personID!, zoneID: staff.zoneID!)!
        try await app.run { browser in
            try await browser.login("leader")
            #expect(try await browser.get("/people/\(person.id)?reveal=1").status == .forbidden)
            try await browser.login("hr")
            let masked = try await browser.get("/people/\(person.id)")
            #expect(!masked.body.contains(person.idNumber))
            let revealed = try await browser.get("/people/\(person.id)?reveal=1")
            #expect(revealed.body.contains(person.idNumber))
            let last = try await app.store.audit.recent(app.store.database.reader, limit: 1)[0].entry
            #expect(last.action == "person.reveal" && last.actor == "hr" && last.entityID == String(person.id))
        }
    }

    @Test func invalidInputIsShownBesideTheFieldsAndNothingIsWritten() async throws {
        let app = try await TestApp.make()
        let hr = try await app.account("hr")
        let unit = try await app.store.units.all(zoneID: hr.zoneID!)[2].id
        let auditBefore = try await app.store.audit.count(app.store.database.reader)
        try await app.run { browser in
            try await browser.login("hr")
            let page = try await browser.post("/people", [("name", "张三"), ("idNumber", "110105194912310021"), ("phone", "12345"),
                                                          ("unitID", String(unit)), ("establishment", "编外"), ("status", "在岗")])
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains("身份证号校验位不符"))
            #expect(page.body.contains("手机号格式不正确"))
            #expect(page.body.contains("value=\"张三\""))
            #expect(try await app.store.audit.count(app.store.database.reader) == auditBefore + 1) // only the login
            #expect(try await app.store.people.search(PeopleQuery(zoneID: hr.zoneID!)).total == DemoZone.people().count)
        }
    }

    @Test func createThenEditAndAStaleEditIsRefused() async throws {
        let app = try await TestApp.make()
        let hr = try await app.account("hr")
        let unit = try await app.store.units.all(zoneID: hr.zoneID!)[3].id
        try await app.run { browser in
            try await browser.login("hr")
            let fields = [("name", "阿卜杜·热合曼"), ("idNumber", "11010519491231002x"), ("phone", "13800138000"),
                          ("unitID", String(unit)), ("establishment", "编外"), ("archivePost", "<script>alert(1)</script>"), ("status", "在岗")]
            let created = try await browser.post("/people", fields)
            #expect(created.status == .seeOther)
            let path = String(created.location!.split(separator: "?")[0])
            let detail = try await browser.get(path)
            #expect(detail.body.contains("阿卜杜·热合曼") && detail.body.contains("&lt;script&gt;") && !detail.body.contains("<script>"))
            #expect(try await browser.post("/people", fields).body.contains("已登记为"))
            let first = try await browser.post(path, fields.map { $0.0 == "archivePost" ? ("archivePost", "科员") : $0 } + [("version", "1")])
            #expect(first.status == .seeOther)
            let stale = try await browser.post(path, fields.map { $0.0 == "archivePost" ? ("archivePost", "科长") : $0 } + [("version", "1")])
            #expect(stale.status == .conflict && stale.body.contains("已被他人修改"))
            let api = try await browser.request(.put, "/api/v1/\(path.dropFirst())", json: """
                {"name":"阿卜杜·热合曼","idNumber":"11010519491231002X","unitId":\(unit),"establishment":"编外","version":1}
                """, headers: [.init("X-CSRF-Token")!: browser.csrf])
            #expect(api.status == .conflict && api.body.contains("stale_version"))
            #expect(try await browser.get(path).body.contains("科员"))
        }
    }

    @Test func theAPICreatesPeopleAndReportsFieldErrors() async throws {
        let app = try await TestApp.make()
        let hr = try await app.account("hr")
        let unit = try await app.store.units.all(zoneID: hr.zoneID!)[3].id
        try await app.run { browser in
            try await browser.login("hr")
            let headers: HTTPFields = [.init("X-CSRF-Token")!: browser.csrf]
            let bad = try await browser.request(.post, "/api/v1/people", json: #"{"name":"Tom","idNumber":"123"}"#, headers: headers)
            #expect(bad.status == .unprocessableContent && bad.body.contains("\"unitId\":\"必填\""))
            let malformed = try await browser.request(.post, "/api/v1/people", json: "{", headers: headers)
            #expect(malformed.status == .badRequest)
            let good = try await browser.request(.post, "/api/v1/people", json: """
                {"name":"李四","idNumber":"11010519491231002X","unitId":\(unit),"establishment":"编外"}
                """, headers: headers)
            #expect(good.status == .created && good.body.contains("\"idNumber\":\"110105********002X\""))
        }
    }
}

@Suite("HTML escaping")
struct HTMLTests {
    @Test func textAndAttributesAreEscaped() {
        let html = HTML.tag("input", ["value": "\"><script>'&"]).rendered
        #expect(html == "<input value=\"&quot;&gt;&lt;script&gt;&#39;&amp;\">")
        #expect(HTML.tag("td") { "<b>" }.rendered == "<td>&lt;b&gt;</td>")
    }
}
