import Foundation
import Testing
import ZoneCore
@testable import ZoneStore
@testable import ZoneWeb

/// 节假日安排 through the pages: a 公示 published on 2026-12-31 skips 元旦 2027 and says its end date is
/// an estimate; every account sees the calendar, only the system admin loads a notice (preview, then commit).
@Suite("Holiday calendar pages")
struct HolidayWebTests {
    /// 2026-09-21 14:13 UTC (the manual clock's start) → 2026-12-31 10:00 in Beijing.
    static let toNewYearsEve: TimeInterval = 8_682_400

    static func notice2027(_ extra: String = "") -> String {
        "日期,安排,节日,通知文号\n" + HolidayNoticeImport.template(year: 2027).map { ($0.dropLast() + ["国办发明电〔2026〕9号"]).joined(separator: ",") }
            .joined(separator: "\n") + "\n2027-01-04,放假,元旦,国办发明电〔2026〕9号\n" + extra
    }

    @Test(arguments: TestApp.backends)
    func aPublicityPeriodIntoAnUnloadedYearSaysSoUntilTheNoticeIsLoaded(_ backend: Backend) async throws {
        let app = try await TestApp.make(backend)
        app.clock.advance(Self.toNewYearsEve)
        let zone = try await app.account("hr").zoneID!
        let head = try await app.account("chanye_head")
        let people = try await app.store.people.search(PeopleQuery(zoneID: zone, unitIDs: [head.unitID!], pageSize: 3)).people
        let post = try await app.store.posts.create(Post(id: 0, unitID: head.unitID!, title: "年末岗位", level: 2, category: .general, payCoefficientMilli: 1000,
                                                         requirements: "", headcount: 1, termYears: 2, leadership: nil), zoneID: zone, actor: "hr")
        try await app.allowMutualSelection()
        let round = try await app.store.rounds.create(zoneID: zone, name: "年末聘任", deadline: CivilDate(year: 2026, month: 12, day: 30)!, actor: "hr")
        try await app.store.rounds.offer(roundID: round, zoneID: zone, postID: post.id, method: .mutualSelection, capacity: 1, examWeight: 50, actor: "hr")
        try await app.store.rounds.setStatus(roundID: round, zoneID: zone, from: [.draft], to: .open, actor: "hr")
        try await app.store.rounds.replaceEntries(roundID: round, zoneID: zone, kind: "apply", personID: people[0].id, postID: nil,
                                                  entries: [.init(kind: "apply", personID: people[0].id, postID: post.id, position: 1, exam: 0, interview: 0)],
                                                  allowed: [.open], actor: "t")
        try await app.run { browser in
            try await browser.login("hr")
            #expect(try await browser.post("/rounds/\(round)/status", [("to", "compute")]).status == .seeOther)
            #expect(try await browser.post("/rounds/\(round)/status", [("to", "publish")]).status == .seeOther)
            // 12-31 → 01-04 … 01-08: 元旦 is a statutory day off even without the 2027 notice.
            #expect(try await app.store.rounds.find(id: round, zoneID: zone)?.publicityEnds == "2027-01-08")
            let warning = "2027年节假日安排尚未导入，公示截止日按法定节日推算，可能需调整"
            #expect(try await browser.get("/rounds/\(round)").body.contains(warning))
            let calendar = try await browser.get("/holidays")
            #expect(calendar.status == .ok && calendar.body.contains(warning) && calendar.body.contains("2027-02-05"))
            #expect(!calendar.body.contains("action=\"/holidays/import\""))
            #expect(try await browser.post("/holidays/import", [("csv", Self.notice2027())]).status == .forbidden)

            try await browser.login("sysadmin")
            let refused = try await browser.upload("/holidays/import", [("mode", "preview"), ("csv", Self.notice2027("2027-01-06,上班,元旦,国办发明电〔2026〕9号\n"))], file: nil)
            #expect(refused.status == .unprocessableContent && refused.body.contains("2027-01-06 不是周六或周日"))
            let preview = try await browser.upload("/holidays/import", [("mode", "preview")],
                                                   file: ("file", "2027.csv", Array(Self.notice2027().utf8)))
            #expect(preview.status == .ok && preview.body.contains("校验通过：2027年：放假 14 天"))
            #expect(try await app.store.holidays.all().map(\.notice.year) == [2025, 2026])
            let token = try #require(preview.body.firstMatch(of: /name="sheet" value="([0-9a-f]{32})"/)?.1)
            let committed = try await browser.upload("/holidays/import", [("mode", "commit"), ("sheet", String(token))], file: nil)
            #expect(committed.status == .ok && committed.body.contains("已导入 2027年"))
            #expect(try await app.store.holidays.all().last?.loadedBy == "sysadmin")
            #expect(try await app.store.holidays.calendar().isWorkingDay(CivilDate(year: 2027, month: 1, day: 4)!) == false)
            #expect(try await browser.get("/holidays/template.xlsx?year=2028").bytes.starts(with: [0x50, 0x4B]))

            try await browser.login("hr")
            #expect(try await !browser.get("/rounds/\(round)").body.contains(warning))
            #expect(try await !browser.get("/holidays").body.contains(warning))
        }
    }
}
