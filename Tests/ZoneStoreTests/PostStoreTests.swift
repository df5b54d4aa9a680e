import Testing
@testable import ZoneCore
import ZoneTestSupport
@testable import ZoneStore

@Suite("Post catalogue: edit with optimistic locking, 停用")
struct PostStoreTests {
    static func post(_ unit: Int64, title: String = "技术员", headcount: Int = 2) -> Post {
        Post(id: 0, unitID: unit, title: title, level: 2, category: .technical, payCoefficientMilli: 1000, requirements: "",
             headcount: headcount, termYears: 3, leadership: nil)
    }

    /// An edit based on an old version is refused and changes nothing; unit and leadership stay.
    @Test(arguments: TestDatabase.backends)
    func staleEditIsRefused(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            let (zone, units) = try await TestDatabase.seedZone(store)
            let created = try await store.posts.create(Self.post(units[1]), zoneID: zone, actor: "hr")
            var edit = Self.post(units[3], title: "高级技术员", headcount: 3)
            edit.validFrom = "2026-01-01"
            edit.validTo = "2028-12-31"
            let saved = try await store.posts.update(id: created.id, zoneID: zone, to: edit, expectedVersion: 1, actor: "hr")
            #expect(saved.version == 2 && saved.unitID == units[1] && saved.title == "高级技术员")
            #expect(try await store.posts.find(id: created.id, zoneID: zone)?.validTo == "2028-12-31")
            await #expect(throws: StoreError.staleVersion(entity: "岗位“高级技术员”", expected: 1, actual: 2)) {
                try await store.posts.update(id: created.id, zoneID: zone, to: Self.post(units[1], title: "别的"), expectedVersion: 1, actor: "hr2")
            }
            #expect(try await store.posts.find(id: created.id, zoneID: zone)?.title == "高级技术员")
            let audit = try await store.database.reader.raw("SELECT detail FROM audit_log WHERE action = 'post.update'").all()
                .map { try $0.decode(column: "detail", as: String.self) }
            #expect(audit == ["title: 技术员 → 高级技术员; headcount: 2 → 3; validFrom:  → 2026-01-01; validTo:  → 2028-12-31; version: 1 → 2"])
        }
    }

    /// A held post cannot be 停用; an unheld one can, and then cannot be offered in a round.
    @Test(arguments: TestDatabase.backends)
    func heldPostsStayActiveAndDeactivatedPostsAreNotOffered(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            let (zone, units) = try await TestDatabase.seedZone(store)
            let person = try await store.people.create(TestDatabase.person("甲", sequence: 800, unit: units[1]), zoneID: zone, actor: "t")
            let held = try await store.posts.create(Self.post(units[1]), zoneID: zone, actor: "hr")
            let spare = try await store.posts.create(Self.post(units[1], title: "统计员"), zoneID: zone, actor: "hr")
            let round = try await store.rounds.create(zoneID: zone, name: "直聘", deadline: CivilDate(year: 2099, month: 1, day: 1)!, actor: "hr")
            try await store.rounds.offer(roundID: round, zoneID: zone, postID: held.id, method: .direct, capacity: 1, examWeight: 50, actor: "hr")
            try await store.rounds.replaceEntries(roundID: round, zoneID: zone, kind: "direct", personID: nil, postID: held.id,
                                                  entries: [.init(kind: "direct", personID: person.id, postID: held.id, position: 0, exam: 0, interview: 0)],
                                                  allowed: [.draft], actor: "hr")
            await #expect(throws: StoreError.invalid("岗位“技术员”已列入尚未确认的聘任批次“直聘”，不能停用")) {
                try await store.posts.deactivate(id: held.id, zoneID: zone, actor: "hr")
            }
            try await store.rounds.setStatus(roundID: round, zoneID: zone, from: [.draft], to: .open, actor: "hr")
            _ = try await store.rounds.compute(roundID: round, zoneID: zone, actor: "hr")
            try await store.rounds.setStatus(roundID: round, zoneID: zone, from: [.computed], to: .published, actor: "hr")
            try await store.rounds.confirm(roundID: round, zoneID: zone, waitingMonths: 3, actor: "hr")
            await #expect(throws: StoreError.invalid("岗位“技术员”现有1人在聘，不能停用；请先调整其聘任")) {
                try await store.posts.deactivate(id: held.id, zoneID: zone, actor: "hr")
            }
            await #expect(throws: StoreError.invalid("岗位数（0）不能少于现聘人数（1）")) {
                try await store.posts.update(id: held.id, zoneID: zone, to: Self.post(units[1], headcount: 0), expectedVersion: 1, actor: "hr")
            }
            try await store.posts.deactivate(id: spare.id, zoneID: zone, actor: "hr")
            #expect(try await store.posts.find(id: spare.id, zoneID: zone)?.active == false)
            let next = try await store.rounds.create(zoneID: zone, name: "下一批", deadline: CivilDate(year: 2099, month: 1, day: 1)!, actor: "hr")
            await #expect(throws: StoreError.invalid("岗位“统计员”已停用，不能加入聘任批次")) {
                try await store.rounds.offer(roundID: next, zoneID: zone, postID: spare.id, method: .competitive, capacity: 1, examWeight: 50, actor: "hr")
            }
            #expect(try await store.database.reader.raw("SELECT seq FROM audit_log WHERE action = 'post.deactivate'").all().count == 1)
        }
    }
}
