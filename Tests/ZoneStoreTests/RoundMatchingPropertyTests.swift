import Foundation
import Testing
@testable import ZoneCore
import ZoneTestSupport
@testable import ZoneStore

/// 双向选择 from what people store to the result: random rounds entered through the repository as
/// the pages enter them (choices numbered 1, 2, 3 in the applicant's order; a head's position
/// numbers), computed by the store, and compared with the engine run directly on the same instance
/// and with the PyPI `matching` reference. One database, many small rounds, so it stays fast.
@Suite("双向选择 through the store agrees with the engine and with `matching`")
struct RoundMatchingPropertyTests {
    static let rounds = 300

    @Test(arguments: TestDatabase.backends)
    func storedRoundsMatchAsTheEngineAndTheReferenceDo(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            let (zone, units) = try await TestDatabase.seedZone(store)
            let people = try await store.people.createAll((0..<10).map {
                TestDatabase.person("员\($0)", sequence: 820 + $0, unit: units[1], category: .contract)
            }, zoneID: zone, actor: "t").map(\.id)
            var posts: [Int64] = []
            for n in 0..<6 {
                posts.append(try await store.posts.create(Post(id: 0, unitID: units[1], title: "岗位\(n)", level: 2, category: .general,
                                                               payCoefficientMilli: 1000, requirements: "", headcount: 3, termYears: 3, leadership: nil),
                                                          zoneID: zone, actor: "hr").id)
            }
            var rng = SeededGenerator(seed: 2026_12)
            var problems: [MatchingProblem] = [], stored: [MatchingOutcome] = []
            var outOfIDOrder = 0
            for _ in 0..<Self.rounds {
                let instance = RandomRound.make(applicants: 0...8, posts: 1...6, capacities: 0...3, maxChoices: 3, using: &rng)
                // Indices map to people and posts in random order, so an index order is never an id order.
                let who = Array(people.shuffled(using: &rng).prefix(instance.choices.count))
                let what = Array(posts.shuffled(using: &rng).prefix(instance.capacities.count))
                outOfIDOrder += instance.choices.count { choice in choice.map { what[$0] } != choice.map { what[$0] }.sorted() }
                let round = try await store.rounds.create(zoneID: zone, name: "轮次", deadline: CivilDate(year: 2099, month: 1, day: 1)!, actor: "hr")
                for post in instance.capacities.indices.shuffled(using: &rng) {
                    try await store.rounds.offer(roundID: round, zoneID: zone, postID: what[post], method: .mutualSelection,
                                                 capacity: instance.capacities[post], examWeight: 50, actor: "hr")
                }
                try await store.rounds.setStatus(roundID: round, zoneID: zone, from: [.draft], to: .open, actor: "hr")
                for applicant in instance.applicants.shuffled(using: &rng) {
                    let entries = instance.choices[applicant].enumerated().map { n, post in
                        RoundRepository.Entry(kind: "apply", personID: who[applicant], postID: what[post], position: n + 1, exam: 0, interview: 0)
                    }
                    try await store.rounds.replaceEntries(roundID: round, zoneID: zone, kind: "apply", personID: who[applicant], postID: nil,
                                                          entries: entries.shuffled(using: &rng), allowed: [.open], actor: "staff")
                }
                for post in instance.capacities.indices.shuffled(using: &rng) where !instance.ranks[post].isEmpty {
                    let entries = instance.ranks[post].map {
                        RoundRepository.Entry(kind: "order", personID: who[$0.applicant], postID: what[post], position: $0.position, exam: 0, interview: 0)
                    }
                    try await store.rounds.replaceEntries(roundID: round, zoneID: zone, kind: "order", personID: nil, postID: what[post],
                                                          entries: entries, allowed: [.open], actor: "head")
                }
                let result = try await store.rounds.compute(roundID: round, zoneID: zone, actor: "hr")
                let direct = try RoundEngine.run(instance.input(people: who, posts: what))
                #expect(result.assignments == direct.assignments && result.unplaced == direct.unplaced,
                        "stored round \(round) differs from the engine on \(instance.problem(people: who, posts: what))")
                #expect(try await store.rounds.find(id: round, zoneID: zone)?.result == result)
                problems.append(instance.problem(people: who, posts: what))
                stored.append(MatchingOutcome(result))
            }
            // The sample must hold what the defect needed: choices whose order is not the post-id order.
            #expect(outOfIDOrder >= 200)
            #expect(problems.flatMap(\.posts).count { $0.capacity == 0 } >= 50)
            if let expected = try MatchingReference.solve(problems) {
                try #require(expected.count == stored.count)
                for index in stored.indices {
                    #expect(stored[index] == expected[index], "round \(index) differs from `matching`: \(problems[index])")
                }
            } else if MatchingReference.required {
                Issue.record("python3 with `matching` is required (ZONEDESK_REQUIRE_PY=1): pip install matching")
            } else {
                print("⚠️⚠️⚠️ RoundMatchingPropertyTests: the `matching` reference is NOT CHECKED (pip install matching) ⚠️⚠️⚠️")
            }
        }
    }
}
