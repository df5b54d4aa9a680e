import Foundation
import Hummingbird
import Testing
import ZoneCore
@testable import ZoneStore
@testable import ZoneWeb

/// The demo reads the seed documents as they are written, through the pages users open: 毕节's
/// register after the reform and its 24.7% over the pre-reform 编制, its 低职高聘/高职低聘 from
/// the round of sealed-archive 编内 staff, and 新余's 剥离率 shown as published beside the rate over
/// the rows it entered.
@Suite("Demo readings of the seeds")
struct DemoSeedReadingTests {
    /// Seed 000: "改革后,毕节高新区保留编制115名,占比改革前……编制人数465人的24.7%": the 115 are
    /// today's 核定编制, the 465 the zone's entry of the pre-reform establishment, not its register.
    @Test func bijieRetainedEstablishmentIsOverThePreReformEstablishment() async throws {
        let app = try await TestApp.make()
        let zone = try await app.account("hr").zoneID!
        let usage = EstablishmentUsage(book: try await app.store.quotas.book(zoneID: zone))
        let before = try #require(try await app.store.policies.require(zoneID: zone).policy.establishmentBeforeReform)
        let share = try #require(Percent.tenths(usage.totalQuota, of: before.establishment))
        #expect(usage.totalStaff == usage.totalUsed && usage.totalContract == 0)
        try await app.run { browser in
            try await browser.login("hr")
            let home = try await browser.get("/")
            #expect(home.status == .ok)
            #expect(home.body.contains("核定编制占改革前编制") && home.body.contains(">\(share / 10).\(share % 10)%<"))
            #expect(home.body.contains("按已录入核定编制 \(usage.totalQuota) 名 ÷ 改革前编制 \(before.establishment) 名计算"))
            #expect(home.body.contains("公开数据：\(before.published)"))
        }
        #expect("\(share / 10).\(share % 10)" == before.published.text && usage.totalStaff != before.establishment)
    }

    /// Seed 000: "组织全部档案封存人员参加……全员竞聘上岗,产生6名“低职高聘”、2名“高职低聘”": the demo's
    /// confirmed round of 编内 people gives the policy's counts, archive rank against appointed post.
    @Test func bijieDualTrackComesFromTheRoundOfSealedArchiveStaff() async throws {
        let app = try await TestApp.make()
        let zone = try await app.account("hr").zoneID!
        let policy = try await app.store.policies.require(zoneID: zone).policy
        guard case .count(let above)? = policy.figure("appointed_above_archive")?.measure,
              case .count(let below)? = policy.figure("appointed_below_archive")?.measure else {
            Issue.record("bijie.yaml should publish appointed_above_archive and appointed_below_archive"); return
        }
        let round = try #require(try await app.store.rounds.all(zoneID: zone).first { $0.name == DemoRound.name })
        #expect(round.status == .confirmed)
        #expect(try await app.store.rounds.offers(roundID: round.id).allSatisfy { $0.method == .competitive })
        let current = try await app.store.appointments.current(zoneID: zone)
        let register = try await app.store.people.onStrength(zoneID: zone)
        #expect(current.count == register.count && current.allSatisfy { $0.person.establishment != .contract })
        let track = DualTrack(current.map { ($0.person.archiveRank, $0.post.level) })
        #expect(track.higher == above && track.lower == below && track.unknown == 0)
        try await app.run { browser in
            try await browser.login("hr")
            let report = try await browser.get("/reports/appointments")
            #expect(report.body.contains("低职高聘</div><div class=\"value\">\(above)</div>"))
            #expect(report.body.contains("高职低聘</div><div class=\"value\">\(below)</div>"))
        }
    }

    /// Seed 001: "剥离率达60%" with no denominator. The ledger, the dashboard and its API show the
    /// published figure as published and the rate over the entered rows as computed; no 保留 rows
    /// were invented.
    @Test func xinyuStrippingRateIsShownAsPublishedBesideTheComputedOne() async throws {
        let app = try await TestApp.make()
        let xinyu = try #require(try await app.store.zones.find(code: DemoXinyu.zoneCode))
        try await app.addAccount("xinyu_hr", role: .hr, zoneID: xinyu.id)
        let policy = try await app.store.policies.require(zoneID: xinyu.id).policy
        let published = try #require(policy.publishedStrippingRate)
        let rows = try await app.store.ledgers.all(zoneID: xinyu.id, kind: .stripping).map(\.record)
        let stripped = rows.count { $0["mode"] == "整体剥离" || $0["mode"] == "部分剥离" }
        let kept = rows.count { $0["mode"] == "保留" }
        let tenths = try #require(Percent.tenths(stripped, of: stripped + kept))
        let computed = "\(tenths / 10).\(tenths % 10)%"
        #expect(kept == 0 && stripped == 32)
        try await app.run { browser in
            try await browser.login("xinyu_hr")
            for path in ["/ledgers", "/ledgers/stripping"] {
                let page = try await browser.get(path)
                #expect(page.status == .ok)
                #expect(page.body.contains("剥离率（按已录入台账计算）</div><a class=\"value\" href=\"/ledgers/stripping\">\(computed)</a>"), "\(path)")
                #expect(page.body.contains("剥离率（公开数据，\(policy.source)）</div><a class=\"value\" href=\"/ledgers/stripping\">\(published)</a>"), "\(path)")
            }
            let dashboard = try await browser.get("/dashboard")
            let computedNote = "社会事务剥离率 按已录入台账计算：\(computed)（已剥离\(stripped)项 / 录入\(stripped + kept)项）"
            let publishedNote = "社会事务剥离率 公开数据：\(published)（\(policy.source)）"
            #expect(dashboard.body.contains(computedNote) && dashboard.body.contains(publishedNote))
            let api = try await browser.get("/api/v1/dashboard/ledgers")
            #expect(api.status == .ok && api.body.contains(computedNote) && api.body.contains(publishedNote))
        }
        #expect(published.text == "60" && computed != "\(published)")
    }
}
