import Testing
@testable import ZoneCore
import ZoneTestSupport
@testable import ZoneStore

@Suite("Appointment rounds in the store")
struct RoundStoreTests {
    /// Confirming checks every assignment against quotas at once; one violation refuses all.
    @Test(arguments: TestDatabase.backends)
    func confirmationRefusesTheWholeRoundOnAnyQuotaViolation(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            let (zone, units) = try await TestDatabase.seedZone(store) // 管委会(3) → 产业发展局, 党政办公室; 服务中心(2)
            let people = try await store.people.createAll([
                TestDatabase.person("甲", sequence: 600, unit: units[1]), TestDatabase.person("乙", sequence: 601, unit: units[1]),
                TestDatabase.person("丙", sequence: 602, unit: units[1]), TestDatabase.person("丁", sequence: 603, unit: units[3]),
            ], zoneID: zone, actor: "t")
            // The centre is full (1 of 2 used, then 丁 stays): moving two more there exceeds it.
            let post = try await store.posts.create(Post(id: 0, unitID: units[3], title: "技术员", level: 2, category: .technical,
                                                         payCoefficientMilli: 1000, requirements: "", headcount: 2, termYears: 3, leadership: nil),
                                                    zoneID: zone, actor: "hr")
            let round = try await store.rounds.create(zoneID: zone, name: "轮次", deadline: CivilDate(year: 2099, month: 1, day: 1)!, actor: "hr")
            try await store.rounds.offer(roundID: round, zoneID: zone, postID: post.id, method: .mutualSelection, capacity: 2, examWeight: 50, actor: "hr")
            try await store.rounds.setStatus(roundID: round, zoneID: zone, from: [.draft], to: .open, actor: "hr")
            for person in people.prefix(2) {
                try await store.rounds.replaceEntries(roundID: round, zoneID: zone, kind: "apply", personID: person.id, postID: nil,
                                                      entries: [.init(kind: "apply", personID: person.id, postID: post.id, position: 1, exam: 0, interview: 0)],
                                                      allowed: [.open], actor: "t")
            }
            try await store.rounds.replaceEntries(roundID: round, zoneID: zone, kind: "order", personID: nil, postID: post.id,
                                                  entries: people.prefix(2).enumerated().map { .init(kind: "order", personID: $1.id, postID: post.id, position: $0 + 1, exam: 0, interview: 0) },
                                                  allowed: [.open], actor: "t")
            let result = try await store.rounds.compute(roundID: round, zoneID: zone, actor: "hr")
            #expect(result.assignments.count == 2)
            try await store.rounds.setStatus(roundID: round, zoneID: zone, from: [.computed], to: .published, actor: "hr")
            await #expect(throws: StoreError.overQuota([QuotaViolation(kind: .establishment(.institutional), unitID: units[3], unitName: "服务中心",
                                                                       used: 3, limit: 2, approved: 0)])) {
                try await store.rounds.confirm(roundID: round, zoneID: zone, waitingMonths: 3, actor: "hr")
            }
            #expect(try await store.people.find(id: people[0].id, zoneID: zone)?.unitID == units[1])
            #expect(try await store.rounds.find(id: round, zoneID: zone)?.status == .published)
            #expect(CivilDate(year: 2024, month: 11, day: 30)!.adding(months: 3) == CivilDate(year: 2025, month: 2, day: 28))
        }
    }
}
