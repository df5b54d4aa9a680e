import Foundation
import Testing
@testable import ZoneCore
import ZoneTestSupport
@testable import ZoneStore

/// The province view's figures: two zones with different rows, each zone's figures computed from
/// its own rows only (grouped by zone) and equal to what the zone's own views compute.
@Suite("Province figures across zones")
struct ProvinceStoreTests {
    @Test(arguments: TestDatabase.backends)
    func eachZoneGetsItsOwnFiguresFromItsRows(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            // Zone A (新余's policy): 2023 computed, 2024 final and paid; then a 待岗 事业 person, an
            // 编外 person and a retired one (who no longer counts).
            let f = try await AppraisalPayStoreTests.fixture(store)
            let (old, _) = try await AppraisalPayStoreTests.cascade(f, year: 2023)
            try await store.appraisals.compute(appraisalID: old, zoneID: f.zone, actor: "hr")
            let (year, _) = try await AppraisalPayStoreTests.cascade(f, year: 2024)
            try await store.appraisals.compute(appraisalID: year, zoneID: f.zone, actor: "hr")
            try await store.appraisals.publish(appraisalID: year, zoneID: f.zone, ends: CivilDate(year: 2020, month: 1, day: 10)!, actor: "hr")
            try await store.appraisals.finalize(appraisalID: year, zoneID: f.zone, actor: "hr")
            let run = try await store.payRuns.create(PayRunRequest(period: "2024", appraisalID: year, pool: .fixed(fen: 1_000_000)), zoneID: f.zone, actor: "hr")
            try await store.payRuns.approve(runID: run, zoneID: f.zone, actor: "leader")
            try await store.payRuns.lock(runID: run, zoneID: f.zone, actor: "hr")
            var waiting = TestDatabase.person("戊", sequence: 805, unit: f.units[3])
            waiting.status = .awaiting
            var retired = TestDatabase.person("庚", sequence: 807, unit: f.units[2], category: .contract)
            retired.status = .retired
            _ = try await store.people.createAll([waiting, TestDatabase.person("己", sequence: 806, unit: f.units[2], category: .contract), retired],
                                                 zoneID: f.zone, actor: "t")

            // Zone B: no appraisal or pay; one appointment by a direct round, an approved extra place,
            // stripping and project rows.
            let (zoneB, unitsB) = try await TestDatabase.seedZone(store)
            let b = try await store.people.createAll([TestDatabase.person("子", sequence: 901, unit: unitsB[3]),
                                                      TestDatabase.person("丑", sequence: 902, unit: unitsB[1], category: .contract)],
                                                     zoneID: zoneB, actor: "t")
            _ = try await store.quotas.addApproval(unitID: unitsB[3], zoneID: zoneB, kind: .establishment, quotaClass: EstablishmentCategory.institutional.rawValue, extra: 1,
                                                   docNumber: "编审〔2024〕1号", approver: "编委", approvedOn: CivilDate(year: 2024, month: 3, day: 1)!,
                                                   note: "", actor: "hr")
            let round = try await store.rounds.create(zoneID: zoneB, name: "全员聘任", deadline: CivilDate(year: 2099, month: 1, day: 1)!, actor: "hr")
            let post = try await store.posts.create(Post(id: 0, unitID: unitsB[3], title: "综合岗", level: 3, category: .general, payCoefficientMilli: 1000,
                                                         requirements: "", headcount: 1, termYears: 3, leadership: nil), zoneID: zoneB, actor: "hr")
            try await store.rounds.offer(roundID: round, zoneID: zoneB, postID: post.id, method: .direct, capacity: 1, examWeight: 50, actor: "hr")
            try await store.rounds.replaceEntries(roundID: round, zoneID: zoneB, kind: "direct", personID: nil, postID: post.id,
                                                  entries: [.init(kind: "direct", personID: b[0].id, postID: post.id, position: 0, exam: 0, interview: 0)],
                                                  allowed: [.draft], actor: "hr")
            try await store.rounds.setStatus(roundID: round, zoneID: zoneB, from: [.draft], to: .open, actor: "hr")
            _ = try await store.rounds.compute(roundID: round, zoneID: zoneB, actor: "hr")
            try await store.rounds.setStatus(roundID: round, zoneID: zoneB, from: [.computed], to: .published, actor: "hr")
            try await store.rounds.confirm(roundID: round, zoneID: zoneB, waitingMonths: 3, actor: "hr")
            let strip = (0..<3).map { LedgerRecord(kind: .stripping, values: ["item": "剥离\($0)", "mode": "整体剥离"]) }
                + [LedgerRecord(kind: .stripping, values: ["item": "保留", "mode": "保留"])]
            let projects = [LedgerRecord(kind: .projects, values: ["name": "项目1", "industry": "光伏", "amount": "100", "signed": "2024-03-01", "started": "2025-02-01"]),
                            LedgerRecord(kind: .projects, values: ["name": "项目2", "industry": "光伏", "amount": "100", "signed": "2024-05-01"])]
            try await store.ledgers.createAll(strip + projects, zoneID: zoneB, actor: "hr")

            let figures = try await store.province.figures()
            #expect(figures.map(\.zone.id) == [f.zone, zoneB])
            let a = figures[0], z = figures[1]

            // Zone A: quotas 3 + 2; 事业 甲乙丙丁戊 on strength, 己 编外, 庚 retired and left out.
            #expect(a.quota == 5 && a.approved == 0 && a.inEstablishment == 5)
            #expect(a.staff == [.institutional: 5, .contract: 1] && a.staffTotal == 6)
            #expect(a.appointed == 0 && a.waiting == 1)
            // The latest year with results is 2024, every 新余 grade listed best first, empty ones included.
            let grades = try #require(a.grades)
            #expect(grades.appraisalID == year && grades.year == 2024 && grades.status == .final)
            #expect(grades.counts.map(\.label) == ["优秀", "良好", "及格", "不及格"])
            #expect(grades.counts.map(\.count) == [1, 2, 0, 1] && grades.total == 4)
            let lines = try await store.payRuns.lines(runID: run)
            #expect(a.pay == ZoneFigures.Pay(runID: run, period: "2024", paidFen: lines.map(\.totalFen).reduce(0, +), headcount: lines.count))
            #expect(a.ledgers == LedgerFigures([]) && a.projects.years.isEmpty)

            // Zone B: quota 5 and one approved place; 子 in 编制 and appointed, 丑 编外.
            #expect(z.quota == 5 && z.approved == 1 && z.inEstablishment == 1)
            #expect(z.staff == [.institutional: 1, .contract: 1])
            #expect(z.appointed == 1 && z.waiting == 0)
            #expect(z.grades == nil && z.pay == nil)
            #expect(z.ledgers.stripping.rateTenths == 750)
            #expect(z.projects.count(.signed, year: 2024) == 2 && z.projects.count(.started, year: 2025) == 1)

            // The same figures as each zone's own views compute them, one zone at a time.
            for zone in figures {
                let usage = EstablishmentUsage(book: try await store.quotas.book(zoneID: zone.zone.id))
                #expect(zone.quota == usage.totalQuota && zone.approved == usage.totalApproved && zone.inEstablishment == usage.totalUsed)
                #expect(zone.staffTotal == usage.totalStaff && zone.staff[.contract] ?? 0 == usage.totalContract)
                #expect(zone.appointed == (try await store.appointments.current(zoneID: zone.zone.id)).count)
                #expect(zone.waiting == (try await store.appointments.waiting(zoneID: zone.zone.id)).count)
                #expect(zone.ledgers == LedgerFigures(try await store.ledgers.all(zoneID: zone.zone.id).map(\.record)))
            }
        }
    }
}
