import Testing
@testable import ZoneCore

@Suite("Appraisal year: sheets, cascade and refusals")
struct AnnualAppraisalTests {
    static let rules = try! ShippedPolicies.load("xinyu").appraisal

    static func subject(_ id: Int64, group: Int64 = 1, sheet: Int = 0, peer: Int32 = 9_000) -> AppraisalSubject {
        AppraisalSubject(personID: id, groupKey: group, sheet: sheet, peer360: peer, leader: peer, worklogSubmitted: 12, worklogRequired: 12,
                         seniorityMonths: 60)
    }

    /// Every problem is reported in one refusal, named by sheet and indicator.
    @Test func everyProblemIsListedAtOnce() {
        let sheet = AppraisalSheet(title: "产业发展局", lines: [
            .init(indicatorID: 1, name: "招商到位资金", indicator: Indicator(weight: 70, rule: .linear(target: 100, capPercent: 120)), actual: nil),
            .init(indicatorID: 2, name: "安全事故", indicator: Indicator(weight: 0, rule: .veto), actual: 0),
        ])
        #expect(throws: AnnualAppraisal.Problems(messages: [
            "“产业发展局”的指标权重合计应为100，实际为70 / sheet 产业发展局: weights sum to 70, not 100",
            "“产业发展局”的指标“招商到位资金”尚未录入实际值 / 产业发展局: no actual value for 招商到位资金",
            "指标“招商到位资金”为计权指标，不能容错免责（人员 5） / weighted indicator 招商到位资金 cannot be exempted",
        ])) {
            try AnnualAppraisal.run(subjects: [Self.subject(5)], sheets: [sheet], exemptions: [AppraisalExemption(personID: 5, indicatorID: 1)],
                                    approvedGroups: [], rules: Self.rules)
        }
    }

    /// An exempted veto does not fire for that person; the sheet's own score ignores exemptions.
    @Test func anExemptedVetoDoesNotCount() throws {
        let sheet = AppraisalSheet(title: "园区", lines: [
            .init(indicatorID: 1, name: "满意度", indicator: Indicator(weight: 100, rule: .linear(target: 10_000, capPercent: 100)), actual: 9_500),
            .init(indicatorID: 2, name: "安全事故", indicator: Indicator(weight: 0, rule: .veto), actual: 1),
        ])
        let outcome = try AnnualAppraisal.run(subjects: [Self.subject(1), Self.subject(2)], sheets: [sheet],
                                              exemptions: [AppraisalExemption(personID: 2, indicatorID: 2)], approvedGroups: [], rules: Self.rules)
        #expect(outcome.people.map(\.vetoed) == [true, false])
        #expect(outcome.people[0].gradeRank == Self.rules.grades.grades.count - 1)
        #expect(outcome.sheetScores == [9_500])
    }

    /// The cascade: one's own sheet, else the unit's, else the nearest ancestor's, else the zone's.
    @Test func sheetOwnerWalksUpTheTree() {
        let parents: [Int64: Int64?] = [1: nil, 2: 1, 3: 2, 4: 1]
        let resolve = { (person: Int64?, unit: Int64) in
            SheetOwner.resolve(personID: person, unitID: unit, personSheets: [9], unitSheets: [2], parentOf: parents, zoneSheet: true)
        }
        #expect(resolve(9, 3) == .person(9))
        #expect(resolve(8, 3) == .unit(2))
        #expect(resolve(8, 4) == .zone)
        #expect(SheetOwner.resolve(personID: 8, unitID: 4, personSheets: [], unitSheets: [], parentOf: parents, zoneSheet: false) == nil)
    }

    @Test(arguments: [IndicatorRule.linear(target: 2_000, capPercent: 120), .thresholds([.init(minActual: 900, points: 10_000), .init(minActual: 0, points: 6_000)]),
                      .bonus(perItem: 50, max: 200), .penalty(perItem: 100, max: 300), .veto])
    func rulesRoundTripThroughTheirStoredText(_ rule: IndicatorRule) {
        #expect(IndicatorRule(storedText: rule.storedText) == rule)
    }

    @Test func malformedStoredRulesAreRefused() {
        for text in ["", "linear 100", "thresholds 90", "veto 1", "bonus x 2", "square 1 2"] { #expect(IndicatorRule(storedText: text) == nil) }
    }
}

@Suite("Appraisal year: consequences proposed from history")
struct ConsequenceProposalTests {
    typealias Year = ConsequenceProposals.YearResult

    /// 新余: 不及格 → no incentive pay; twice running → 交流或解聘, and for 事业 staff the 30-day contract rule.
    @Test func xinyuConsecutiveFails() throws {
        let rules = try ShippedPolicies.load("xinyu").appraisal
        let people = [
            ConsequenceProposals.Person(personID: 1, staff: .institutional, current: Year(year: 2025, gradeKey: "fail", bottomBand: true),
                                        history: [Year(year: 2024, gradeKey: "fail", bottomBand: true)]),
            ConsequenceProposals.Person(personID: 2, staff: .contract, current: Year(year: 2025, gradeKey: "fail", bottomBand: true),
                                        history: [Year(year: 2024, gradeKey: "fail", bottomBand: false)]),
            // A gap year breaks the run: 2023 and 2025 are not consecutive.
            ConsequenceProposals.Person(personID: 3, staff: .institutional, current: Year(year: 2025, gradeKey: "fail", bottomBand: true),
                                        history: [Year(year: 2023, gradeKey: "fail", bottomBand: true)]),
            ConsequenceProposals.Person(personID: 4, staff: .institutional, current: Year(year: 2025, gradeKey: "good", bottomBand: false),
                                        history: [Year(year: 2024, gradeKey: "fail", bottomBand: true)]),
        ]
        let proposals = ConsequenceProposals.propose(rules: rules, year: 2025, people: people)
        #expect(proposals.map(\.personID) == [1, 1, 1, 2, 2, 3])
        #expect(proposals.filter { $0.personID == 1 }.map(\.action) == [.noIncentivePay, .exchangeOrDismissal, .mayEndContract(noticeDays: 30)])
        #expect(proposals.filter { $0.personID == 2 }.map(\.action) == [.noIncentivePay, .exchangeOrDismissal])
        #expect(proposals[1].reason == "连续2年（2024–2025）考核为不及格")
    }

    /// 潍坊: bottom in every year of the term, and only after refusing a re-assignment; 未完成聘期
    /// 工作目标 is never inferred from scores.
    @Test func weifangBottomEveryYearOfTheTerm() throws {
        let rules = try ShippedPolicies.load("weifang").appraisal
        let always = ConsequenceProposals.Person(personID: 7, staff: .contract, current: Year(year: 2025, gradeKey: "qualified", bottomBand: true),
                                                 history: [Year(year: 2023, gradeKey: "qualified", bottomBand: true),
                                                           Year(year: 2024, gradeKey: "qualified", bottomBand: true)], termStartYear: 2023)
        var once = always
        once.personID = 8
        once.history[0].bottomBand = false
        var unknownTerm = always
        unknownTerm.personID = 9
        unknownTerm.termStartYear = nil
        let proposals = ConsequenceProposals.propose(rules: rules, year: 2025, people: [always, once, unknownTerm])
        #expect(proposals.map(\.personID) == [7])
        #expect(proposals[0].action == .resignPost)
        #expect(proposals[0].reason == "本聘期内（2023–2025）各年度考核均排在末位，且本人不服从岗位调整安排时")
    }
}

@Suite("Pay run calculation")
struct PayRunCalculationTests {
    static func person(_ id: Int64, dept: Int64, score: Int32 = 9_000, grade: Int = 1, reward: Int64 = 0, coefficient: Int64 = 1_000) -> PayRunCalculation.Person {
        PayRunCalculation.Person(personID: id, departmentID: dept, postCoefficientMilli: coefficient, score: score, gradeRank: grade, rewardFen: reward)
    }

    /// 潍坊 薪酬包: packages by headcount × value coefficient; 新余 (no packages): one zone-wide split by grade.
    @Test func packagesFollowThePolicy() throws {
        let weifang = try ShippedPolicies.load("weifang")
        let people = [Self.person(1, dept: 10), Self.person(2, dept: 10), Self.person(3, dept: 20)]
        let split = try PayRunCalculation.run(pool: 100_000, people: people, coefficients: [10: 1_200, 20: 600], pay: weifang.pay, appraisal: weifang.appraisal)
        #expect(split.packages.map(\.packageFen) == [80_000, 20_000])
        #expect(split.lines.map(\.performanceFen) == [40_000, 40_000, 20_000])

        let xinyu = try ShippedPolicies.load("xinyu")
        let graded = [Self.person(1, dept: 10, grade: 0), Self.person(2, dept: 10, grade: 1), Self.person(3, dept: 20, grade: 3, reward: 5_000)]
        let zoneWide = try PayRunCalculation.run(pool: 100_000, people: graded, coefficients: [10: 1_500], pay: xinyu.pay, appraisal: xinyu.appraisal)
        #expect(zoneWide.packages.count == 1 && zoneWide.packages[0].departmentID == nil)
        // 1.2 : 1.0 : 0 (不及格 loses incentive pay) → 54,545.45… and 45,454.54…; the leftover fen to the larger remainder.
        #expect(zoneWide.lines.map(\.performanceFen) == [54_545, 45_455, 0])
        #expect(zoneWide.lines.map(\.totalFen) == [54_545, 45_455, 5_000])
    }

    /// Random pools, weights (zeros included) and sizes down to one person: every fen is accounted for.
    @Test func partsAlwaysSumToTheWhole() throws {
        let policy = try ShippedPolicies.load("weifang")
        var random = SeededGenerator(seed: 42)
        for _ in 0..<300 {
            let count = Int.random(in: 1...40, using: &random)
            let people = (0..<count).map { index in
                Self.person(Int64(index + 1), dept: Int64.random(in: 1...4, using: &random), score: Int32.random(in: 0...10_000, using: &random),
                            coefficient: Int64.random(in: 0...2_000, using: &random))
            }
            let pool = Int64.random(in: 0...10_000_000, using: &random)
            let split = try PayRunCalculation.run(pool: pool, people: people, coefficients: [1: 500, 2: 1_500, 3: 1_000], pay: policy.pay,
                                                  appraisal: policy.appraisal)
            #expect(split.paidFen + split.unallocatedFen == pool)
            #expect(split.packages.reduce(0) { $0 + $1.packageFen } == pool)
            #expect(split.lines.allSatisfy { $0.performanceFen >= 0 })
            let again = try PayRunCalculation.run(pool: pool, people: people.reversed(), coefficients: [1: 500, 2: 1_500, 3: 1_000],
                                                  pay: policy.pay, appraisal: policy.appraisal)
            #expect(again == split)
        }
    }
}
