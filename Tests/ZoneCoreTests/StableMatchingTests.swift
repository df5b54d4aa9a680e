import Foundation
import Testing
@testable import ZoneCore

@Suite("Stable matching (two-way selection engine)")
struct StableMatchingTests {
    // MARK: Hand examples

    /// The hospital/resident example from the `matching` package's documentation, solved by hand:
    /// C fills with its two favourites D and A, which sends S on to M and J on to G; L gets its
    /// first choice M.
    @Test func textbookInstance() throws {
        let problem = MatchingProblem(
            applicants: [
                .init(id: "A", preferences: ["C"]),
                .init(id: "S", preferences: ["C", "M"]),
                .init(id: "D", preferences: ["C", "M", "G"]),
                .init(id: "J", preferences: ["C", "G", "M"]),
                .init(id: "L", preferences: ["M", "C", "G"]),
            ],
            posts: [
                .init(id: "M", capacity: 2, ranking: ["D", "L", "S", "J"]),
                .init(id: "C", capacity: 2, ranking: ["D", "A", "S", "L", "J"]),
                .init(id: "G", capacity: 2, ranking: ["D", "J", "L"]),
            ])
        let outcome = try StableMatching.solve(problem)
        #expect(outcome == MatchingOutcome(
            assignments: [.init(applicant: "A", post: "C"), .init(applicant: "D", post: "C"),
                          .init(applicant: "J", post: "G"), .init(applicant: "L", post: "M"),
                          .init(applicant: "S", post: "M")],
            unassigned: []))
    }

    @Test func displacedApplicantFallsBackToItsNextChoice() throws {
        // Applicant 0 is held by post 0 first, then displaced by applicant 1, whom post 0 prefers.
        let instance = MatchingInstance(preferences: [[0, 1], [0]], capacities: [1, 1], rankings: [[1, 0], [0]])
        #expect(try StableMatching.solve(instance) == [1, 0])
    }

    @Test func applicantsGetTheirFirstChoiceWhenThereIsRoom() throws {
        let instance = MatchingInstance(preferences: [[1, 0], [1], [0, 1]], capacities: [1, 5],
                                        rankings: [[2, 0], [0, 1, 2]])
        #expect(try StableMatching.solve(instance) == [1, 1, 0])
    }

    @Test func capacityZeroPostTakesNobody() throws {
        let instance = MatchingInstance(preferences: [[0, 1], [0]], capacities: [0, 1], rankings: [[0, 1], [0]])
        #expect(try StableMatching.solve(instance) == [1, StableMatching.unassigned])
    }

    @Test func emptyListsAndEmptyInstances() throws {
        let instance = MatchingInstance(preferences: [[], [0]], capacities: [1, 3], rankings: [[0, 1], []])
        #expect(try StableMatching.solve(instance) == [StableMatching.unassigned, 0])
        #expect(try StableMatching.solve(MatchingInstance(preferences: [], capacities: [], rankings: [])) == [])
        #expect(try StableMatching.solve(MatchingInstance(preferences: [[], []], capacities: [], rankings: []))
            == [StableMatching.unassigned, StableMatching.unassigned])
    }

    @Test func unrankedPairsAreSkipped() throws {
        // Post 0 does not rank applicant 0, so 0 goes on to post 1 even though post 0 has room;
        // post 1 ranks applicant 1 but 1 never listed it, so 1 stays out.
        let instance = MatchingInstance(preferences: [[0, 1], [0]], capacities: [2, 2], rankings: [[], [1, 0]])
        #expect(try StableMatching.solve(instance) == [1, StableMatching.unassigned])
    }

    @Test func capacityBeyondTheRankingChangesNothing() throws {
        let problem = MatchingProblem(
            applicants: [.init(id: "a1", preferences: ["p1"]), .init(id: "a2", preferences: ["p1"])],
            posts: [.init(id: "p1", capacity: Int.max, ranking: ["a2"])])
        #expect(try problem.instance().capacities == [1])
        let outcome = try StableMatching.solve(problem)
        #expect(outcome.assignments == [.init(applicant: "a2", post: "p1")])
        #expect(outcome.unassigned == ["a1"])
    }

    // MARK: Properties on random instances

    /// Every stable matching of a tiny instance, found by trying every assignment.
    static func allStableMatchings(_ instance: MatchingInstance) -> [[Int32]] {
        let model = TinyModel(instance)
        var results: [[Int32]] = []
        var current = [Int32](repeating: StableMatching.unassigned, count: model.applicantCount)
        func assign(_ applicant: Int) {
            if applicant == model.applicantCount {
                if model.isFeasible(current), model.blockingPair(current) == nil { results.append(current) }
                return
            }
            for option in [StableMatching.unassigned] + model.acceptable[applicant] {
                current[applicant] = option
                assign(applicant + 1)
            }
        }
        assign(0)
        return results
    }

    @Test func resultIsStableAndApplicantOptimalOnRandomTinyInstances() throws {
        var rng = SeededGenerator(seed: 6)
        for round in 0..<400 {
            let problem = RandomMatchingProblem.make(applicants: 0...5, posts: 1...3, capacities: 0...2, using: &rng)
            let instance = try problem.instance()
            let result = try StableMatching.solve(instance)
            let model = TinyModel(instance)
            #expect(model.isFeasible(result), "round \(round): infeasible \(result)")
            #expect(model.blockingPair(result) == nil, "round \(round): blocking pair in \(result)")

            let stable = Self.allStableMatchings(instance)
            #expect(stable.contains(result), "round \(round): \(result) not among \(stable)")
            for other in stable {
                for applicant in 0..<model.applicantCount {
                    #expect(model.rankOfOwnChoice(applicant, result[applicant])
                            <= model.rankOfOwnChoice(applicant, other[applicant]),
                            "round \(round): applicant \(applicant) does better in \(other) than in \(result)")
                }
            }
        }
    }

    @Test func proposalOrderDoesNotMatter() throws {
        // Applicant-optimal stable matchings are unique, so renumbering applicants must give the
        // same matching back.
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<100 {
            let problem = RandomMatchingProblem.make(applicants: 0...30, posts: 1...8, capacities: 0...4, using: &rng)
            let reversed = MatchingProblem(applicants: problem.applicants.reversed(), posts: problem.posts.reversed())
            #expect(try StableMatching.solve(problem) == StableMatching.solve(reversed))
        }
    }

    // MARK: Validation

    @Test func engineRefusesDefectiveInstances() {
        #expect(throws: MatchingInstance.Defect.postOutOfRange(applicant: 0, post: 3)) {
            try StableMatching.solve(MatchingInstance(preferences: [[3]], capacities: [1], rankings: [[0]]))
        }
        #expect(throws: MatchingInstance.Defect.applicantOutOfRange(post: 0, applicant: -1)) {
            try StableMatching.solve(MatchingInstance(preferences: [[0]], capacities: [1], rankings: [[-1]]))
        }
        #expect(throws: MatchingInstance.Defect.negativeCapacity(post: 1, capacity: -2)) {
            try StableMatching.solve(MatchingInstance(preferences: [[0]], capacities: [1, -2], rankings: [[0], []]))
        }
        #expect(throws: MatchingInstance.Defect.duplicatePreference(applicant: 1, post: 0)) {
            try StableMatching.solve(MatchingInstance(preferences: [[0], [0, 0]], capacities: [1], rankings: [[0, 1]]))
        }
        #expect(throws: MatchingInstance.Defect.duplicateRanking(post: 0, applicant: 0)) {
            try StableMatching.solve(MatchingInstance(preferences: [[0]], capacities: [1], rankings: [[0, 0]]))
        }
    }

    @Test(arguments: [
        (#"{"applicants":[{"id":"a1","preferences":[]},{"id":"a1","preferences":[]}],"posts":[]}"#,
         MatchingError.duplicateApplicant("a1")),
        (#"{"applicants":[],"posts":[{"id":"p1","capacity":1,"ranking":[]},{"id":"p1","capacity":1,"ranking":[]}]}"#,
         .duplicatePost("p1")),
        (#"{"applicants":[{"id":"a1","preferences":["p9"]}],"posts":[{"id":"p1","capacity":1,"ranking":[]}]}"#,
         .unknownPost(applicant: "a1", post: "p9")),
        (#"{"applicants":[{"id":"a1","preferences":[]}],"posts":[{"id":"p1","capacity":1,"ranking":["a9"]}]}"#,
         .unknownApplicant(post: "p1", applicant: "a9")),
        (#"{"applicants":[],"posts":[{"id":"p1","capacity":-1,"ranking":[]}]}"#,
         .negativeCapacity(post: "p1", capacity: -1)),
        (#"{"applicants":[{"id":"a1","preferences":["p1","p1"]}],"posts":[{"id":"p1","capacity":1,"ranking":["a1"]}]}"#,
         .duplicatePreference(applicant: "a1", post: "p1")),
        (#"{"applicants":[{"id":"a1","preferences":["p1"]}],"posts":[{"id":"p1","capacity":1,"ranking":["a1","a1"]}]}"#,
         .duplicateRanking(post: "p1", applicant: "a1")),
    ])
    func frontEndRefusesBadInputNamingTheIDs(json: String, expected: MatchingError) throws {
        let problem = try JSONDecoder().decode(MatchingProblem.self, from: Data(json.utf8))
        #expect(throws: expected) { try StableMatching.solve(problem) }
    }

    @Test func errorMessagesAreChineseThenEnglish() {
        let error = MatchingError.unknownPost(applicant: "a1", post: "p9")
        #expect(error.message == "申请人 a1 的志愿中有不存在的岗位 p9 / applicant \"a1\" lists unknown post \"p9\"")
        #expect(MatchingError.negativeCapacity(post: "p1", capacity: -3).message.hasPrefix("岗位 p1 的可聘人数不能为负数"))
    }

    // MARK: Output

    @Test func outcomeListsAreInCodePointOrder() throws {
        let outcome = MatchingOutcome(
            assignments: [.init(applicant: "a9", post: "p1"), .init(applicant: "a10", post: "p2"),
                          .init(applicant: "B", post: "p1")],
            unassigned: ["é", "z", "Z"])
        #expect(outcome.assignments.map(\.applicant) == ["B", "a10", "a9"])
        #expect(outcome.unassigned == ["Z", "z", "é"])
    }
}

/// Brute-force view of a tiny instance, for checking the engine against definitions.
struct TinyModel {
    let instance: MatchingInstance
    /// Posts each applicant may get: on its list, ranking it, capacity > 0; in its order.
    let acceptable: [[Int32]]

    var applicantCount: Int { instance.applicantCount }

    init(_ instance: MatchingInstance) {
        self.instance = instance
        acceptable = (0..<instance.applicantCount).map { applicant in
            Self.list(instance.preferences, instance.preferenceOffsets, applicant).filter { post in
                instance.capacities[Int(post)] > 0
                    && Self.list(instance.rankings, instance.rankingOffsets, Int(post)).contains(Int32(applicant))
            }
        }
    }

    static func list(_ entries: [Int32], _ offsets: [Int32], _ owner: Int) -> [Int32] {
        Array(entries[Int(offsets[owner])..<Int(offsets[owner + 1])])
    }

    /// Position of `post` in the applicant's list; unassigned counts as worse than any post.
    func rankOfOwnChoice(_ applicant: Int, _ post: Int32) -> Int {
        Self.list(instance.preferences, instance.preferenceOffsets, applicant).firstIndex(of: post) ?? Int.max
    }

    func rankByPost(_ post: Int, _ applicant: Int) -> Int {
        Self.list(instance.rankings, instance.rankingOffsets, post).firstIndex(of: Int32(applicant)) ?? Int.max
    }

    func isFeasible(_ postOf: [Int32]) -> Bool {
        guard postOf.count == applicantCount else { return false }
        for (applicant, post) in postOf.enumerated() where post != StableMatching.unassigned {
            guard acceptable[applicant].contains(post) else { return false }
        }
        return (0..<instance.postCount).allSatisfy { post in
            postOf.count(where: { $0 == Int32(post) }) <= Int(instance.capacities[post])
        }
    }

    /// An acceptable pair that would both rather be together, if any.
    func blockingPair(_ postOf: [Int32]) -> (applicant: Int, post: Int)? {
        for applicant in 0..<applicantCount {
            for post in acceptable[applicant] {
                guard rankOfOwnChoice(applicant, post) < rankOfOwnChoice(applicant, postOf[applicant]) else { continue }
                let holders = postOf.indices.filter { postOf[$0] == post }
                if holders.count < Int(instance.capacities[Int(post)])
                    || holders.contains(where: { rankByPost(Int(post), $0) > rankByPost(Int(post), applicant) }) {
                    return (applicant, Int(post))
                }
            }
        }
        return nil
    }
}

/// Random small rounds with every awkward case ZoneDesk accepts: capacity-0 posts, empty lists,
/// applicants listing posts that do not rank them and posts ranking applicants that did not apply.
enum RandomMatchingProblem {
    static func make(applicants: ClosedRange<Int>, posts: ClosedRange<Int>, capacities: ClosedRange<Int>,
                     using rng: inout SeededGenerator) -> MatchingProblem {
        let applicantIDs = (0..<Int.random(in: applicants, using: &rng)).map { "a\($0)" }
        let postIDs = (0..<Int.random(in: posts, using: &rng)).map { "p\($0)" }
        var listed: [String: Set<String>] = [:]
        let applicantList = applicantIDs.map { id -> MatchingProblem.Applicant in
            let length = Int.random(in: 0...postIDs.count, using: &rng)
            let preferences = Array(postIDs.shuffled(using: &rng).prefix(length))
            for post in preferences { listed[post, default: []].insert(id) }
            return .init(id: id, preferences: preferences)
        }
        let postList = postIDs.map { id -> MatchingProblem.Post in
            // Mostly those who applied, sometimes one who did not, sometimes one left out.
            let ranking = applicantIDs.filter { applicant in
                listed[id, default: []].contains(applicant)
                    ? Int.random(in: 0..<10, using: &rng) < 9
                    : Int.random(in: 0..<10, using: &rng) < 2
            }.shuffled(using: &rng)
            return .init(id: id, capacity: Int.random(in: capacities, using: &rng), ranking: ranking)
        }
        return MatchingProblem(applicants: applicantList, posts: postList)
    }
}
