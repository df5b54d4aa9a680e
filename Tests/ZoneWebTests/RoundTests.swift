import Foundation
import Hummingbird
import Testing
import ZoneCore
@testable import ZoneStore
@testable import ZoneWeb

@Suite("全员聘任: a round from posts to confirmed appointments")
struct RoundTests {
    /// 组织人事 sets up posts and a round, an employee applies, the department head ranks, the
    /// round is matched, published and confirmed; an unplaced applicant goes to 待岗.
    @Test func aFullRoundAsHREmployeeAndDepartmentHead() async throws {
        let app = try await TestApp.make()
        let zone = try await app.account("hr").zoneID!
        let staff = try await app.account("staff")
        let head = try await app.account("chanye_head")
        // A second employee in the same department, who will not be ranked. Like everyone in the demo
        // they hold a post from the 2022 全员竞聘上岗, which they lose when they go to 待岗.
        let colleague = try await app.store.people.search(PeopleQuery(zoneID: zone, unitIDs: [head.unitID!], pageSize: 100)).people
            .first { $0.id != staff.personID! }!
        let appointedBefore = try await app.store.appointments.current(zoneID: zone)
        #expect(appointedBefore.contains { $0.person.id == colleague.id })
        let other = try await app.store.accounts.create(NewAccount(username: "colleague", displayName: colleague.name,
                                                                   passwordHash: app.env.hasher.hash(TestApp.password), role: .employee,
                                                                   zoneID: zone, personID: colleague.id, mustChangePassword: false), actor: "t")
        _ = other
        try await app.allowMutualSelection()
        try await app.run { browser in
            try await browser.login("hr")
            let post = try await browser.post("/posts", [("unitID", String(head.unitID!)), ("title", "招商专员"), ("level", "3"), ("category", "招商"),
                                                         ("payCoefficient", "1.2"), ("headcount", "1"), ("termYears", "3"), ("leadership", ""),
                                                         ("requirements", "本科")])
            #expect(post.location == "/posts?msg=saved")
            let bad = try await browser.post("/posts", [("unitID", String(head.unitID!)), ("title", ""), ("level", "12"), ("category", "招商"),
                                                        ("payCoefficient", "x"), ("headcount", "1"), ("termYears", "5")])
            #expect(bad.status == .unprocessableContent && bad.body.contains("聘期为1–3年"))
            let postID = try await app.store.posts.all(zoneID: zone).first { $0.title == "招商专员" }!.id
            let created = try await browser.post("/rounds", [("name", "2024年全员聘任"), ("deadline", "2026-09-30")])
            let path = try #require(created.location)
            #expect(try await browser.post(path + "/offers", [("postID", String(postID)), ("method", "mutual_selection"), ("capacity", "1"),
                                                              ("examWeight", "")]).status == .seeOther)
            // A second post is filled by 直接聘任: 组织人事 names the person.
            let postB = try await app.store.posts.create(Post(id: 0, unitID: head.unitID!, title: "综合文员", level: 2, category: .general,
                                                              payCoefficientMilli: 1000, requirements: "", headcount: 1, termYears: 2, leadership: nil),
                                                         zoneID: zone, actor: "hr")
            #expect(try await browser.post(path + "/offers", [("postID", String(postB.id)), ("method", "direct"), ("capacity", "1"),
                                                              ("examWeight", "")]).status == .seeOther)
            #expect(try await browser.post(path + "/status", [("to", "open")]).status == .seeOther)
            let appointee = try await app.store.people.search(PeopleQuery(zoneID: zone, unitIDs: [head.unitID!], pageSize: 100)).people
                .first { $0.id != staff.personID! && $0.id != colleague.id }!
            #expect(try await browser.post(path + "/posts/\(postB.id)/direct", [("people", "\(appointee.id),\(colleague.id)")])
                .body.contains("不超过计划人数（1）"))
            #expect(try await browser.post(path + "/posts/\(postB.id)/direct", [("people", String(appointee.id))]).status == .seeOther)

            for username in ["staff", "colleague"] {
                try await browser.login(username)
                let applied = try await browser.post(path + "/apply", [("choice1", String(postID))])
                #expect(applied.status == .seeOther, "\(username)")
            }
            try await browser.login("staff")
            #expect(try await browser.post(path + "/apply", [("choice1", "999999")]).status == .unprocessableContent)
            #expect(try await browser.post(path + "/status", [("to", "compute")]).status == .forbidden)

            try await browser.login("chanye_head")
            let ranking = try await browser.post(path + "/posts/\(postID)/ranking", [("pos_\(staff.personID!)", "1"), ("pos_\(colleague.id)", "")])
            #expect(ranking.status == .seeOther)

            try await browser.login("hr")
            let early = try await browser.post(path + "/status", [("to", "compute")])
            #expect(early.status == .conflict && early.body.contains("报名截止日期（2026-09-30）之后才能计算匹配"))
            app.clock.advance(10 * 86_400)
            try await browser.login("staff")
            #expect(try await browser.post(path + "/apply", [("choice1", String(postID))]).body.contains("报名已于2026-09-30截止"))
            try await browser.login("hr")
            #expect(try await browser.post(path + "/status", [("to", "compute")]).status == .seeOther)
            let computed = try await browser.get(path)
            #expect(computed.body.contains("未报名人员（"))
            #expect(computed.body.contains("招商专员") && computed.body.contains("用人单位未将您列入拟聘排序"))
            #expect(try await browser.post(path + "/status", [("to", "publish")]).status == .seeOther)
            // Published on 2026-10-01, inside 国庆 (10-01…07 off, Saturday 10-10 worked): five working
            // days are 10-08, 10-09, 10-10, 10-12 and 10-13.
            let duringPublicity = try await browser.post(path + "/status", [("to", "confirm")])
            #expect(duringPublicity.status == .conflict && duringPublicity.body.contains("公示期至2026-10-13，期满后方可确认聘任"))
            app.clock.advance(8 * 86_400)
            try await browser.login("hr")
            #expect(try await browser.post(path + "/status", [("to", "confirm")]).body.contains("公示期至2026-10-13"))
            app.clock.advance(5 * 86_400)
            try await browser.login("hr") // a week later: a new session
            #expect(try await browser.post(path + "/status", [("to", "confirm")]).status == .seeOther)
            let placed = try await app.store.people.find(id: staff.personID!, zoneID: zone)!
            #expect(placed.status == .active)
            let waiting = try await app.store.people.find(id: colleague.id, zoneID: zone)!
            #expect(waiting.status == .awaiting)
            let direct = try await app.store.people.find(id: appointee.id, zoneID: zone)!
            #expect(direct.status == .active)
            let current = try await app.store.appointments.current(zoneID: zone)
            #expect(current.filter { [postID, postB.id].contains($0.post.id) }.map(\.person.id).sorted() == [staff.personID!, appointee.id].sorted())
            #expect(current.count == appointedBefore.count - 1 && !current.contains { $0.person.id == colleague.id })
            #expect(try await app.store.rounds.all(zoneID: zone).first?.status == .confirmed)
            let report = try await browser.get("/reports/appointments")
            #expect(report.body.contains("招商专员") && report.body.contains(placed.name) && report.body.contains("双轨"))
            #expect(try await browser.get("/").body.contains("1 人待岗培训中"))
            #expect(try await browser.get(path + "/results.xlsx").bytes.starts(with: [0x50, 0x4B]))
            let waitingList = try await browser.get("/reports/waiting")
            #expect(waitingList.body.contains(waiting.name) && waitingList.body.contains("2027-01-14"))
            // The colleague sees only their own line of the published results.
            try await browser.login("colleague")
            let own = try await browser.get(path)
            #expect(own.body.contains("未聘人员") && !own.body.contains(">\(placed.name)<"))
        }
    }
}
