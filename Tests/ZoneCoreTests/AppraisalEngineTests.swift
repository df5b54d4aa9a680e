import Foundation
import Testing
@testable import ZoneCore

/// Random inputs for the property tests: SplitMix64 from a fixed seed, so a failure reproduces.
struct EngineRandom {
    var rng: SeededGenerator

    init(seed: UInt64) { rng = SeededGenerator(seed: seed) }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
    mutating func int64(_ range: ClosedRange<Int64>) -> Int64 { Int64.random(in: range, using: &rng) }
    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }
}

/// Distribution settings built in code for the tests (the shipped policies are tested below).
enum TestDistribution {
    static let grades = GradeScheme([
        Grade(key: "excellent", label: "优秀", minScore: 90),
        Grade(key: "competent", label: "称职", minScore: 70),
        Grade(key: "basically_competent", label: "基本称职", minScore: 60),
        Grade(key: "incompetent", label: "不称职", minScore: 0),
    ])

    static func make(_ rounding: RoundingRule, cap: Int = 2_000, approved: Int = 2_500, floor: Int? = 500,
                     bottomGrade: String? = "incompetent", tieBreak: [TieBreakKey] = [.score, .id]) -> ForcedDistribution {
        ForcedDistribution(
            group: .unit, rounding: rounding, tieBreak: tieBreak,
            top: TopBand(grade: "excellent", cap: Proportion(tenThousandths: cap)!, approvedCap: Proportion(tenThousandths: approved)!),
            bottom: floor.map { BottomBand(grade: bottomGrade, floor: Proportion(tenThousandths: $0)!) })
    }
}

/// The forced distribution written the plain way — sort each group with a closure, walk it — to
/// check the engine's packed keys, radix sort and bucket arithmetic against.
func referenceDistribution(scores: [Int32], groups: [Int32], groupCount: Int, vetoed: [Bool], seniority: [Int32],
                           grades: GradeScheme, distribution: ForcedDistribution,
                           approved: Set<Int32>) -> (grades: [UInt8], bottom: [Bool], flagged: [Int32]) {
    let topRank = grades.rank(of: distribution.top.grade)!
    let bottomRank = distribution.bottom?.grade.flatMap { grades.rank(of: $0) }
    let last = grades.grades.count - 1
    let usesSeniority = distribution.tieBreak.contains(.seniority)
    var out = [UInt8](repeating: 0, count: scores.count)
    var bottom = [Bool](repeating: false, count: scores.count)
    var flagged = Set<Int32>()
    func isVetoed(_ p: Int) -> Bool { !vetoed.isEmpty && vetoed[p] }
    for group in 0..<groupCount {
        let ranked = scores.indices.filter { groups[$0] == Int32(group) }.sorted { a, b in
            if isVetoed(a) != isVetoed(b) { return !isVetoed(a) }
            if scores[a] != scores[b] { return scores[a] > scores[b] }
            if usesSeniority, seniority[a] != seniority[b] { return seniority[a] > seniority[b] }
            return a < b
        }
        let size = ranked.count
        let share = approved.contains(Int32(group)) ? distribution.top.approvedCap : distribution.top.cap
        let floorCount = min(size, distribution.bottom.map { distribution.rounding.count($0.floor, of: size) } ?? 0)
        let capCount = min(distribution.rounding.count(share, of: size), size - floorCount)
        var given = 0
        var eligible = 0
        for (position, person) in ranked.enumerated() {
            var rank = grades.grades.firstIndex { $0.minScore * 100 <= Int(scores[person]) }!
            if isVetoed(person) {
                rank = last
            } else if rank <= topRank {
                eligible += 1
                if given < capCount { given += 1 } else { rank = topRank + 1 }
            }
            if position >= size - floorCount {
                bottom[person] = true
                if let bottomRank { rank = max(rank, bottomRank) }
            }
            out[person] = UInt8(rank)
        }
        let rankedCount = ranked.filter { !isVetoed($0) }.count
        var cuts: [Int] = []
        if capCount > 0, eligible > capCount { cuts.append(capCount) }
        if floorCount > 0 { cuts.append(size - floorCount) }
        for cut in cuts where cut > 0 && cut < rankedCount && scores[ranked[cut - 1]] == scores[ranked[cut]] {
            let shared = scores[ranked[cut]]
            for person in ranked where !isVetoed(person) && scores[person] == shared { flagged.insert(Int32(person)) }
        }
    }
    return (out, bottom, flagged.sorted())
}

@Suite("Appraisal: indicator rules and KPI scoring")
struct IndicatorScoringTests {
    @Test func linearToTargetIsProportionalRoundedHalfUpAndCapped() {
        let rule = IndicatorRule.linear(target: 3, capPercent: 120)
        #expect(rule.points(actual: 1) == 3_333)   // 33.333… → 33.33
        #expect(rule.points(actual: 2) == 6_667)   // 66.666… → 66.67
        #expect(rule.points(actual: 3) == 10_000)
        #expect(rule.points(actual: 100) == 12_000)
        #expect(rule.points(actual: -5) == 0)
        #expect(IndicatorRule.linear(target: 200, capPercent: 100).points(actual: 1) == 50)   // exactly 0.5
        #expect(IndicatorRule.linear(target: 40_000, capPercent: 100).points(actual: 1) == 0) // 0.25 → 0
        #expect(IndicatorRule.linear(target: 40_000, capPercent: 100).points(actual: 2) == 1) // 0.5 → 1 (half up)
        #expect(IndicatorRule.linear(target: IndicatorRule.maxTarget, capPercent: 300).points(actual: .max) == 30_000)
    }

    @Test func thresholdsTakeTheFirstStepReached() {
        let rule = IndicatorRule.thresholds([.init(minActual: 90, points: 10_000), .init(minActual: 75, points: 8_500),
                                             .init(minActual: 60, points: 7_000)])
        #expect(rule.points(actual: 95) == 10_000)
        #expect(rule.points(actual: 90) == 10_000)
        #expect(rule.points(actual: 89) == 8_500)
        #expect(rule.points(actual: 60) == 7_000)
        #expect(rule.points(actual: 59) == 0)
    }

    @Test func itemsAreCappedAndVetoFiresOnAnyIncident() {
        #expect(IndicatorRule.bonus(perItem: 50, max: 200).points(actual: 3) == 150)
        #expect(IndicatorRule.bonus(perItem: 50, max: 200).points(actual: 9) == 200)
        #expect(IndicatorRule.penalty(perItem: 100, max: 300).points(actual: 5) == 300)
        #expect(IndicatorRule.penalty(perItem: 100, max: 300).points(actual: -2) == 0)
        #expect(IndicatorRule.veto.vetoes(actual: 1))
        #expect(!IndicatorRule.veto.vetoes(actual: 0))
        #expect(!IndicatorRule.bonus(perItem: 1, max: 1).vetoes(actual: 1))
    }

    static let catalog = [
        Indicator(weight: 70, rule: .linear(target: 10_000, capPercent: 120)),
        Indicator(weight: 30, rule: .thresholds([.init(minActual: 90, points: 10_000), .init(minActual: 0, points: 6_000)])),
        Indicator(weight: 0, rule: .penalty(perItem: 100, max: 500)),
        Indicator(weight: 0, rule: .veto),
        Indicator(weight: 0, rule: .bonus(perItem: 500, max: 1_000)),
        Indicator(weight: 100, rule: .linear(target: 100, capPercent: 150)),
    ]

    @Test func weightedKPIWithPenaltyAndVeto() throws {
        let entries = KPIEntries(people: [
            [(0, 9_000), (1, 95), (2, 2), (3, 0)],   // 70·90 + 30·100 = 93.00, − 2.00
            [(0, 20_000), (1, 10), (3, 1)],          // 70·120 + 30·60 = 102.00 → clamped 100.00, vetoed
            [(5, 0), (2, 9)],                        // 0 − 5.00 → clamped 0
            [(5, 150), (4, 3)],                      // 150 capped → 100 after clamp
        ])
        let kpi = try KPIScoring.score(entries, catalog: Self.catalog)
        #expect(kpi.scores == [9_100, 10_000, 0, 10_000])
        #expect(kpi.vetoed == [false, true, false, false])
    }

    @Test func weightsNotSummingTo100AreRefusedNamingThePerson() {
        let entries = KPIEntries(people: [[(5, 50)], [(0, 1), (5, 1)]])
        #expect(throws: AppraisalError.indicatorWeights(person: 1, total: 170)) {
            try KPIScoring.score(entries, catalog: Self.catalog)
        }
        #expect(throws: AppraisalError.indicatorWeights(person: 0, total: 0)) {
            try KPIScoring.score(KPIEntries(people: [[(3, 0)]]), catalog: Self.catalog)
        }
        #expect(AppraisalError.indicatorWeights(person: 1, total: 170).message.contains("合计应为100，实际为170"))
    }

    @Test func malformedCatalogueAndUnknownIndicatorsAreRefused() {
        let one = KPIEntries(people: [[(0, 1)]])
        #expect(throws: AppraisalError.invalidIndicator(index: 0, .weightOnItem(5))) {
            try KPIScoring.score(one, catalog: [Indicator(weight: 5, rule: .veto)])
        }
        #expect(throws: AppraisalError.invalidIndicator(index: 0, .targetOutOfRange(0))) {
            try KPIScoring.score(one, catalog: [Indicator(weight: 100, rule: .linear(target: 0, capPercent: 120))])
        }
        #expect(throws: AppraisalError.invalidIndicator(index: 0, .stepsNotDescending)) {
            try KPIScoring.score(one, catalog: [Indicator(weight: 100, rule: .thresholds([.init(minActual: 1, points: 1),
                                                                                         .init(minActual: 1, points: 0)]))])
        }
        #expect(throws: AppraisalError.invalidIndicator(index: 0, .weightOutOfRange(0))) {
            try KPIScoring.score(one, catalog: [Indicator(weight: 0, rule: .linear(target: 1, capPercent: 100))])
        }
        #expect(throws: AppraisalError.unknownIndicator(person: 0, indicator: 9)) {
            try KPIScoring.score(KPIEntries(people: [[(9, 1)]]), catalog: Self.catalog)
        }
    }

    /// The engine's flattened, division-free loop agrees with ``IndicatorRule/points(actual:)``
    /// applied person by person, for random catalogues and actuals from far below 0 to far past the cap.
    @Test func engineAgreesWithTheRuleDefinitions() throws {
        var random = EngineRandom(seed: 7)
        for _ in 0..<20 {
            var catalog: [Indicator] = []
            for _ in 0..<random.int(1...6) {
                let perItem = Int32(random.int(1...500)), max = Int32(random.int(0...1_000))
                let items: [IndicatorRule] = [.veto, .bonus(perItem: perItem, max: max), .penalty(perItem: perItem, max: max)]
                catalog.append(Indicator(weight: 0, rule: items[random.int(0...2)]))
            }
            let weighted = catalog.count
            var remaining = 100
            while remaining > 0 {
                let weight = min(remaining, random.int(1...40))
                remaining -= weight
                let rule: IndicatorRule
                if random.chance(60) {
                    let largestTarget: Int64 = random.chance(20) ? IndicatorRule.maxTarget : 1_000_000
                    rule = .linear(target: random.int64(1...largestTarget), capPercent: random.int(100...300))
                } else {
                    var steps: [IndicatorRule.Step] = []
                    for step in 0..<random.int(1...5) {
                        let minActual = Int64(1_000 - 150 * step)
                        let points = Int32(10_000 - 1_500 * step)
                        steps.append(IndicatorRule.Step(minActual: minActual, points: points))
                    }
                    rule = .thresholds(steps)
                }
                catalog.append(Indicator(weight: weight, rule: rule))
            }
            var people: [[(indicator: Int, actual: Int64)]] = []
            for _ in 0..<200 {
                var entries = (weighted..<catalog.count).map { (indicator: $0, actual: random.int64(-1_000...3_000_000)) }
                if random.chance(5) { entries[0].actual = .max }
                for item in 0..<weighted where random.chance(50) { entries.append((item, random.int64(-2...6))) }
                people.append(entries)
            }
            let kpi = try KPIScoring.score(KPIEntries(people: people), catalog: catalog)
            for (person, entries) in people.enumerated() {
                var weightedSum: Int64 = 0, adjustment: Int64 = 0
                var veto = false
                for (index, actual) in entries {
                    let rule = catalog[index].rule
                    switch rule {
                    case .linear, .thresholds: weightedSum += Int64(catalog[index].weight) * Int64(rule.points(actual: actual))
                    case .bonus: adjustment += Int64(rule.points(actual: actual))
                    case .penalty: adjustment -= Int64(rule.points(actual: actual))
                    case .veto: veto = veto || rule.vetoes(actual: actual)
                    }
                }
                let expected = min(max(ScoreScale.divideHalfUp(weightedSum, 100) + adjustment, 0), 10_000)
                #expect(kpi.scores[person] == Int32(expected))
                #expect(kpi.vetoed[person] == veto)
            }
        }
    }
}

@Suite("Appraisal: person scores")
struct PersonScoringTests {
    @Test func weightedPartsRoundHalfUp() throws {
        let weights = ScoreWeights(kpi: 60, peer360: 10, leader: 20, worklog: 10)
        let worklog = PersonScoring.worklogCompleteness(submitted: 11, required: 12)
        #expect(worklog == 9_167)
        #expect(PersonScoring.worklogCompleteness(submitted: 14, required: 12) == 10_000)
        #expect(PersonScoring.score(weights: weights, kpi: 9_100, peer360: 8_800, leader: 9_000, worklog: worklog) == 9_057)
        #expect(try PersonScoring.scores(weights: weights, kpi: [9_100, 5], peer360: [8_800, 0], leader: [9_000, 0],
                                         worklog: [worklog, 0]) == [9_057, 3])   // 0.30 + … = 3.0 → 3
        #expect(ScoreScale.text(9_057) == "90.57")
        #expect(ScoreScale.text(5) == "0.05")
    }

    @Test func weightsMustSumTo100AndPartsStayOnTheScale() {
        #expect(throws: AppraisalError.partWeights(total: 90)) {
            try PersonScoring.scores(weights: ScoreWeights(kpi: 60, peer360: 10, leader: 20, worklog: 0),
                                     kpi: [1], peer360: [1], leader: [1], worklog: [1])
        }
        #expect(throws: AppraisalError.partOutOfRange(person: 1, part: "领导评价", value: 10_001)) {
            try PersonScoring.scores(weights: ScoreWeights(kpi: 70, peer360: 10, leader: 20, worklog: 0),
                                     kpi: [1, 1], peer360: [1, 1], leader: [1, 10_001], worklog: [0, 0])
        }
    }
}

@Suite("Appraisal: forced distribution")
struct ForcedDistributionTests {
    func assign(_ scores: [Int32], _ distribution: ForcedDistribution, groups: [Int32]? = nil, vetoed: [Bool] = [],
                seniority: [Int32] = [], approved: Set<Int32> = []) throws -> DistributionOutcome {
        let groups = groups ?? [Int32](repeating: 0, count: scores.count)
        return try GradeDistribution.assign(scores: scores, groups: groups, groupCount: Int(groups.max() ?? -1) + 1,
                                            vetoed: vetoed, seniority: seniority, grades: TestDistribution.grades,
                                            distribution: distribution, approvedGroups: approved)
    }

    /// The example in the documentation, on 新余's shipped policy.
    @Test func documentedExampleOnXinyu() throws {
        let policy = try ShippedPolicies.load("xinyu")
        let outcome = try GradeDistribution.assign(
            scores: [9_500, 9_200, 9_200, 8_000, 7_500, 6_100, 9_800, 8_800, 8_500, 8_300],
            groups: [Int32](repeating: 0, count: 10), groupCount: 1, seniority: [Int32](repeating: 120, count: 10),
            grades: policy.appraisal.grades, distribution: policy.appraisal.distribution)
        #expect(outcome.tallies == [GroupTally(size: 10, vetoed: 0, approvedCap: false, roundedCap: 2, capCount: 2,
                                               floorCount: 1, eligible: 4, top: 2)])
        #expect(outcome.tallies[0].demoted == 2)
        #expect(outcome.grades == [0, 1, 1, 1, 2, 3, 0, 1, 1, 1])
        #expect(outcome.bottomBand == [false, false, false, false, false, true, false, false, false, false])
        #expect(outcome.flagged.isEmpty)
    }

    /// Groups of 1–4 (and 10, 20) under every rounding rule, with 优秀 ≤ 20% and bottom ≥ 5%:
    /// the cap and floor counts of the documented table, everyone scoring 优秀.
    @Test(arguments: [
        (RoundingRule.floor, [(1, 0, 0), (2, 0, 0), (3, 0, 0), (4, 0, 0), (10, 2, 0), (20, 4, 1)]),
        (.halfUp, [(1, 0, 0), (2, 0, 0), (3, 1, 0), (4, 1, 0), (10, 2, 1), (20, 4, 1)]),
        (.atLeastOne, [(1, 0, 1), (2, 1, 1), (3, 1, 1), (4, 1, 1), (10, 2, 1), (20, 4, 1)]),
    ])
    func smallGroupsFollowTheRoundingRule(rounding: RoundingRule, expected: [(size: Int, cap: Int, floor: Int)]) throws {
        for (size, cap, floor) in expected {
            let scores = (0..<size).map { Int32(9_900 - 10 * $0) }
            let outcome = try assign(scores, TestDistribution.make(rounding))
            let tally = try #require(outcome.tallies.first)
            #expect(tally.size == Int32(size))
            #expect(tally.capCount == Int32(cap), "\(rounding) size \(size)")
            #expect(tally.floorCount == Int32(floor), "\(rounding) size \(size)")
            #expect(outcome.grades.filter { $0 == 0 }.count == cap)
            #expect(outcome.grades.filter { $0 == 3 }.count == floor)
            #expect(outcome.bottomBand.filter { $0 }.count == floor)
            // The best `cap` keep 优秀, the rest move one grade down, the last `floor` are 不称职.
            #expect(outcome.grades == (0..<size).map { $0 < cap ? 0 : ($0 >= size - floor ? 3 : 1) })
        }
    }

    @Test func atLeastOneGivesTheFloorPriorityOverTheCapInAGroupOfOne() throws {
        let outcome = try assign([9_900], TestDistribution.make(.atLeastOne))
        #expect(outcome.tallies[0].roundedCap == 1)
        #expect(outcome.tallies[0].capCount == 0)
        #expect(outcome.grades == [3])
        #expect(outcome.bottomBand == [true])
    }

    @Test func theApprovedHigherCapAppliesOnlyToApprovedGroups() throws {
        let scores = (0..<40).map { Int32(9_990 - $0) }   // everyone 优秀 by score
        let groups = (0..<40).map { Int32($0 % 2) }
        let outcome = try assign(scores, TestDistribution.make(.floor, floor: nil), groups: groups, approved: [1])
        #expect(outcome.tallies.map(\.capCount) == [4, 5])   // 20% and 25% of 20
        #expect(outcome.tallies.map(\.approvedCap) == [false, true])
        #expect(outcome.grades.enumerated().filter { $0.element == 0 }.map(\.offset) == [0, 2, 4, 6, 1, 3, 5, 7, 9].sorted())
    }

    @Test func aVetoPutsThePersonInTheBottomGradeWhateverTheScore() throws {
        let scores: [Int32] = [9_900, 9_500, 8_000, 7_500, 7_000]
        let vetoed = [true, false, false, false, false]
        let outcome = try assign(scores, TestDistribution.make(.halfUp, floor: 500), vetoed: vetoed)
        // size 5: cap 1 (half up of 1.0), floor 0 (0.25 → 0). Person 1 is now the best.
        #expect(outcome.grades == [3, 0, 1, 1, 1])
        #expect(outcome.tallies[0].vetoed == 1)
        #expect(outcome.tallies[0].eligible == 1)
        // With a floor of 1 the vetoed person fills it, ranking last.
        let withFloor = try assign(scores, TestDistribution.make(.atLeastOne), vetoed: vetoed)
        #expect(withFloor.bottomBand == [true, false, false, false, false])
        #expect(withFloor.grades == [3, 0, 1, 1, 1])
    }

    @Test func aTieAtTheCapIsSettledByIdAndFlagged() throws {
        // 10 people, cap 2: persons 0 (98) is in; 3 and 7 tie at 95 for the second place.
        var scores = [Int32](repeating: 8_000, count: 10)
        scores[0] = 9_800; scores[3] = 9_500; scores[7] = 9_500; scores[9] = 9_500
        let outcome = try assign(scores, TestDistribution.make(.floor, floor: nil))
        #expect(outcome.grades[0] == 0 && outcome.grades[3] == 0)
        #expect(outcome.grades[7] == 1 && outcome.grades[9] == 1)
        #expect(outcome.ties == [BoundaryTie(group: 0, boundary: .top, score: 9_500, people: [3, 7, 9])])
        #expect(outcome.flagged == [3, 7, 9])
    }

    @Test func seniorityBreaksTiesBeforeIdWhenThePolicySaysSo() throws {
        var scores = [Int32](repeating: 8_000, count: 10)
        scores[0] = 9_800; scores[3] = 9_500; scores[7] = 9_500
        let seniority: [Int32] = [0, 0, 0, 100, 0, 0, 0, 240, 0, 0]
        let outcome = try assign(scores, TestDistribution.make(.floor, floor: nil, tieBreak: [.score, .seniority, .id]),
                                 seniority: seniority)
        #expect(outcome.grades[7] == 0 && outcome.grades[3] == 1)
        #expect(outcome.flagged == [3, 7])
        #expect(throws: AppraisalError.seniorityMissing) {
            try assign(scores, TestDistribution.make(.floor, tieBreak: [.score, .seniority, .id]))
        }
    }

    @Test func aTieAtTheFloorIsFlaggedAndTheHigherIdGoesToTheBottom() throws {
        // 20 people, floor 5% = 1: persons 4 and 11 share the lowest score.
        var scores = (0..<20).map { Int32(8_000 + $0) }
        scores[4] = 6_500; scores[11] = 6_500
        let outcome = try assign(scores, TestDistribution.make(.floor))
        #expect(outcome.bottomBand.enumerated().filter(\.element).map(\.offset) == [11])
        #expect(outcome.grades[11] == 3 && outcome.grades[4] == 2)
        #expect(outcome.ties.map(\.boundary) == [.bottom])
        #expect(outcome.flagged == [4, 11])
    }

    @Test func aBandWithoutAGradeOnlyMarksTheBottom() throws {
        let scores = (0..<20).map { Int32(8_000 + 10 * $0) }
        let outcome = try assign(scores, TestDistribution.make(.floor, bottomGrade: nil))
        #expect(outcome.bottomBand[0])
        #expect(outcome.grades[0] == 1)   // 80.00 stays 称职
    }

    @Test func badInputsAreRefusedNamingTheRow() {
        #expect(throws: AppraisalError.scoreOutOfRange(person: 1, score: 10_001)) {
            try assign([1, 10_001], TestDistribution.make(.floor))
        }
        #expect(throws: AppraisalError.unknownGroup(person: 0, group: -1)) {
            try GradeDistribution.assign(scores: [1], groups: [-1], groupCount: 1, grades: TestDistribution.grades,
                                         distribution: TestDistribution.make(.floor))
        }
        #expect(throws: AppraisalError.unknownApprovedGroup(3)) {
            try assign([1], TestDistribution.make(.floor), approved: [3])
        }
        #expect(throws: AppraisalError.seniorityOutOfRange(person: 0, months: 70_000)) {
            try assign([1], TestDistribution.make(.floor, tieBreak: [.score, .seniority, .id]), seniority: [70_000])
        }
        var unknown = TestDistribution.make(.floor)
        unknown.top.grade = "outstanding"
        #expect(throws: AppraisalError.unknownGrade("outstanding")) { try assign([1], unknown) }
    }

    /// Random groups from size 0 to 300 with few distinct scores (so ties are common), vetoes and
    /// approvals, under every rounding rule: the engine matches the plain reference exactly, caps
    /// and floors hold, and a second run gives the same result.
    @Test(arguments: RoundingRule.allCases)
    func matchesThePlainReferenceAndKeepsCapsAndFloors(rounding: RoundingRule) throws {
        var random = EngineRandom(seed: 11)
        for round in 0..<12 {
            let groupCount = random.int(1...40)
            let count = random.int(0...3_000)
            let groups = (0..<count).map { _ in Int32(random.chance(20) ? random.int(0...min(3, groupCount - 1)) : random.int(0...(groupCount - 1))) }
            let coarse = random.chance(50)
            let scores = (0..<count).map { _ in Int32(coarse ? 100 * random.int(50...100) : random.int(0...10_000)) }
            let vetoed = (0..<count).map { _ in random.chance(3) }
            let seniority = (0..<count).map { _ in Int32(random.int(0...3)) }
            let approved = Set((0..<groupCount).filter { _ in random.chance(20) }.map(Int32.init))
            let distribution = TestDistribution.make(rounding, floor: round % 3 == 0 ? nil : 500 * random.int(1...4),
                                                     bottomGrade: round % 2 == 0 ? "incompetent" : nil,
                                                     tieBreak: round % 2 == 0 ? [.score, .seniority, .id] : [.score, .id])
            let outcome = try GradeDistribution.assign(scores: scores, groups: groups, groupCount: groupCount, vetoed: vetoed,
                                                       seniority: seniority, grades: TestDistribution.grades,
                                                       distribution: distribution, approvedGroups: approved)
            let reference = referenceDistribution(scores: scores, groups: groups, groupCount: groupCount, vetoed: vetoed,
                                                  seniority: seniority, grades: TestDistribution.grades,
                                                  distribution: distribution, approved: approved)
            #expect(outcome.grades == reference.grades)
            #expect(outcome.bottomBand == reference.bottom)
            #expect(outcome.flagged == reference.flagged)
            #expect(try GradeDistribution.assign(scores: scores, groups: groups, groupCount: groupCount, vetoed: vetoed,
                                                 seniority: seniority, grades: TestDistribution.grades,
                                                 distribution: distribution, approvedGroups: approved) == outcome)
            for group in 0..<groupCount {
                let members = (0..<count).filter { groups[$0] == Int32(group) }
                let tally = outcome.tallies[group]
                let share = approved.contains(Int32(group)) ? distribution.top.approvedCap : distribution.top.cap
                #expect(Int(tally.size) == members.count)
                #expect(Int(tally.roundedCap) == rounding.count(share, of: members.count))
                #expect(members.filter { outcome.grades[$0] == 0 }.count == Int(tally.top))
                #expect(tally.top <= tally.capCount)
                #expect(members.filter { outcome.bottomBand[$0] }.count == Int(tally.floorCount))
                #expect(members.filter { vetoed[$0] }.allSatisfy { outcome.grades[$0] == 3 })
                if distribution.bottom?.grade != nil {
                    #expect(members.filter { outcome.bottomBand[$0] }.allSatisfy { outcome.grades[$0] == 3 })
                }
            }
        }
    }
}

@Suite("Appraisal: department coefficients")
struct DepartmentCoefficientTests {
    static let bands = DepartmentCoefficientRule(range: 0.5...1.5, source: .scoreBands, bands: [
        CoefficientBand(minScore: 90, value: 1.3), CoefficientBand(minScore: 70, value: 1.0), CoefficientBand(minScore: 0, value: 0.5)])

    @Test func scoreBandsMapToPerMille() throws {
        #expect(try DepartmentCoefficients.fromScores([9_512, 9_000, 8_999, 7_000, 6_999, 0], rule: Self.bands)
                == [1_300, 1_300, 1_000, 1_000, 500, 500])
        #expect(throws: AppraisalError.scoreOutOfRange(person: 0, score: -1)) {
            try DepartmentCoefficients.fromScores([-1], rule: Self.bands)
        }
        let outside = DepartmentCoefficientRule(range: 0.5...1.2, source: .scoreBands, bands: [CoefficientBand(minScore: 0, value: 1.3)])
        #expect(throws: AppraisalError.bandOutOfRange(value: 1.3, range: 0.5...1.2)) {
            try DepartmentCoefficients.fromScores([1], rule: outside)
        }
    }

    @Test func weifangAssignsCoefficientsWithinItsRange() throws {
        let rule = try ShippedPolicies.load("weifang").appraisal.departmentCoefficient
        #expect(try DepartmentCoefficients.assigned([1.2, 0.8, 0.5, 1.5], rule: rule) == [1_200, 800, 500, 1_500])
        #expect(throws: AppraisalError.coefficientOutOfRange(department: 1, value: 1.6, range: 0.5...1.5)) {
            try DepartmentCoefficients.assigned([1.0, 1.6], rule: rule)
        }
        #expect(throws: AppraisalError.coefficientsAreAssigned) { try DepartmentCoefficients.fromScores([9_000], rule: rule) }
    }
}

@Suite("Appraisal: shipped policies drive the engines")
struct PolicyAppraisalTests {
    /// A seeded year for `count` people in `groupCount` groups (a few of them tiny), scored on a
    /// small catalogue with the policy's part weights and graded with its distribution.
    static func year(_ policy: ZonePolicy, count: Int = 3_000, groupCount: Int = 60, seed: UInt64 = 3)
        throws -> (groups: [Int32], scores: [Int32], vetoed: [Bool], outcome: DistributionOutcome) {
        var random = EngineRandom(seed: seed)
        let catalog = [
            Indicator(weight: 50, rule: .linear(target: 10_000, capPercent: 120)),
            Indicator(weight: 50, rule: .thresholds([.init(minActual: 90, points: 10_000), .init(minActual: 70, points: 8_000),
                                                     .init(minActual: 0, points: 5_000)])),
            Indicator(weight: 0, rule: .veto),
        ]
        // Groups 0–3 hold 1, 2, 3 and 4 people; the rest are spread at random.
        let groups = (0..<count).map { $0 < 10 ? Int32([0, 1, 1, 2, 2, 2, 3, 3, 3, 3][$0]) : Int32(random.int(4...(groupCount - 1))) }
        let entries = KPIEntries(people: (0..<count).map { _ in
            [(0, random.int64(5_000...13_000)), (1, random.int64(40...100)), (2, random.chance(1) ? 1 : 0)]
        })
        let kpi = try KPIScoring.score(entries, catalog: catalog)
        let parts = { (random: inout EngineRandom) in (0..<count).map { _ in Int32(random.int(6_000...10_000)) } }
        let scores = try PersonScoring.scores(weights: policy.appraisal.weights, kpi: kpi.scores, peer360: parts(&random),
                                              leader: parts(&random), worklog: parts(&random))
        let outcome = try GradeDistribution.assign(
            scores: scores, groups: groups, groupCount: groupCount, vetoed: kpi.vetoed,
            seniority: (0..<count).map { _ in Int32(random.int(0...480)) }, grades: policy.appraisal.grades,
            distribution: policy.appraisal.distribution)
        return (groups, scores, kpi.vetoed, outcome)
    }

    @Test(arguments: ShippedPolicies.codes)
    func eachPolicyGradesAGeneratedYearWithinItsCapsAndFloors(_ code: String) throws {
        let policy = try ShippedPolicies.load(code)
        let rules = policy.appraisal
        let (groups, _, vetoed, outcome) = try Self.year(policy)
        let topRank = try #require(rules.grades.rank(of: rules.distribution.top.grade))
        for (group, tally) in outcome.tallies.enumerated() {
            let members = groups.indices.filter { groups[$0] == Int32(group) }
            let size = members.count
            let floor = min(size, rules.distribution.bottom.map { rules.distribution.rounding.count($0.floor, of: size) } ?? 0)
            #expect(Int(tally.floorCount) == floor)
            #expect(Int(tally.capCount) == min(rules.distribution.rounding.count(rules.distribution.top.cap, of: size), size - floor))
            #expect(members.filter { Int(outcome.grades[$0]) <= topRank }.count <= Int(tally.capCount))
            #expect(members.filter { outcome.bottomBand[$0] }.count == floor)
            if let bottomGrade = rules.distribution.bottom?.grade, let bottomRank = rules.grades.rank(of: bottomGrade) {
                #expect(members.filter { outcome.bottomBand[$0] }.allSatisfy { Int(outcome.grades[$0]) >= bottomRank })
            }
        }
        let lastRank = UInt8(rules.grades.grades.count - 1)
        #expect(vetoed.indices.filter { vetoed[$0] }.allSatisfy { outcome.grades[$0] == lastRank })
        #expect(outcome.grades.contains(0))
    }

    /// 毕节: floor rounding, 优秀 ≤ 20%, no bottom band — groups below 5 people get no 优秀.
    @Test func bijieCapsRoundDown() throws {
        let (_, _, _, outcome) = try Self.year(try ShippedPolicies.load("bijie"))
        #expect(outcome.tallies[0...3].map(\.capCount) == [0, 0, 0, 0])
        #expect(outcome.tallies.allSatisfy { $0.floorCount == 0 })
        #expect(outcome.tallies[4...].allSatisfy { $0.capCount == $0.size / 5 })
        let seven = try GradeDistribution.assign(scores: [Int32](repeating: 9_500, count: 7), groups: [Int32](repeating: 0, count: 7),
                                                 groupCount: 1, seniority: [Int32](repeating: 1, count: 7),
                                                 grades: try ShippedPolicies.load("bijie").appraisal.grades,
                                                 distribution: try ShippedPolicies.load("bijie").appraisal.distribution)
        #expect(seven.tallies[0].capCount == 1)   // 20% × 7 = 1.4 → 1
        #expect(seven.flagged == Array(0..<7))     // everyone tied at the cut
        #expect(seven.grades == [0, 1, 1, 1, 1, 1, 1])
    }

    /// 新余: half-up, bottom 5% forced to 不及格, and 不及格 loses incentive pay.
    @Test func xinyuForcesTheBottomFivePercentToFail() throws {
        let policy = try ShippedPolicies.load("xinyu")
        let (groups, _, _, outcome) = try Self.year(policy)
        let failRank = try #require(policy.appraisal.grades.rank(of: "fail"))
        for (group, tally) in outcome.tallies.enumerated() where tally.size >= 10 {
            #expect(tally.floorCount == (tally.size * 500 * 2 + 10_000) / 20_000)
            #expect(groups.indices.filter { groups[$0] == Int32(group) && Int(outcome.grades[$0]) == failRank }.count >= Int(tally.floorCount))
        }
        #expect(policy.appraisal.gradesWithoutIncentivePay == ["fail"])
    }

    /// 潍坊: 同职级岗位 后5% are marked, not graded down; 仪征: at least one 末位 in every group.
    @Test func weifangMarksAndYizhengRemovesAtLeastOne() throws {
        let weifang = try Self.year(try ShippedPolicies.load("weifang"))
        #expect(weifang.outcome.tallies[0...3].map(\.floorCount) == [0, 0, 0, 0])
        let marked = weifang.outcome.bottomBand.indices.filter { weifang.outcome.bottomBand[$0] }
        #expect(!marked.isEmpty)
        #expect(marked.contains { weifang.outcome.grades[$0] < 3 && !weifang.vetoed[$0] })

        let yizheng = try Self.year(try ShippedPolicies.load("yizheng"))
        #expect(yizheng.outcome.tallies[0...3].map(\.floorCount) == [1, 1, 1, 1])
        #expect(yizheng.outcome.tallies[0...3].map(\.capCount) == [0, 1, 1, 1])
        #expect(yizheng.outcome.tallies.filter { $0.size > 0 }.allSatisfy { $0.floorCount >= 1 })
    }

    @Test func onlyXinyuTakesIncentivePayAwayByGrade() throws {
        for code in ShippedPolicies.codes {
            let expected: Set<String> = code == "xinyu" ? ["fail"] : []
            #expect(try ShippedPolicies.load(code).appraisal.gradesWithoutIncentivePay == expected, "\(code)")
        }
    }
}
