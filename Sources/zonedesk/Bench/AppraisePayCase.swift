import Foundation
import ZoneCore

extension BenchCase {
    /// `appraise-pay`: a whole appraisal-and-pay year for `size` people in 5,000 comparison groups
    /// (fewer when `size` is smaller), which are also the pay departments: KPI scoring of 10
    /// indicators each, weighted person scores, forced distribution under 毕节-like caps, department
    /// coefficients, then zone pool → 5,000 packages → people by largest remainder. Data generation
    /// is not timed. The checksum is FNV-1a 64 over every person's pay (8 bytes, little-endian fen)
    /// followed by their grade (1 byte, 0 = 优秀), in person order; `bench/appraise_pay_reference.py`
    /// computes the same from the same seed with numpy. The totals go to stderr as a second JSON
    /// line, for `bench/run_appraise_pay.py` to compare.
    static let appraisePay = BenchCase(name: "appraise-pay", defaultSize: 1_000_000) { size in
        let inputs = AppraisePayBench.inputs(people: size, seed: AppraisePayBench.seed)
        var result: AppraisePayBench.Result?
        let milliseconds = try Stopwatch.bestMilliseconds { result = try AppraisePayBench.run(inputs) }
        guard let result else { throw AppraisePayBench.Failure.invariant("no run") }
        try result.checkInvariants(departments: inputs.groups)
        FileHandle.standardError.write(Data((result.totalsJSON + "\n").utf8))
        return BenchResult(case: "appraise-pay", size: size, engineMilliseconds: milliseconds,
                           checksum: Checksum.fnv1a64(pay: result.split.pay, grades: result.outcome.grades))
    }
}

extension Checksum {
    /// FNV-1a 64 over, per person, the pay as 8 little-endian bytes and then the grade byte.
    static func fnv1a64(pay: [Int64], grades: [UInt8]) -> String {
        var hash = FNV1a64()
        for (fen, grade) in zip(pay, grades) {
            hash.add(littleEndian: fen)
            hash.add(grade)
        }
        return hash.hex
    }
}

/// The seeded data and fixed rules of the `appraise-pay` case. `bench/appraise_pay_reference.py`
/// ports this recipe line for line: every random number is SplitMix64 (``SeededGenerator``) from
/// its own stream, mapped into a range by `below(_:_:)`, so numpy regenerates the same inputs.
enum AppraisePayBench {
    static let seed: UInt64 = 20_250_607
    static let maxGroups = 5_000
    static let indicatorsPerPerson = 10
    static let sheets = 4
    /// Zone performance pool per person, in fen (odd, so the splits leave remainders).
    static let poolPerPerson: Int64 = 2_400_037
    /// Per-mille post coefficients: five levels (分级) and four categories (分类; 招商 is 1.3).
    static let levelCoefficients: [Int64] = [2_000, 1_600, 1_300, 1_100, 1_000]
    static let categoryCoefficients: [Int64] = [1_000, 1_300, 1_000, 1_000]

    enum Failure: Error, CustomStringConvertible {
        case invariant(String)

        var description: String {
            switch self {
            case .invariant(let what): "appraise-pay: \(what)"
            }
        }
    }

    /// 毕节-like rules: its grades and weights, 优秀 ≤ 20% (25% with approval), bottom ≥ 5% into
    /// 不合格, half-up rounding, ties by score, seniority, id; 不合格 loses incentive pay; pay by
    /// score; department coefficients 0.5–1.5 by score band.
    static let rules = AppraisalRules(
        cycles: [.annual],
        weights: ScoreWeights(kpi: 60, peer360: 10, leader: 20, worklog: 10),
        grades: GradeScheme([
            Grade(key: "excellent", label: "优秀", minScore: 90),
            Grade(key: "qualified", label: "合格", minScore: 70),
            Grade(key: "basically_qualified", label: "基本合格", minScore: 60),
            Grade(key: "unqualified", label: "不合格", minScore: 0),
        ]),
        distribution: ForcedDistribution(
            group: .unit, rounding: .halfUp, tieBreak: [.score, .seniority, .id],
            top: TopBand(grade: "excellent", cap: Proportion(tenThousandths: 2_000)!, approvedCap: Proportion(tenThousandths: 2_500)!),
            bottom: BottomBand(grade: "unqualified", floor: Proportion(tenThousandths: 500)!)),
        departmentCoefficient: DepartmentCoefficientRule(range: 0.5...1.5, source: .scoreBands, bands: [
            CoefficientBand(minScore: 95, value: 1.5), CoefficientBand(minScore: 90, value: 1.3),
            CoefficientBand(minScore: 85, value: 1.2), CoefficientBand(minScore: 80, value: 1.1),
            CoefficientBand(minScore: 70, value: 1.0), CoefficientBand(minScore: 60, value: 0.8),
            CoefficientBand(minScore: 0, value: 0.5),
        ]),
        consequences: [ConsequenceRule(trigger: .grade("unqualified"), action: .noIncentivePay)],
        publicityWorkingDays: 5)
    static let share = IndividualShareRule(basis: .score, gradeFactors: [:])

    /// Four KPI sheets (one per post category) of 10 indicators: five linear to target capped at
    /// 120%, two thresholded, a bonus, a penalty and a veto item. Indicator `sheet × 10 + slot`.
    static let catalog: [Indicator] = (0..<sheets).flatMap { sheet -> [Indicator] in
        let linearWeights = [20, 15, 15, 10, 10]
        var list = (0..<5).map { slot in
            Indicator(weight: linearWeights[slot], rule: .linear(target: target(sheet: sheet, slot: slot), capPercent: 120))
        }
        let steps = [IndicatorRule.Step(minActual: 9_000, points: 10_000), .init(minActual: 7_500, points: 8_500),
                     .init(minActual: 6_000, points: 7_000), .init(minActual: 0, points: 4_000)]
        list += [Indicator(weight: 15, rule: .thresholds(steps)), Indicator(weight: 15, rule: .thresholds(steps)),
                 Indicator(weight: 0, rule: .bonus(perItem: 50, max: 200)),
                 Indicator(weight: 0, rule: .penalty(perItem: 100, max: 300)),
                 Indicator(weight: 0, rule: .veto)]
        return list
    }

    static func target(sheet: Int, slot: Int) -> Int64 { Int64(10_000 * (slot + 1) * (sheet + 2)) }

    struct Inputs {
        var groupCount: Int
        var groups: [Int32]
        var entries: KPIEntries
        var peer360: [Int32]
        var leader: [Int32]
        var worklog: [Int32]
        var seniority: [Int32]
        var postCoefficients: [Int64]
        var departmentScores: [Int32]
        var approvedGroups: Set<Int32>
        var pool: Int64
    }

    struct Result {
        var outcome: DistributionOutcome
        var split: PaySplit

        /// The exact-to-the-fen invariant, checked on every bench run: packages sum to the pool,
        /// and each package to its people's pay plus what it returned unallocated.
        func checkInvariants(departments: [Int32]) throws {
            guard split.packages.reduce(0, +) == split.pool else { throw Failure.invariant("packages do not sum to the pool") }
            var byDepartment = split.unallocated
            for (person, fen) in split.pay.enumerated() { byDepartment[Int(departments[person])] += fen }
            guard byDepartment == split.packages else { throw Failure.invariant("people do not sum to their package") }
        }

        var totalsJSON: String {
            var gradeCounts = [Int](repeating: 0, count: AppraisePayBench.rules.grades.grades.count)
            for grade in outcome.grades { gradeCounts[Int(grade)] += 1 }
            let unallocated = split.unallocated.reduce(0, +)
            let demoted = outcome.tallies.reduce(0) { $0 + Int($1.demoted) }
            let vetoed = outcome.tallies.reduce(0) { $0 + Int($1.vetoed) }
            return #"{"case":"appraise-pay","pool_fen":\#(split.pool),"paid_fen":\#(split.pool - unallocated),"#
                + #""unallocated_fen":\#(unallocated),"grade_counts":[\#(gradeCounts.map(String.init).joined(separator: ","))],"#
                + #""demoted":\#(demoted),"vetoed":\#(vetoed),"ties":\#(outcome.ties.count),"flagged":\#(outcome.flagged.count)}"#
        }
    }

    /// The timed part: every engine, in order, on the generated data.
    static func run(_ data: Inputs) throws -> Result {
        let kpi = try KPIScoring.score(data.entries, catalog: catalog)
        let scores = try PersonScoring.scores(weights: rules.weights, kpi: kpi.scores, peer360: data.peer360,
                                              leader: data.leader, worklog: data.worklog)
        let outcome = try GradeDistribution.assign(
            scores: scores, groups: data.groups, groupCount: data.groupCount, vetoed: kpi.vetoed,
            seniority: data.seniority, grades: rules.grades, distribution: rules.distribution,
            approvedGroups: data.approvedGroups)
        let coefficients = try DepartmentCoefficients.fromScores(data.departmentScores, rule: rules.departmentCoefficient)
        let weights = try IndividualPayWeights.weights(
            share: share, grades: rules.grades, withoutIncentivePay: rules.gradesWithoutIncentivePay,
            postCoefficientsPerMille: data.postCoefficients, scores: scores, gradeRanks: outcome.grades)
        let split = try PerformancePaySplit.run(pool: data.pool, departments: data.groups,
                                                coefficientsPerMille: coefficients, weights: weights)
        return Result(outcome: outcome, split: split)
    }

    /// `n × (x >> 32) >> 32`: a value in `0 ..< n` from the top 32 bits, exact in numpy's uint64 too.
    @inline(__always)
    static func below(_ x: UInt64, _ n: Int) -> Int { Int(((x >> 32) &* UInt64(n)) >> 32) }

    /// Stream `k` of the seed: its own SplitMix64, so each field is generated independently.
    static func stream(_ k: UInt64, seed: UInt64) -> SeededGenerator {
        SeededGenerator(seed: seed &+ k &* 0xD1B5_4A32_D192_ED03)
    }

    static func inputs(people count: Int, seed: UInt64) -> Inputs {
        let groupCount = min(maxGroups, count)
        func draw(_ k: UInt64, _ n: Int, _ map: (UInt64) -> Int) -> [Int] {
            var rng = stream(k, seed: seed)
            return (0..<n).map { _ in map(rng.next()) }
        }
        let groups = draw(1, count) { below($0, groupCount) }.map(Int32.init)
        let categories = draw(2, count) { below($0, sheets) }
        let levels = draw(3, count) { below($0, levelCoefficients.count) }
        let seniority = draw(4, count) { below($0, 481) }.map(Int32.init)

        var rng = stream(5, seed: seed)
        var offsets = [Int32](repeating: 0, count: count + 1)
        var indicators = [Int32](repeating: 0, count: count * indicatorsPerPerson)
        var actuals = [Int64](repeating: 0, count: count * indicatorsPerPerson)
        for person in 0..<count {
            let sheet = categories[person]
            for slot in 0..<indicatorsPerPerson {
                let x = rng.next()
                let actual: Int
                switch slot {
                case 0..<5:
                    let t = Int(target(sheet: sheet, slot: slot))
                    actual = t * 3 / 5 + below(x, t * 4 / 5 + 1)
                case 5, 6: actual = 5_000 + below(x, 5_001)
                case 7: actual = max(0, below(x, 10) - 6)
                case 8: actual = max(0, below(x, 10) - 7)
                default: actual = below(x, 1_000) == 0 ? 1 : 0
                }
                let entry = person * indicatorsPerPerson + slot
                indicators[entry] = Int32(sheet * indicatorsPerPerson + slot)
                actuals[entry] = Int64(actual)
            }
            offsets[person + 1] = Int32((person + 1) * indicatorsPerPerson)
        }
        let peer = draw(6, count) { 7_000 + below($0, 3_001) }.map(Int32.init)
        let leader = draw(7, count) { 7_000 + below($0, 3_001) }.map(Int32.init)
        let worklog = draw(8, count) { below($0, 5) + 8 }.map { PersonScoring.worklogCompleteness(submitted: $0, required: 12) }
        let departmentScores = draw(9, groupCount) { 6_000 + below($0, 4_001) }.map(Int32.init)
        let postCoefficients = (0..<count).map {
            PerMille.apply(categoryCoefficients[categories[$0]], to: levelCoefficients[levels[$0]])
        }
        let approved = Set((0..<groupCount).filter { $0 % 50 == 7 }.map(Int32.init))
        return Inputs(groupCount: groupCount, groups: groups,
                    entries: KPIEntries(offsets: offsets, indicators: indicators, actuals: actuals),
                    peer360: peer, leader: leader, worklog: worklog, seniority: seniority,
                    postCoefficients: postCoefficients, departmentScores: departmentScores,
                    approvedGroups: approved, pool: Int64(count) * poolPerPerson)
    }
}
