import Foundation
import Testing
@testable import ZoneCore

/// Exact share `⌊total × w / W⌋` and remainder, in 128 bits, for checking the allocator.
func exactShare(_ total: Int64, _ weight: Int64, _ sum: Int64) -> (share: Int64, remainder: Int64) {
    let (quotient, remainder) = sum.dividingFullWidth(total.multipliedFullWidth(by: weight))
    return (quotient, remainder)
}

@Suite("Pay: largest-remainder allocation")
struct LargestRemainderTests {
    @Test func documentedExamples() throws {
        #expect(try LargestRemainder.allocate(total: 100, weights: [1, 1, 1]) == [34, 33, 33])
        #expect(try LargestRemainder.allocate(total: 1_000, weights: [3, 0, 7]) == [300, 0, 700])
        #expect(throws: AllocationError.noWeight(total: 5)) { try LargestRemainder.allocate(total: 5, weights: [0, 0]) }
    }

    @Test func edgeCases() throws {
        #expect(try LargestRemainder.allocate(total: 123_457, weights: [9]) == [123_457])          // one person gets it all
        #expect(try LargestRemainder.allocate(total: 0, weights: [0, 0]) == [0, 0])                // nothing to split
        #expect(try LargestRemainder.allocate(total: 0, weights: [5, 1]) == [0, 0])
        #expect(try LargestRemainder.allocate(total: 0, weights: []) == [])
        #expect(throws: AllocationError.noWeight(total: 1)) { try LargestRemainder.allocate(total: 1, weights: []) }
        #expect(throws: AllocationError.negativeTotal(-1)) { try LargestRemainder.allocate(total: -1, weights: [1]) }
        #expect(throws: AllocationError.negativeWeight(index: 1, weight: -2)) {
            try LargestRemainder.allocate(total: 1, weights: [1, -2])
        }
        #expect(throws: AllocationError.weightOverflow) { try LargestRemainder.allocate(total: 1, weights: [.max, 1]) }
        #expect(AllocationError.noWeight(total: 500).message.hasPrefix("有 ¥5.00 待分配，但所有分配权重均为 0"))
    }

    /// Equal remainders: the lower index first by default; larger weight first with
    /// `[remainder, weight, id]`.
    @Test func tiesInRemaindersFollowTheDeclaredOrder() throws {
        // 10 fen by 1:1:1:1 → 2 each and 2 left over, all remainders equal.
        #expect(try LargestRemainder.allocate(total: 10, weights: [1, 1, 1, 1]) == [3, 3, 2, 2])
        // 7 by 2:1:2:1:… remainders: 14 mod 6 = 2, 7 mod 6 = 1 — largest remainders first.
        #expect(try LargestRemainder.allocate(total: 7, weights: [2, 1, 2, 1]) == [3, 1, 2, 1])
        // Weights 1 and 3 over 4 with total 2: remainders 2 and 2 (2·1 mod 4, 2·3 mod 4), tie.
        #expect(try LargestRemainder.allocate(total: 2, weights: [1, 3]) == [1, 1])
        #expect(try LargestRemainder.allocate(total: 2, weights: [1, 3], leftoverOrder: [.remainder, .weight, .id]) == [0, 2])
        // Reordering equal weights moves the leftover with the index, not with the person.
        #expect(try LargestRemainder.allocate(total: 5, weights: [0, 1, 1, 0, 1, 1]) == [0, 2, 1, 0, 1, 1])
    }

    /// Random totals and weights (zeros included, many ties, huge values on the 128-bit path):
    /// the parts sum to the total, each is its floor or one more, zero weights get nothing, and
    /// the leftover went to the largest remainders, lower index first.
    @Test func sumsAreExactAndTheLeftoverFollowsTheRule() throws {
        var random = EngineRandom(seed: 17)
        for round in 0..<400 {
            let count = round < 20 ? 1 : random.int(1...300)
            let big = round % 10 == 0
            var weights = (0..<count).map { _ in random.chance(25) ? 0 : random.int64(1...(big ? 1 << 40 : (round % 3 == 0 ? 4 : 10_000))) }
            if weights.allSatisfy({ $0 == 0 }) { weights[random.int(0...(count - 1))] = 1 }
            let total = random.int64(0...(big ? 1 << 50 : 10_000_000))
            let parts = try LargestRemainder.allocate(total: total, weights: weights)
            #expect(parts.reduce(0, +) == total)
            let sum = weights.reduce(0, +)
            var topped: [Int] = []
            for index in weights.indices {
                let (share, _) = exactShare(total, weights[index], sum)
                #expect(parts[index] == share || parts[index] == share + 1)
                if weights[index] == 0 { #expect(parts[index] == 0) }
                if parts[index] == share + 1 { topped.append(index) }
            }
            // Everyone topped up ranks before everyone not: (remainder desc, index asc).
            let remainder = { (index: Int) in exactShare(total, weights[index], sum).remainder }
            let toppedSet = Set(topped)
            if let weakest = topped.min(by: { remainder($0) != remainder($1) ? remainder($0) < remainder($1) : $0 > $1 }) {
                for other in weights.indices where !toppedSet.contains(other) {
                    #expect(remainder(other) < remainder(weakest) || (remainder(other) == remainder(weakest) && other > weakest))
                }
            }
            #expect(try LargestRemainder.allocate(total: total, weights: weights) == parts)
        }
    }

    @Test func selectionFindsTheKthLargestAmongManyDuplicates() {
        var random = EngineRandom(seed: 23)
        for _ in 0..<200 {
            let count = random.int(1...400)
            let spread = [1, 3, 50, 1_000_000][random.int(0...3)]
            let values = (0..<count).map { _ in Int64(random.int(0...spread)) }
            let k = random.int(0...(count - 1))
            var copy = values
            let found = copy.withUnsafeMutableBufferPointer { LargestRemainder.kthLargest(k, in: $0) }
            #expect(found == values.sorted(by: >)[k])
        }
    }

    @Test func aMillionPeopleSumToTheFen() throws {
        var random = EngineRandom(seed: 29)
        let weights = (0..<1_000_000).map { _ in random.chance(5) ? 0 : random.int64(1...2_600_000) }
        let total: Int64 = 2_400_037_000_013
        let parts = try LargestRemainder.allocate(total: total, weights: weights)
        #expect(parts.reduce(0, +) == total)
        #expect(zip(parts, weights).allSatisfy { $1 != 0 || $0 == 0 })
    }
}

@Suite("Pay: pool → packages → people")
struct PerformancePaySplitTests {
    @Test func documentedExample() throws {
        let split = try PerformancePaySplit.run(
            pool: 100_000, departments: [0, 0, 1], coefficientsPerMille: [1_200, 600],
            weights: [1_000 * 9_000, 1_300 * 8_000, 1_000 * 7_000])
        #expect(split.packages == [80_000, 20_000])
        #expect(split.pay == [37_113, 42_887, 20_000])
        #expect(split.unallocated == [0, 0])
        #expect(split.paid == 100_000)
    }

    @Test func aDepartmentWhosePeopleAllWeighNothingKeepsItsPackage() throws {
        let split = try PerformancePaySplit.run(pool: 90_001, departments: [0, 1, 1, 2], coefficientsPerMille: [1_000, 1_000, 1_000],
                                                weights: [10, 0, 0, 5])
        // Headcounts 1 : 2 : 1 → 22_500.25, 45_000.50, 22_500.25; the leftover fen to the middle.
        #expect(split.packages == [22_500, 45_001, 22_500])
        #expect(split.pay == [22_500, 0, 0, 22_500])
        #expect(split.unallocated == [0, 45_001, 0])
        #expect(split.paid + split.unallocated.reduce(0, +) == split.pool)
    }

    @Test func badInputsAreRefused() {
        #expect(throws: AllocationError.unknownDepartment(person: 1, department: 2)) {
            try PerformancePaySplit.run(pool: 1, departments: [0, 2], coefficientsPerMille: [1_000, 1_000], weights: [1, 1])
        }
        #expect(throws: AllocationError.negativeWeight(index: 0, weight: -1)) {
            try PerformancePaySplit.run(pool: 1, departments: [0], coefficientsPerMille: [1_000], weights: [-1])
        }
        #expect(throws: AllocationError.noWeight(total: 10)) {
            try PerformancePaySplit.run(pool: 10, departments: [], coefficientsPerMille: [1_000], weights: [])
        }
    }

    /// Random zones: every split sums exactly to its parent, a re-run pays the same fen, and the
    /// people's split inside each department equals allocating that package on its own.
    @Test func everySplitSumsToItsParent() throws {
        var random = EngineRandom(seed: 31)
        for _ in 0..<60 {
            let departmentCount = random.int(1...50)
            let count = random.int(0...2_000)
            let departments = (0..<count).map { _ in Int32(random.int(0...(departmentCount - 1))) }
            let coefficients = (0..<departmentCount).map { _ in Int64(random.int(500...1_500)) }
            var weights = (0..<count).map { _ in random.chance(10) ? 0 : random.int64(1...30_000_000) }
            if count > 0, random.chance(30) {
                let zeroed = departments[0]
                for person in 0..<count where departments[person] == zeroed { weights[person] = 0 }
            }
            guard count > 0 else { continue }
            let pool = random.int64(0...5_000_000_000)
            let split = try PerformancePaySplit.run(pool: pool, departments: departments, coefficientsPerMille: coefficients,
                                                    weights: weights)
            #expect(split.packages.reduce(0, +) == pool)
            var byDepartment = split.unallocated
            for person in 0..<count { byDepartment[Int(departments[person])] += split.pay[person] }
            #expect(byDepartment == split.packages)
            for department in 0..<departmentCount {
                let members = (0..<count).filter { departments[$0] == Int32(department) }
                let memberWeights = members.map { weights[$0] }
                if memberWeights.allSatisfy({ $0 == 0 }) {
                    #expect(split.unallocated[department] == split.packages[department])
                } else {
                    #expect(try LargestRemainder.allocate(total: split.packages[department], weights: memberWeights)
                            == members.map { split.pay[$0] })
                }
            }
            #expect(try PerformancePaySplit.run(pool: pool, departments: departments, coefficientsPerMille: coefficients,
                                                weights: weights) == split)
        }
    }
}

@Suite("Pay: shipped policies drive the pay engines")
struct PolicyPayTests {
    /// 毕节: the fund is 1–6 × the municipal fund by the zone's score tier, and each person's share
    /// follows their score.
    @Test func bijieFundMultipleFollowsTheScoreTier() throws {
        let fund = try #require(try ShippedPolicies.load("bijie").pay.performanceFund)
        let basis: Int64 = 1_000_000_00   // ¥1,000,000.00
        #expect(fund.poolFen(basisFen: basis, zoneScore: 9_600) == 6 * basis)
        #expect(fund.poolFen(basisFen: basis, zoneScore: 9_500) == 6 * basis)
        #expect(fund.poolFen(basisFen: basis, zoneScore: 9_499) == 5 * basis)
        #expect(fund.poolFen(basisFen: basis, zoneScore: 8_000) == 3 * basis)
        #expect(fund.poolFen(basisFen: basis, zoneScore: 3_000) == basis)
        #expect(fund.tier(forScore: 9_250).multiple == 5)
    }

    /// 潍坊: packages sized by headcount and scaled by the assigned value coefficient.
    @Test func weifangPackagesFollowHeadcountAndCoefficient() throws {
        let policy = try ShippedPolicies.load("weifang")
        #expect(policy.pay.departmentPackages == DepartmentPackages(sizedBy: .headcount, coefficientScales: .performance))
        let coefficients = try DepartmentCoefficients.assigned([1.5, 0.5, 1.0], rule: policy.appraisal.departmentCoefficient)
        let packages = try PerformancePaySplit.packages(pool: 1_000_000, headcounts: [10, 10, 5],
                                                        coefficientsPerMille: coefficients)
        #expect(packages == [600_000, 200_000, 200_000])   // 15 000 : 5 000 : 5 000
    }

    /// 仪征: 分级 × 分类 — a 招商 post pays 1.3 × its level's coefficient.
    @Test func yizhengPostCoefficients() throws {
        let pay = try ShippedPolicies.load("yizheng").pay
        #expect(pay.postCoefficientPerMille(level: "主管", category: "招商") == 1_430)
        #expect(pay.postCoefficientPerMille(level: "管理办主任", category: "招商") == 2_600)
        #expect(pay.postCoefficientPerMille(level: "普通职工", category: "综合") == 1_000)
        #expect(pay.postCoefficientPerMille(level: "普通职工", category: nil) == 1_000)
        #expect(pay.postCoefficientPerMille(level: "科员", category: "招商") == nil)
        #expect(pay.postCoefficientPerMille(level: nil, category: "招商") == nil)
        #expect(try ShippedPolicies.load("bijie").pay.postCoefficientPerMille(level: nil, category: nil) == 1_000)
        #expect(pay.oneOffRewards?.requiresApproval == true)
    }

    /// 成都芯谷: a run above 2 × the district average is refused with the figures.
    @Test func chengduXinguRefusesARunAboveTheCap() throws {
        let cap = try #require(try ShippedPolicies.load("chengdu-xingu").pay.totalCap)
        #expect(cap.limitFen(averageFen: 12_000_000, headcount: 120) == 2_880_000_000)
        try cap.check(totalFen: 2_880_000_000, averageFen: 12_000_000, headcount: 120)
        let error = #expect(throws: PayCapExceeded.self) {
            try cap.check(totalFen: 2_880_000_001, averageFen: 12_000_000, headcount: 120)
        }
        #expect(error?.limitFen == 2_880_000_000)
        #expect(error?.message.hasPrefix("薪酬总额 ¥28,800,000.01 超过工资总控上限 ¥28,800,000.00（双流区机关事业单位人员薪酬平均水平 ¥120,000.00 × 2 倍 × 120 人），超出 ¥0.01") == true)
    }

    /// 新余: the grade sets the share (1.2 / 1.0 / 0.8) and 不及格 gets no incentive pay.
    @Test func xinyuFailedGradeGetsNoIncentivePay() throws {
        let policy = try ShippedPolicies.load("xinyu")
        let weights = try IndividualPayWeights.weights(
            share: policy.pay.individualShare, grades: policy.appraisal.grades,
            withoutIncentivePay: policy.appraisal.gradesWithoutIncentivePay,
            postCoefficientsPerMille: [1_000, 1_300, 1_000, 1_000], scores: [9_300, 8_100, 6_500, 5_000], gradeRanks: [0, 1, 2, 3])
        #expect(weights == [1_200_000, 1_300_000, 800_000, 0])
        let split = try PerformancePaySplit.run(pool: 3_300_001, departments: [0, 0, 0, 0], coefficientsPerMille: [1_000],
                                                weights: weights)
        #expect(split.pay == [1_200_000, 1_300_001, 800_000, 0])
    }

    /// Score basis (毕节, 潍坊, 仪征, 成都芯谷): post coefficient × score; a grade the policy names
    /// for no incentive pay weighs 0 even on the score basis.
    @Test func scoreBasisWeighsCoefficientTimesScore() throws {
        let policy = try ShippedPolicies.load("bijie")
        let weights = try IndividualPayWeights.weights(
            share: policy.pay.individualShare, grades: policy.appraisal.grades, withoutIncentivePay: ["unqualified"],
            postCoefficientsPerMille: [1_000, 1_430, 2_000], scores: [9_000, 8_000, 5_000], gradeRanks: [0, 1, 3])
        #expect(weights == [9_000_000, 11_440_000, 0])
        #expect(throws: AllocationError.negativeWeight(index: 0, weight: -1)) {
            try IndividualPayWeights.weights(share: policy.pay.individualShare, grades: policy.appraisal.grades,
                                             withoutIncentivePay: [], postCoefficientsPerMille: [-1], scores: [1], gradeRanks: [0])
        }
    }

    /// Each shipped policy, end to end on a generated year: its grades and distribution, its pay
    /// basis and consequences, packages by coefficient — and every fen accounted for.
    @Test(arguments: ShippedPolicies.codes)
    func eachPolicyPaysAGeneratedYearToTheFen(_ code: String) throws {
        let policy = try ShippedPolicies.load(code)
        let year = try PolicyAppraisalTests.year(policy, count: 2_000, groupCount: 40, seed: 5)
        var random = EngineRandom(seed: 41)
        let levels = policy.pay.postLevels.map(\.level)
        let categories = PostCategoryCoefficients.knownCategories
        let coefficients = try (0..<2_000).map { _ in
            try #require(policy.pay.postCoefficientPerMille(level: levels.isEmpty ? nil : levels[random.int(0...(levels.count - 1))],
                                                            category: categories[random.int(0...(categories.count - 1))]))
        }
        let weights = try IndividualPayWeights.weights(
            share: policy.pay.individualShare, grades: policy.appraisal.grades,
            withoutIncentivePay: policy.appraisal.gradesWithoutIncentivePay, postCoefficientsPerMille: coefficients,
            scores: year.scores, gradeRanks: year.outcome.grades)
        let rule = policy.appraisal.departmentCoefficient
        let departmentCoefficients = try DepartmentCoefficients.assigned(
            (0..<40).map { _ in rule.range.lowerBound + Double(random.int(0...10)) / 10 * (rule.range.upperBound - rule.range.lowerBound) },
            rule: rule)
        let pool: Int64 = 2_000 * 2_400_037
        let split = try PerformancePaySplit.run(pool: pool, departments: year.groups, coefficientsPerMille: departmentCoefficients,
                                                weights: weights)
        #expect(split.paid + split.unallocated.reduce(0, +) == pool)
        for grade in policy.appraisal.gradesWithoutIncentivePay {
            let rank = try #require(policy.appraisal.grades.rank(of: grade))
            #expect(year.outcome.grades.indices.filter { Int(year.outcome.grades[$0]) == rank }.allSatisfy { split.pay[$0] == 0 })
        }
        if code == "xinyu" { #expect(year.outcome.grades.contains(3)) }
    }
}

@Suite("Pay: money arithmetic")
struct MoneyArithmeticTests {
    @Test func perMilleAndFen() {
        #expect(PerMille.of(1.3) == 1_300)
        #expect(PerMille.of(0.5) == 500)
        #expect(PerMille.apply(1_300, to: 1_000_005) == 1_300_007)
        #expect(PerMille.apply(1_000, to: .max / 2) == .max / 2)
        #expect(Fen.text(123_456) == "¥1,234.56")
        #expect(Fen.text(-5) == "-¥0.05")
        #expect(Fen.text(100_000_000) == "¥1,000,000.00")
        #expect(Fen.text(0) == "¥0.00")
        #expect([0, 999, 1_000, 40_000, 100_000, -1_234_567].map(Thousands.text) == ["0", "999", "1,000", "40,000", "100,000", "-1,234,567"])
    }
}
