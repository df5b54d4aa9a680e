import Foundation
import Testing
import ZoneCore
@testable import ZoneStore
@testable import ZoneWeb

/// The organization section of a zone's policy decides what the unit page, the 三定 sheet and the person form accept.
@Suite("Organization policy on the web")
struct OrganizationPolicyWebTests {
    /// 成都芯谷's policy lists only 员额 (取消编制管理): a 事业编制 quota or a 事业编制 person is refused naming the key,
    /// while 员额 goes through; the same refusal disappears once the zone's policy lists 事业.
    @Test func aKindThePolicyDoesNotListIsRefused() async throws {
        let app = try await TestApp.make()
        let zone = try #require(try await app.store.zones.find(code: "chengdu-xingu"))
        let units = try await app.store.units.all(zoneID: zone.id)
        let root = try #require(units.first { $0.parentID == nil })
        let department = try #require(units.first { $0.name == "规划建设部" })
        let refusal = "本园区政策（organization.establishment）只使用：员额；不能核定事业编制"
        let doc = [("documentNo", "双编〔2025〕3号"), ("approvedOn", "2025-03-01")]
        @Sendable func sheet(_ category: EstablishmentCategory) -> String {
            let row = ["数字服务部", root.name, "内设机构", "法定机构", "", "", "", ""] + QuotaItem.all.map { $0 == .establishment(category) ? "5" : "" } + ["是"]
            return UnitImport.columns.joined(separator: ",") + "\n" + row.joined(separator: ",")
        }
        let person = [("name", "新同志"), ("idNumber", "11010519491231002X"), ("unitID", String(department.id)), ("status", "在岗")]
        try await app.run { browser in
            try await browser.login("chengdu_xingu_hr")
            let refused = try await browser.post("/units/\(department.id)/establishment", [("category", "事业"), ("quota", "3")] + doc)
            #expect(refused.status == .unprocessableContent && refused.body.contains(refusal))
            #expect(try await app.store.quotas.book(zoneID: zone.id).establishment[department.id]?[.institutional] == nil)
            #expect(try await browser.post("/units/\(department.id)/establishment", [("category", "员额"), ("quota", "6")] + doc).status == .seeOther)
            #expect(try await app.store.quotas.book(zoneID: zone.id).establishment[department.id]?[.postCap] == 6)

            let badSheet = try await browser.post("/units/import", [("csv", sheet(.institutional)), ("mode", "preview")])
            #expect(badSheet.status == .unprocessableContent && badSheet.body.contains("事业编制") && badSheet.body.contains(refusal))
            let goodSheet = try await browser.post("/units/import", [("csv", sheet(.postCap)), ("mode", "preview")])
            #expect(goodSheet.status == .ok && goodSheet.body.contains("员额 — → 5"))

            let hire = try await browser.post("/people", person + [("establishment", "事业")])
            #expect(hire.status == .conflict && hire.body.contains("本园区政策（organization.establishment）只使用：员额；不能登记事业编制人员"))
            #expect(try await app.store.people.search(PeopleQuery(zoneID: zone.id, text: "新同志")).total == 0)

            // The same quota under a policy that lists 事业 is taken: the key, not the zone, decided.
            let policy = try await app.store.policies.require(zoneID: zone.id).document
            #expect(policy.contains("establishment: [员额]"))
            try await app.store.policies.load(zoneID: zone.id, yaml: policy.replacingOccurrences(of: "establishment: [员额]", with: "establishment: [员额, 事业]"),
                                              source: "test", actor: "test")
            #expect(try await browser.post("/units/\(department.id)/establishment", [("category", "事业"), ("quota", "3")] + doc).status == .seeOther)
            #expect(try await app.store.quotas.book(zoneID: zone.id).establishment[department.id]?[.institutional] == 3)
        }
    }

    /// 新余's policy targets 科级领导职数 −18.3% (organization.leadership_targets). Its 11 posts cut to 9 (−18.2%) miss the
    /// target and the plan page says by how many; cut to 8 (−27.3%) they reach it, and a policy without the target shows nothing.
    @Test func aPlanIsHeldAgainstTheLeadershipTarget() async throws {
        let app = try await TestApp.make()
        let zone = try #require(try await app.store.zones.find(code: "xinyu"))
        try await app.addAccount("xinyu_planner", role: .hr, zoneID: zone.id)
        let book = try await app.store.quotas.book(zoneID: zone.id)
        let holder = try #require(book.leadership.first { $0.value[.sectionLevel] != nil })
        #expect(book.leadership.values.reduce(0) { $0 + ($1[.sectionLevel] ?? 0) } == 11 && holder.value[.sectionLevel] == 11)
        try await app.run { browser in
            try await browser.login("xinyu_planner")
            let path = try #require(try await browser.post("/plans", [("name", "岗位控制和机构运行调整方案")]).location)
            func cut(to quota: Int, version: Int) async throws -> String {
                let saved = try await browser.post(path + "/steps", [("op", "leadership"), ("unit", "e:\(holder.key)"), ("class", "科级"),
                                                                     ("quota", String(quota)), ("version", String(version))])
                #expect(saved.status == .seeOther)
                return try await browser.get(path).body
            }
            let missed = try await cut(to: 9, version: 1)
            #expect(missed.contains("本方案未达到政策目标：科级领导职数：改革前 11，方案 9（−18.2%），目标 -18.3%，未达到（须再核减 1 名）"))
            let reached = try await cut(to: 8, version: 2)
            #expect(reached.contains("科级领导职数：改革前 11，方案 8（−27.3%），目标 -18.3%，已达到") && !reached.contains("本方案未达到政策目标"))

            let policy = try await app.store.policies.require(zoneID: zone.id).document
            let untargeted = policy.replacingOccurrences(of: "  leadership_targets:\n    - {class: 科级, change_percent: -18.3} # 科级领导职数核减18.3%\n", with: "")
            #expect(untargeted != policy)
            try await app.store.policies.load(zoneID: zone.id, yaml: untargeted, source: "test", actor: "test")
            #expect(try await !browser.get(path).body.contains("organization.leadership_targets"))
        }
    }
}
