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

@Suite("毕节 dual track from entered appointments")
struct DualTrackStoreTests {
    /// 毕节 (seed 000) reports 6 低职高聘 and 2 高职低聘 from "组织全部档案封存人员参加……全员竞聘上岗":
    /// eight 编内 people, whose archives are sealed, are appointed by a confirmed round to posts above
    /// or below their archive rank, and the counts come from the stored appointments.
    @Test(arguments: TestDatabase.backends)
    func sixPromotedAndTwoDemotedByPost(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            // archive rank → post level: 6 above (一级科员 level 1 → post 3), 2 below (一级主任科员 level 5 → post 2), 1 equal.
            let cases: [(String, Int)] = Array(repeating: ("一级科员", 3), count: 6) + Array(repeating: ("一级主任科员", 2), count: 2) + [("三级主任科员", 3)]
            let (zone, units) = try await TestDatabase.seedZone(store, committeeQuota: cases.count)
            var people: [ValidPerson] = []
            for (index, (rank, _)) in cases.enumerated() {
                var person = TestDatabase.person("聘\(index)", sequence: 700 + index, unit: units[1], category: .institutional)
                person.archiveRank = rank
                people.append(person)
            }
            let stored = try await store.people.createAll(people, zoneID: zone, actor: "t")
            let round = try await store.rounds.create(zoneID: zone, name: "毕节全员聘任", deadline: CivilDate(year: 2099, month: 1, day: 1)!, actor: "hr")
            for (index, (_, level)) in cases.enumerated() {
                let post = try await store.posts.create(Post(id: 0, unitID: units[1], title: "岗位\(index)", level: level, category: .general,
                                                             payCoefficientMilli: 1000, requirements: "", headcount: 1, termYears: 3, leadership: nil),
                                                        zoneID: zone, actor: "hr")
                try await store.rounds.offer(roundID: round, zoneID: zone, postID: post.id, method: .direct, capacity: 1, examWeight: 50, actor: "hr")
                try await store.rounds.replaceEntries(roundID: round, zoneID: zone, kind: "direct", personID: nil, postID: post.id,
                                                      entries: [.init(kind: "direct", personID: stored[index].id, postID: post.id, position: 0, exam: 0, interview: 0)],
                                                      allowed: [.draft], actor: "hr")
            }
            try await store.rounds.setStatus(roundID: round, zoneID: zone, from: [.draft], to: .open, actor: "hr")
            _ = try await store.rounds.compute(roundID: round, zoneID: zone, actor: "hr")
            try await store.rounds.setStatus(roundID: round, zoneID: zone, from: [.computed], to: .published, actor: "hr")
            try await store.rounds.confirm(roundID: round, zoneID: zone, waitingMonths: 3, actor: "hr")
            let current = try await store.appointments.current(zoneID: zone)
            let track = DualTrack(current.map { ($0.person.archiveRank, $0.post.level) })
            #expect(current.count == 9 && current.allSatisfy { $0.person.establishment == .institutional })
            #expect(track == { var t = DualTrack([]); t.higher = 6; t.lower = 2; t.equal = 1; return t }())
        }
    }
}
