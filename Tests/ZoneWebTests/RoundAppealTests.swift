import Foundation
import Hummingbird
import Testing
import ZoneCore
@testable import ZoneStore
@testable import ZoneWeb

@Suite("社会招聘 and 申诉 in the web app")
struct RoundAppealTests {
    /// 组织人事 enters external candidates (errors beside the fields, nothing written on bad input),
    /// an employee left unplaced objects during the 公示期, confirmation waits for the answer, and
    /// the hired candidate joins the register on confirmation.
    @Test func candidatesAndAnObjectionThroughConfirmation() async throws {
        let app = try await TestApp.make()
        let zone = try await app.account("hr").zoneID!
        let staff = try await app.account("staff")
        let unit = try await app.account("chanye_head").unitID!
        let insider = try await app.store.people.find(id: staff.personID!, zoneID: zone)!
        func post(_ title: String) async throws -> Post {
            try await app.store.posts.create(Post(id: 0, unitID: unit, title: title, level: 2, category: .general, payCoefficientMilli: 1000,
                                                  requirements: "", headcount: 1, termYears: 3, leadership: nil), zoneID: zone, actor: "hr")
        }
        let recruited = try await post("数据分析师")
        let mutual = try await post("综合文员")
        try await app.allowMutualSelection()
        try await app.run { browser in
            try await browser.login("hr")
            let path = try #require(try await browser.post("/rounds", [("name", "2026年聘任"), ("deadline", "2026-09-25")]).location)
            for (postID, method) in [(recruited.id, "open_recruitment"), (mutual.id, "mutual_selection")] {
                #expect(try await browser.post(path + "/offers", [("postID", String(postID)), ("method", method), ("capacity", "1")]).status == .seeOther)
            }
            let bad = try await browser.post(path + "/candidates", [("postID", String(recruited.id)), ("name", "Tom"), ("idNumber", "110105194912310021"),
                                                                    ("phone", "123"), ("score", "88")])
            #expect(bad.status == .unprocessableContent && bad.body.contains("身份证号校验位不符，请核对身份证原件")
                && bad.body.contains("姓名只能包含汉字和间隔号“·”") && bad.body.contains("value=\"Tom\""))
            let duplicate = try await browser.post(path + "/candidates", [("postID", String(recruited.id)), ("name", "钱七"),
                                                                          ("idNumber", insider.idNumber), ("phone", "13900139000"), ("score", "88")])
            #expect(duplicate.status == .conflict && duplicate.body.contains("已登记为“\(insider.name)”"))
            #expect(try await app.store.rounds.candidates(roundID: Int64(path.split(separator: "/").last!)!).isEmpty)
            let outsider = ResidentID.make(region: "520502", birth: CivilDate(year: 1996, month: 5, day: 4)!, sequence: 321)
            #expect(try await browser.post(path + "/candidates", [("postID", String(recruited.id)), ("name", "钱七"), ("idNumber", outsider.value),
                                                                  ("phone", "13900139000"), ("score", "88.5")]).location == path + "?msg=saved")
            let listed = try await browser.get(path)
            #expect(listed.body.contains("钱七") && listed.body.contains(outsider.masked) && !listed.body.contains(outsider.value))
            #expect(try await browser.post(path + "/status", [("to", "open")]).status == .seeOther)

            try await browser.login("staff")
            #expect(try await browser.post(path + "/apply", [("choice1", String(mutual.id))]).status == .seeOther)
            #expect(try await browser.post(path + "/apply", [("choice1", String(recruited.id))]).status == .unprocessableContent)
            app.clock.advance(5 * 86_400)
            try await browser.login("hr")
            #expect(try await browser.post(path + "/status", [("to", "compute")]).status == .seeOther)
            #expect(try await browser.post(path + "/status", [("to", "publish")]).status == .seeOther)
            let ends = try #require(try await app.store.rounds.all(zoneID: zone).first?.publicityEnds)

            try await browser.login("staff")
            #expect(try await browser.get(path).body.contains("提交申诉"))
            #expect(try await browser.post(path + "/objections", [("reason", " ")]).status == .unprocessableContent)
            #expect(try await browser.post(path + "/objections", [("reason", "本人符合条件却未被排序")]).location == path + "?msg=objection")
            #expect(try await browser.get(path).body.contains("本人符合条件却未被排序"))

            app.clock.advance(20 * 86_400)
            try await browser.login("hr")
            let held = try await browser.post(path + "/status", [("to", "confirm")])
            #expect(held.status == .conflict && held.body.contains("尚有1件申诉未处理，请先答复（维持或更正）后再确认聘任"))
            #expect(held.body.contains("本人符合条件却未被排序") && held.body.contains("待处理") && ends < app.store.clock.today.description)
            let objection = try await app.store.rounds.objections(roundID: Int64(path.split(separator: "/").last!)!)[0]
            #expect(try await browser.post(path + "/objections/\(objection.id)/review", [("decision", "upheld"), ("reply", "")]).status
                == .unprocessableContent)
            #expect(try await browser.post(path + "/objections/\(objection.id)/review", [("decision", "upheld"), ("reply", "该岗位无人排序，维持")])
                .location == path + "?msg=reviewed")
            #expect(try await browser.post(path + "/status", [("to", "confirm")]).location == path + "?msg=confirm")
            let hired = try #require(try await app.store.people.search(PeopleQuery(zoneID: zone, text: "钱七")).people.first)
            #expect(hired.idNumber == outsider.value && hired.establishment == .contract && hired.unitID == unit)
            let confirmed = try await browser.get(path)
            #expect(confirmed.body.contains("社会招聘第1名") && confirmed.body.contains("已聘，已入名册") && confirmed.body.contains("维持原结果"))

            try await browser.login("staff")
            let own = try await browser.get(path)
            #expect(own.body.contains("该岗位无人排序，维持") && !own.body.contains("钱七"))
        }
    }
}
