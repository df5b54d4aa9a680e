import Foundation
import Hummingbird
import Testing
import ZoneCore
@testable import ZoneStore
@testable import ZoneWeb

@Suite("岗位设置: editing and 停用 posts")
struct PostTests {
    /// 组织人事 edits a post; a stale form gets 409 and the Chinese message; bad input is shown beside
    /// the field and saves nothing; a 停用 post no longer appears among the posts a round can offer.
    @Test func editWithOptimisticLockingAndDeactivate() async throws {
        let app = try await TestApp.make()
        let zone = try await app.account("hr").zoneID!
        let unit = try await app.account("chanye_head").unitID!
        let post = try await app.store.posts.create(Post(id: 0, unitID: unit, title: "招商专员", level: 3, category: .investment,
                                                         payCoefficientMilli: 1200, requirements: "", headcount: 2, termYears: 3, leadership: nil),
                                                    zoneID: zone, actor: "hr")
        try await app.run { browser in
            try await browser.login("hr")
            let form = try await browser.get("/posts/\(post.id)/edit")
            #expect(form.status == .ok && form.body.contains("name=\"version\" value=\"1\"") && form.body.contains("停用"))
            let fields: [(String, String)] = [("title", "招商经理"), ("level", "4"), ("category", "招商"), ("payCoefficient", "1.5"),
                                              ("headcount", "2"), ("termYears", "2"), ("requirements", "本科"), ("validFrom", "2026-01-01"),
                                              ("validTo", "2028-12-31")]
            #expect(try await browser.post("/posts/\(post.id)", fields + [("version", "1")]).location == "/posts?msg=saved")
            let stale = try await browser.post("/posts/\(post.id)", fields + [("version", "1")])
            #expect(stale.status == .conflict && stale.body.contains("岗位“招商经理”已被他人修改（您编辑的是第1版，当前为第2版），请刷新后重新编辑"))
            let bad = try await browser.post("/posts/\(post.id)", [("title", "招商经理"), ("level", "4"), ("category", "招商"), ("payCoefficient", "1.5"),
                                                                   ("headcount", "2"), ("termYears", "2"), ("validFrom", "2028-01-01"),
                                                                   ("validTo", "2026-01-01"), ("version", "2")])
            #expect(bad.status == .unprocessableContent && bad.body.contains("有效期止不能早于有效期起"))
            let saved = try await app.store.posts.find(id: post.id, zoneID: zone)!
            #expect(saved.version == 2 && saved.title == "招商经理" && saved.validFrom == "2026-01-01" && saved.payCoefficientMilli == 1500)
            let list = try await browser.get("/posts")
            #expect(list.body.contains("2026-01-01 至 2028-12-31"))

            #expect(try await browser.post("/posts/\(post.id)/deactivate").location == "/posts?msg=deactivated")
            #expect(try await browser.get("/posts?msg=deactivated").body.contains("已停用"))
            #expect(try await browser.post("/posts/\(post.id)/deactivate").body.contains("岗位“招商经理”已停用"))
            let round = try await browser.post("/rounds", [("name", "2026年聘任"), ("deadline", "2026-12-31")])
            let page = try await browser.get(try #require(round.location))
            #expect(page.status == .ok && !page.body.contains("招商经理（2个）"))
            try await browser.login("chanye_head")
            #expect(try await browser.post("/posts/\(post.id)/deactivate").status == .forbidden)
        }
    }
}
