import Foundation
import Testing
@testable import ZoneCore
import ZoneTestSupport
@testable import ZoneStore

/// What a round and an appraisal decide with: the input as it stands when computing starts, and the
/// rules of the policy version recorded when they began, whatever was loaded since.
@Suite("Rounds and appraisals compute from their own input and policy version")
struct RoundRulesStoreTests {
    static let openDeadline = CivilDate(year: 2099, month: 1, day: 1)!

    static func policy(_ code: String, _ replacements: [(String, String)] = []) throws -> String {
        var yaml = try String(contentsOfFile: "policies/\(code).yaml", encoding: .utf8)
        for (old, new) in replacements {
            #expect(yaml.contains(old), "policies/\(code).yaml lacks \(old)")
            yaml = yaml.replacingOccurrences(of: old, with: new)
        }
        return yaml
    }

    /// A ranking saved while the round is being computed is either in the result or refused;
    /// it is never reported as saved and then missing. Each try races a compute against a head
    /// saving the only ranking that places the applicant.
    @Test(arguments: TestDatabase.backends)
    func aRankingSavedDuringComputeIsInTheResultOrRefused(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            let (zone, units) = try await TestDatabase.seedZone(store)
            let person = try await store.people.create(TestDatabase.person("甲", sequence: 900, unit: units[1], category: .contract),
                                                       zoneID: zone, actor: "t").id
            let post = try await store.posts.create(Post(id: 0, unitID: units[1], title: "岗位", level: 2, category: .general, payCoefficientMilli: 1000,
                                                         requirements: "", headcount: 1, termYears: 3, leadership: nil), zoneID: zone, actor: "hr").id
            var saved = 0, refused = 0
            for attempt in 0..<40 {
                let round = try await store.rounds.create(zoneID: zone, name: "轮次\(attempt)", deadline: Self.openDeadline, actor: "hr")
                try await store.rounds.offer(roundID: round, zoneID: zone, postID: post, method: .mutualSelection, capacity: 1, examWeight: 50, actor: "hr")
                try await store.rounds.setStatus(roundID: round, zoneID: zone, from: [.draft], to: .open, actor: "hr")
                try await store.rounds.replaceEntries(roundID: round, zoneID: zone, kind: "apply", personID: person, postID: nil,
                                                      entries: [.init(kind: "apply", personID: person, postID: post, position: 1, exam: 0, interview: 0)],
                                                      allowed: [.open], actor: "staff")
                // Each side starts a little later than the other by turns, at a different moment each time.
                let (computeDelay, rankingDelay) = attempt % 2 == 0 ? (attempt / 2 % 6, 0) : (0, attempt / 2 % 6)
                async let computed: RoundEngine.Result = {
                    for _ in 0..<computeDelay { await Task.yield() }
                    return try await store.rounds.compute(roundID: round, zoneID: zone, actor: "hr")
                }()
                async let ranking: Bool = {
                    for _ in 0..<rankingDelay { await Task.yield() }
                    do {
                        try await store.rounds.replaceEntries(roundID: round, zoneID: zone, kind: "order", personID: nil, postID: post,
                                                              entries: [.init(kind: "order", personID: person, postID: post, position: 1, exam: 0, interview: 0)],
                                                              allowed: [.open], actor: "head")
                        return true
                    } catch StoreError.invalid(let message, _) {
                        #expect(message == "聘任批次当前为“已匹配”，不能进行此操作")
                        return false
                    }
                }()
                let (result, wasSaved) = try await (computed, ranking)
                let stored = try #require(try await store.rounds.find(id: round, zoneID: zone)?.result)
                #expect(stored == result)
                if wasSaved {
                    saved += 1
                    #expect(result.assignments[person] == post, "try \(attempt): the ranking was saved but the result left it out")
                } else {
                    refused += 1
                    #expect(result.unplaced == [person])
                }
            }
            // Both outcomes of the race happen, or the test would not be testing it.
            #expect(saved > 0 && refused > 0, "saved \(saved), refused \(refused)")
        }
    }

    /// A round created under one policy version keeps its tie rule and 待岗 period after a new version
    /// is loaded; a round created afterwards takes the new ones. Ties are settled by 参加工作时间 when
    /// the rule names seniority: 乙 (higher id, earlier start) beats 甲.
    @Test(arguments: TestDatabase.backends)
    func roundsTieByTheRuleOfTheirOwnPolicyVersion(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            let (zone, units) = try await TestDatabase.seedZone(store)
            try await store.policies.load(zoneID: zone, yaml: try Self.policy("bijie"), source: "bijie.yaml", actor: "hr")
            var first = TestDatabase.person("甲", sequence: 901, unit: units[1], category: .contract)
            first.workStartedOn = "2010-07-01"
            var second = TestDatabase.person("乙", sequence: 902, unit: units[1], category: .contract)
            second.workStartedOn = "2003-09-01"
            let people = try await store.people.createAll([first, second], zoneID: zone, actor: "t").map(\.id)
            #expect(try await store.people.find(id: people[1], zoneID: zone)?.workStartedOn == "2003-09-01")
            let post = try await store.posts.create(Post(id: 0, unitID: units[1], title: "岗位", level: 2, category: .general, payCoefficientMilli: 1000,
                                                         requirements: "", headcount: 1, termYears: 3, leadership: nil), zoneID: zone, actor: "hr").id
            func round() async throws -> Int64 {
                let round = try await store.rounds.create(zoneID: zone, name: "竞争上岗", deadline: Self.openDeadline, actor: "hr")
                try await store.rounds.offer(roundID: round, zoneID: zone, postID: post, method: .competitive, capacity: 1, examWeight: 50, actor: "hr")
                try await store.rounds.setStatus(roundID: round, zoneID: zone, from: [.draft], to: .open, actor: "hr")
                for person in people {
                    try await store.rounds.replaceEntries(roundID: round, zoneID: zone, kind: "apply", personID: person, postID: nil,
                                                          entries: [.init(kind: "apply", personID: person, postID: post, position: 1, exam: 0, interview: 0)],
                                                          allowed: [.open], actor: "staff")
                }
                try await store.rounds.replaceEntries(roundID: round, zoneID: zone, kind: "score", personID: nil, postID: post,
                                                      entries: people.map { .init(kind: "score", personID: $0, postID: post, position: 0, exam: 8000, interview: 9000) },
                                                      allowed: [.open], actor: "head")
                return round
            }
            let before = try await round()
            try await store.policies.load(zoneID: zone, yaml: try Self.policy("bijie", [
                ("\n  tie_break: [score, seniority, id]", "\n  tie_break: [score, id]"),
                ("waiting_months: 3", "waiting_months: 6"),
            ]), source: "bijie-v2.yaml", actor: "hr")
            let after = try await round()

            let old = try await store.rounds.compute(roundID: before, zoneID: zone, actor: "hr")
            #expect(old.assignments == [people[1]: post])
            #expect(old.rankings[post]?.map(\.settledBy) == [.seniority, .seniority])
            #expect(old.rankings[post]?.first?.tieBreak == "与1人同分，按参加工作时间先后排定")
            let oldRound = try #require(try await store.rounds.find(id: before, zoneID: zone))
            #expect(oldRound.policyVersion == 1)
            #expect(try await store.rounds.policy(of: oldRound, zoneID: zone)?.staffing.waitingMonths == 3)

            let new = try await store.rounds.compute(roundID: after, zoneID: zone, actor: "hr")
            #expect(new.assignments == [people[0]: post])
            #expect(new.rankings[post]?.map(\.settledBy) == [.id, .id])
            let newRound = try #require(try await store.rounds.find(id: after, zoneID: zone))
            #expect(try await store.rounds.policy(of: newRound, zoneID: zone)?.staffing.waitingMonths == 6)
        }
    }

    /// `staffing.methods` decides how a round may offer a post: 仪征 lists 竞争上岗 and 双向选择, so
    /// 直接聘任 is refused naming the key, and allowed once a version of the policy lists it. A round
    /// keeps the list of the version it was created under.
    @Test(arguments: TestDatabase.backends)
    func aRoundOffersOnlyTheMethodsItsPolicyLists(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            let (zone, units) = try await TestDatabase.seedZone(store)
            try await store.policies.load(zoneID: zone, yaml: try Self.policy("yizheng"), source: "yizheng.yaml", actor: "hr")
            let post = try await store.posts.create(Post(id: 0, unitID: units[1], title: "岗位", level: 2, category: .general, payCoefficientMilli: 1000,
                                                         requirements: "", headcount: 1, termYears: 3, leadership: nil), zoneID: zone, actor: "hr").id
            let before = try await store.rounds.create(zoneID: zone, name: "第一批", deadline: Self.openDeadline, actor: "hr")
            await #expect(throws: StoreError.invalid("本园区政策（staffing.methods）只允许：竞争上岗、双向选择；不能以直接聘任方式提供岗位")) {
                try await store.rounds.offer(roundID: before, zoneID: zone, postID: post, method: .direct, capacity: 1, examWeight: 50, actor: "hr")
            }
            #expect(try await store.rounds.offers(roundID: before).isEmpty)
            try await store.rounds.offer(roundID: before, zoneID: zone, postID: post, method: .mutualSelection, capacity: 1, examWeight: 50, actor: "hr")
            #expect(try await store.rounds.offers(roundID: before).map(\.method) == [.mutualSelection])

            try await store.policies.load(zoneID: zone, yaml: try Self.policy("yizheng", [
                ("methods: [competitive, mutual_selection]", "methods: [competitive, mutual_selection, direct]"),
            ]), source: "yizheng-v2.yaml", actor: "hr")
            let after = try await store.rounds.create(zoneID: zone, name: "第二批", deadline: Self.openDeadline, actor: "hr")
            try await store.rounds.offer(roundID: after, zoneID: zone, postID: post, method: .direct, capacity: 1, examWeight: 50, actor: "hr")
            #expect(try await store.rounds.offers(roundID: after).map(\.method) == [.direct])
            await #expect(throws: StoreError.invalid("本园区政策（staffing.methods）只允许：竞争上岗、双向选择；不能以直接聘任方式提供岗位")) {
                try await store.rounds.offer(roundID: before, zoneID: zone, postID: post, method: .direct, capacity: 1, examWeight: 50, actor: "hr")
            }
        }
    }

    /// 公示 of an appraisal lasts the working days of the policy version it started under, not of a
    /// version loaded after it started.
    @Test(arguments: TestDatabase.backends)
    func appraisalPublicityUsesTheVersionItStartedWith(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend, clock: ManualClock().clock) { (store: Store) async throws in
            let f = try await AppraisalPayStoreTests.fixture(store)
            let (id, _) = try await AppraisalPayStoreTests.cascade(f, year: 2024)
            try await store.appraisals.compute(appraisalID: id, zoneID: f.zone, actor: "hr")
            try await store.policies.load(zoneID: f.zone, yaml: try Self.policy("xinyu", [("publicity_working_days: 5", "publicity_working_days: 15")]),
                                          source: "xinyu-v2.yaml", actor: "hr")
            try await store.appraisals.publish(appraisalID: id, zoneID: f.zone, actor: "hr")
            let ends = try #require(try await store.appraisals.find(id: id, zoneID: f.zone)?.publicityEnds)
            let calendar = try await store.holidays.calendar()
            #expect(ends == calendar.end(of: 5, after: store.clock.today).description)
            #expect(ends != calendar.end(of: 15, after: store.clock.today).description)
        }
    }
}
