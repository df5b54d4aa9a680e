import Foundation
import Testing
@testable import ZoneCore
import ZoneTestSupport
@testable import ZoneStore

/// A year of appraisal and pay in the store, under 新余's policy (seeds/00x: 四个等次, 不及格取消
/// 奖励性绩效工资, 连续两年不及格交流或解聘), on both databases.
@Suite("Appraisal and pay runs in the store")
struct AppraisalPayStoreTests {
    struct Fixture {
        let store: Store
        let zone: Int64
        let units: [Int64]
        /// 甲 乙 丙 in 产业发展局, 丁 in 服务中心.
        let people: [Int64]
    }

    static func fixture(_ store: Store) async throws -> Fixture {
        let (zone, units) = try await TestDatabase.seedZone(store)
        let yaml = try String(contentsOfFile: "policies/xinyu.yaml", encoding: .utf8)
        try await store.policies.load(zoneID: zone, yaml: yaml, source: "xinyu.yaml", actor: "hr")
        let people = try await store.people.createAll([
            TestDatabase.person("甲", sequence: 801, unit: units[1]), TestDatabase.person("乙", sequence: 802, unit: units[1]),
            TestDatabase.person("丙", sequence: 803, unit: units[1]), TestDatabase.person("丁", sequence: 804, unit: units[3]),
        ], zoneID: zone, actor: "t").map(\.id)
        return Fixture(store: store, zone: zone, units: units, people: people)
    }

    /// The cascade used every year: a zone sheet (scores 丁 via 服务中心 → no sheet → zone), a
    /// department sheet for 产业发展局 with a penalty item, and 丙's own sheet.
    static func cascade(_ f: Fixture, year: Int) async throws -> (appraisal: Int64, penalty: Int64) {
        let s = f.store.appraisals
        let id = try await s.create(zoneID: f.zone, year: year, name: "\(year)年度考核", actor: "hr")
        func add(_ level: StoredIndicator.Level, _ name: String, _ weight: Int, _ rule: IndicatorRule, parent: Int64? = nil,
                 unit: Int64? = nil, person: Int64? = nil) async throws -> Int64 {
            try await s.addIndicator(NewIndicator(parentID: parent, level: level, unitID: unit, personID: person, name: name, measure: "%",
                                                  weight: weight, rule: rule, dataSource: "统计局", owner: "经发局", cycle: .annual),
                                     appraisalID: id, zoneID: f.zone, actor: "hr")
        }
        let zoneKPI = try await add(.zone, "营商环境满意度", 100, .linear(target: 10_000, capPercent: 100))
        let investment = try await add(.department, "招商到位资金", 60, .linear(target: 50_000, capPercent: 120), parent: zoneKPI, unit: f.units[1])
        let started = try await add(.department, "项目开工率", 40, .thresholds([.init(minActual: 9_000, points: 10_000), .init(minActual: 6_000, points: 7_000)]),
                                    parent: zoneKPI, unit: f.units[1])
        let penalty = try await add(.department, "安全生产事故", 0, .penalty(perItem: 500, max: 2_000), parent: zoneKPI, unit: f.units[1])
        let own = try await add(.person, "个人任务完成率", 100, .linear(target: 10_000, capPercent: 100), parent: investment, person: f.people[2])
        try await s.setActuals([zoneKPI: 9_000, investment: 45_000, started: 9_500, penalty: 1, own: 3_000], appraisalID: id, zoneID: f.zone, actor: "hr")
        try await s.setInputs([
            AppraisalInput(personID: f.people[0], peer360: 9_500, leader: 9_500, worklogSubmitted: 12, worklogRequired: 12, seniorityMonths: 100),
            AppraisalInput(personID: f.people[1], peer360: 9_500, leader: 9_600, worklogSubmitted: 12, worklogRequired: 12, seniorityMonths: 90),
            AppraisalInput(personID: f.people[2], peer360: 3_000, leader: 3_000, worklogSubmitted: 6, worklogRequired: 12, seniorityMonths: 80),
            AppraisalInput(personID: f.people[3], peer360: 8_000, leader: 8_000, worklogSubmitted: 12, worklogRequired: 12, seniorityMonths: 70),
        ], appraisalID: id, zoneID: f.zone, actor: "hr")
        _ = started
        return (id, penalty)
    }

    static func grades(_ store: Store, _ appraisal: Int64) async throws -> [Int64: String] {
        Dictionary(uniqueKeysWithValues: try await store.appraisals.results(appraisalID: appraisal).map { ($0.personID, $0.grade) })
    }

    /// appraisal.weights.worklog: 新余 weighs work logs 0, so 0 of 0 logs is accepted and ignored in the score; the same
    /// entry in a year appraised under 毕节's weights (work logs 10%) is refused.
    @Test(arguments: TestDatabase.backends)
    func workLogsAreAskedForOnlyWhereTheyWeigh(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            let f = try await Self.fixture(store)
            let s = store.appraisals
            func appraise(_ year: Int) async throws -> Int64 {
                let id = try await s.create(zoneID: f.zone, year: year, name: "\(year)年度考核", actor: "hr")
                let kpi = try await s.addIndicator(NewIndicator(parentID: nil, level: .zone, unitID: nil, personID: nil, name: "营商环境", measure: "%",
                                                                weight: 100, rule: .linear(target: 10_000, capPercent: 100), dataSource: "", owner: "",
                                                                cycle: .annual), appraisalID: id, zoneID: f.zone, actor: "hr")
                try await s.setActuals([kpi: 8_000], appraisalID: id, zoneID: f.zone, actor: "hr")
                return id
            }
            let noLogs = f.people.enumerated().map { i, person in
                AppraisalInput(personID: person, peer360: 9_000, leader: 7_000 + i * 500, worklogSubmitted: 0, worklogRequired: 0, seniorityMonths: 60)
            }
            let xinyu = try await appraise(2024)
            try await s.setInputs(noLogs, appraisalID: xinyu, zoneID: f.zone, actor: "hr")
            try await s.compute(appraisalID: xinyu, zoneID: f.zone, actor: "hr")
            let weights = try ShippedPolicyFile.xinyu().appraisal.weights
            #expect(weights.worklog == 0)
            for (result, input) in zip(try await s.results(appraisalID: xinyu).sorted { $0.personID < $1.personID }, noLogs) {
                let expected = PersonScoring.score(weights: weights, kpi: Int32(result.kpi), peer360: Int32(input.peer360), leader: Int32(input.leader), worklog: 0)
                #expect(result.worklog == 0 && result.score == Int(expected))
            }

            let bijie = try String(contentsOfFile: "policies/bijie.yaml", encoding: .utf8)
            try await store.policies.load(zoneID: f.zone, yaml: bijie, source: "bijie.yaml", actor: "hr")
            #expect(try await store.policies.require(zoneID: f.zone).policy.appraisal.weights.worklog > 0)
            let weighed = try await appraise(2025)
            await #expect(throws: StoreError.invalid((1...4).map { "第\($0)行：应提交工作日志数须为正数" }.joined(separator: "；"))) {
                try await s.setInputs(noLogs, appraisalID: weighed, zoneID: f.zone, actor: "hr")
            }
        }
    }

    @Test(arguments: TestDatabase.backends)
    func cascadeScoresExemptionsAndForcedDistribution(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            let f = try await Self.fixture(store)
            let s = store.appraisals
            let id = try await s.create(zoneID: f.zone, year: 2024, name: "2024年度考核", actor: "hr")
            // Nothing entered: one refusal names the missing sheet weights, actuals and inputs at once.
            try await s.addIndicator(NewIndicator(parentID: nil, level: .zone, unitID: nil, personID: nil, name: "营商环境", measure: "%", weight: 90,
                                                  rule: .linear(target: 100, capPercent: 100), dataSource: "", owner: "", cycle: .annual),
                                     appraisalID: id, zoneID: f.zone, actor: "hr")
            await #expect(throws: StoreError.invalid("4人缺少测评与工作日志录入：甲、乙、丙、丁")) {
                try await s.compute(appraisalID: id, zoneID: f.zone, actor: "hr")
            }
            // A person-level indicator under a zone one is refused: the cascade goes one level at a time.
            let zoneIndicator = try await s.indicators(appraisalID: id)[0].id
            await #expect(throws: StoreError.invalid("个人指标只能分解自部门指标")) {
                try await s.addIndicator(NewIndicator(parentID: zoneIndicator, level: .person, unitID: nil, personID: f.people[0], name: "x",
                                                      measure: "", weight: 100, rule: .linear(target: 100, capPercent: 100), dataSource: "", owner: "",
                                                      cycle: .annual),
                                         appraisalID: id, zoneID: f.zone, actor: "hr")
            }
            // A weighted indicator must weigh 1–100; a veto item must weigh 0.
            await #expect(throws: StoreError.invalid("指标“否决”为加分、扣分或否决项，权重应为 0，实际为 10")) {
                try await s.addIndicator(NewIndicator(parentID: nil, level: .zone, unitID: nil, personID: nil, name: "否决", measure: "",
                                                      weight: 10, rule: .veto, dataSource: "", owner: "", cycle: .annual),
                                         appraisalID: id, zoneID: f.zone, actor: "hr")
            }
            try await s.removeIndicator(zoneIndicator, appraisalID: id, zoneID: f.zone, actor: "hr")
            try await store.database.reader.raw("DELETE FROM appraisals WHERE id = \(bind: id)").run()

            let (year, penalty) = try await Self.cascade(f, year: 2024)
            let outcome = try await s.compute(appraisalID: year, zoneID: f.zone, actor: "hr")
            let results = Dictionary(uniqueKeysWithValues: try await s.results(appraisalID: year).map { ($0.personID, $0) })
            // 甲: KPI (60×90 + 40×100)/100 − 5 = 89.00; 0.7×89 + 0.1×95 + 0.2×95 = 90.80.
            #expect(results[f.people[0]]?.kpi == 8_900 && results[f.people[0]]?.score == 9_080)
            #expect(results[f.people[1]]?.score == 9_100)
            // 丙 is scored on her own sheet: 30 points → 30.00 overall → 不及格; 丁 on the zone sheet: 90 → 87.00 → 良好.
            #expect(results[f.people[2]]?.kpi == 3_000 && results[f.people[2]]?.grade == "fail")
            #expect(results[f.people[3]]?.kpi == 9_000 && results[f.people[3]]?.score == 8_700)
            // Both 甲 and 乙 earn 优秀 but the group of 3 may have round_half_up(0.6) = 1: 乙 (higher) keeps it.
            #expect(try await Self.grades(store, year) == [f.people[0]: "good", f.people[1]: "excellent", f.people[2]: "fail", f.people[3]: "good"])
            #expect(outcome.groups.first { $0.groupKey == f.units[1] }?.tally.capCount == 1)

            // 容错纠错 on 甲's safety penalty: results are dropped, and recomputing lifts 甲 above 乙.
            await #expect(throws: StoreError.invalid("容错免责须写明理由和批准人")) {
                try await s.exempt(personID: f.people[0], indicatorID: penalty, reason: "", approver: "", appraisalID: year, zoneID: f.zone, actor: "hr")
            }
            try await s.exempt(personID: f.people[0], indicatorID: penalty, reason: "先行先试，已整改", approver: "党工委 2025-3号",
                               appraisalID: year, zoneID: f.zone, actor: "hr")
            #expect(try await s.find(id: year, zoneID: f.zone)?.status == .draft)
            #expect(try await s.results(appraisalID: year).isEmpty)
            try await s.compute(appraisalID: year, zoneID: f.zone, actor: "hr")
            #expect(try await Self.grades(store, year) == [f.people[0]: "excellent", f.people[1]: "good", f.people[2]: "fail", f.people[3]: "good"])
            #expect(try await s.results(appraisalID: year).first { $0.personID == f.people[0] }?.score == 9_430)
        }
    }

    @Test(arguments: TestDatabase.backends)
    func publicityObjectionsAndConsequences(_ backend: Backend) async throws {
        let clock = ManualClock()
        try await TestDatabase.withStore(backend, clock: clock.clock) { (store: Store) async throws in
            let f = try await Self.fixture(store)
            let s = store.appraisals
            let today = store.clock.today
            let (year, _) = try await Self.cascade(f, year: 2024)
            try await s.compute(appraisalID: year, zoneID: f.zone, actor: "hr")
            try await s.publish(appraisalID: year, zoneID: f.zone, ends: today, actor: "hr")
            // Inputs are frozen while results are published.
            await #expect(throws: StoreError.invalid("考核当前为“公示中”，不能进行此操作", english: "the appraisal is published; this step is not allowed now")) {
                try await s.setActuals([:], appraisalID: year, zoneID: f.zone, actor: "hr")
            }
            // 甲 objects; moving 甲 to 优秀 would exceed the group's 1 place, so that correction is refused.
            try await s.object(personID: f.people[0], reason: "招商数据漏报", appraisalID: year, zoneID: f.zone, actor: "staff")
            await #expect(throws: StoreError.duplicate("已有待复核的申诉")) {
                try await s.object(personID: f.people[0], reason: "再次申诉", appraisalID: year, zoneID: f.zone, actor: "staff")
            }
            let first = try await s.objections(appraisalID: year)[0]
            await #expect(throws: StoreError.invalid("该比较组优秀名额为1名，已有1名，更正将超出比例；请先调整同组其他人员或报批提高比例")) {
                try await s.decideObjection(first.id, upheld: true, newGrade: "excellent", reply: "核实", appraisalID: year, zoneID: f.zone, actor: "hr")
            }
            try await s.decideObjection(first.id, upheld: false, newGrade: nil, reply: "数据已核实无误", appraisalID: year, zoneID: f.zone, actor: "hr")
            // 丙's objection is upheld: her 不及格 becomes 及格, so no consequence is proposed for her.
            try await s.object(personID: f.people[2], reason: "个人任务数据录入错误", appraisalID: year, zoneID: f.zone, actor: "hr")
            let second = try await s.objections(appraisalID: year).first { $0.personID == f.people[2] }!
            await #expect(throws: StoreError.invalid("公示期至\(today)，期满后方可确定结果")) {
                try await s.finalize(appraisalID: year, zoneID: f.zone, actor: "hr")
            }
            try await s.decideObjection(second.id, upheld: true, newGrade: "pass", reply: "经核实更正", appraisalID: year, zoneID: f.zone, actor: "hr")
            let corrected = try await s.results(appraisalID: year).first { $0.personID == f.people[2] }!
            #expect(corrected.grade == "pass" && corrected.computedGrade == "fail")

            clock.advance(86_400)
            await #expect(throws: StoreError.invalid("公示期已于\(today)结束，不再受理申诉")) {
                try await s.object(personID: f.people[3], reason: "迟交", appraisalID: year, zoneID: f.zone, actor: "staff")
            }
            try await s.finalize(appraisalID: year, zoneID: f.zone, actor: "hr")
            #expect(try await s.proposals(appraisalID: year).isEmpty)

            // 2025: 丙 fails again, but 2024 was corrected to 及格 — only this year's 不及格 counts: no incentive pay, no 2-year rule.
            let (next, _) = try await Self.cascade(f, year: 2025)
            try await s.compute(appraisalID: next, zoneID: f.zone, actor: "hr")
            try await s.publish(appraisalID: next, zoneID: f.zone, ends: store.clock.today, actor: "hr")
            clock.advance(86_400)
            try await s.finalize(appraisalID: next, zoneID: f.zone, actor: "hr")
            let proposals = try await s.proposals(appraisalID: next)
            #expect(proposals.map(\.personID) == [f.people[2]])
            #expect(proposals.map(\.action) == [ConsequenceRule.Action.noIncentivePay.label])
            #expect(proposals[0].reason == "2025年度考核为不及格")
            await #expect(throws: StoreError.invalid("请填写决定理由或依据")) {
                try await s.decideProposal(proposals[0].id, decision: .accepted, note: "", appraisalID: next, zoneID: f.zone, actor: "leader")
            }
            try await s.decideProposal(proposals[0].id, decision: .accepted, note: "党工委会议决定", appraisalID: next, zoneID: f.zone, actor: "leader")
            #expect(try await s.proposals(appraisalID: next)[0].decision == .accepted)
            #expect(try await store.audit.verify(store.database.reader).isIntact)
        }
    }

    @Test(arguments: TestDatabase.backends)
    func payRunsAreExactIdempotentAndNeverPaidTwice(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            let f = try await Self.fixture(store)
            let (year, _) = try await Self.cascade(f, year: 2024)
            let request = PayRunRequest(period: "2024", appraisalID: year, pool: .fixed(fen: 1_000_000))
            await #expect(throws: StoreError.invalid("2024年度考核尚未确定结果（公示期满并处理申诉后才能据以发放）",
                                                     english: "the appraisal's results are not final yet (pay follows only after publicity and objections)")) {
                _ = try await store.payRuns.create(request, zoneID: f.zone, actor: "hr")
            }
            try await store.appraisals.compute(appraisalID: year, zoneID: f.zone, actor: "hr")
            try await store.appraisals.publish(appraisalID: year, zoneID: f.zone, ends: CivilDate(year: 2000, month: 1, day: 3)!, actor: "hr")
            try await store.appraisals.finalize(appraisalID: year, zoneID: f.zone, actor: "hr")

            // 新余 pays by grade: 优秀 1.2, 良好 1.0, 不及格 0 (取消奖励性绩效工资): 1.0 + 1.2 + 0 + 1.0 = 3.2 shares of ¥10,000.00.
            let run = try await store.payRuns.create(request, zoneID: f.zone, actor: "hr")
            let lines = Dictionary(uniqueKeysWithValues: try await store.payRuns.lines(runID: run).map { ($0.personID, $0.totalFen) })
            #expect(lines == [f.people[0]: 312_500, f.people[1]: 375_000, f.people[2]: 0, f.people[3]: 312_500])
            let stored = try await store.payRuns.find(id: run, zoneID: f.zone)!
            #expect(stored.paidFen + stored.unallocatedFen == stored.poolFen && stored.paidFen == lines.values.reduce(0, +))

            // Same period again: refused while one is in preparation; discarding and re-running gives the same fen.
            await #expect(throws: StoreError.duplicate("2024 已有待审批或待发放的批次（第\(run)号），请先处理该批次",
                                                       english: "2024 already has a run awaiting approval or payment (run \(run)); deal with it first")) {
                _ = try await store.payRuns.create(request, zoneID: f.zone, actor: "hr")
            }
            try await store.payRuns.discard(runID: run, zoneID: f.zone, actor: "hr")
            let again = try await store.payRuns.create(request, zoneID: f.zone, actor: "hr")
            #expect(try await store.payRuns.find(id: again, zoneID: f.zone)?.checksum == stored.checksum)
            await #expect(throws: StoreError.invalid("发放批次当前为“待审批（预览）”，不能进行此操作")) {
                try await store.payRuns.lock(runID: again, zoneID: f.zone, actor: "hr")
            }
            try await store.payRuns.approve(runID: again, zoneID: f.zone, actor: "leader")
            try await store.payRuns.lock(runID: again, zoneID: f.zone, actor: "hr")
            await #expect(throws: StoreError.duplicate("2024 已发放（第\(again)号批次），不会重复发放；如需更正请在该批次上选择“更正”",
                                                       english: "2024 is already paid (run \(again)) and is not paid twice; to correct it, choose 更正 on that run")) {
                _ = try await store.payRuns.create(request, zoneID: f.zone, actor: "hr")
            }
            // The database itself refuses a second paid run for the period.
            let db = store.database
            await #expect(throws: (any Error).self) {
                try await db.reader.raw("""
                    INSERT INTO pay_runs (zone_id, period, appraisal_id, status, pool_fen, paid_fen, unallocated_fen, reward_fen, headcount,
                                          pool_basis, checksum, created_by, created_at)
                    VALUES (\(bind: f.zone), '2024', \(bind: year), 'locked', 1, 1, 0, 0, 1, '', '', 'x', 'x')
                    """).run()
            }

            // A correction with a larger pool reverses and replaces the paid run when it is locked.
            let fix = try await store.payRuns.correct(runID: again, with: PayRunRequest(period: "2024", appraisalID: year, pool: .fixed(fen: 1_600_000)),
                                                      zoneID: f.zone, actor: "hr")
            let fixLines = try await store.payRuns.lines(runID: fix)
            #expect(fixLines.map(\.totalFen).reduce(0, +) == 1_600_000)
            #expect(try await store.payRuns.previous(of: store.payRuns.find(id: fix, zoneID: f.zone)!, zoneID: f.zone)?.id == again)
            try await store.payRuns.approve(runID: fix, zoneID: f.zone, actor: "leader")
            try await store.payRuns.lock(runID: fix, zoneID: f.zone, actor: "hr")
            #expect(try await store.payRuns.find(id: again, zoneID: f.zone)?.status == .reversed)
            #expect(try await store.payRuns.find(id: fix, zoneID: f.zone)?.status == .locked)
            let slips = try await store.payRuns.slips(personID: f.people[1], zoneID: f.zone)
            #expect(slips.map(\.run.status) == [.locked, .reversed])
            #expect(slips.map(\.line.totalFen) == [600_000, 375_000])
        }
    }

    /// 成都芯谷 工资总控: a run above 2 × the district average is refused with the figures, and
    /// 仪征's one-off rewards need their approval and are paid on top of the split.
    @Test(arguments: TestDatabase.backends)
    func capRefusalAndOneOffRewards(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            let f = try await Self.fixture(store)
            let (year, _) = try await Self.cascade(f, year: 2024)
            try await store.appraisals.compute(appraisalID: year, zoneID: f.zone, actor: "hr")
            try await store.appraisals.publish(appraisalID: year, zoneID: f.zone, ends: CivilDate(year: 2000, month: 1, day: 3)!, actor: "hr")
            try await store.appraisals.finalize(appraisalID: year, zoneID: f.zone, actor: "hr")
            await #expect(throws: StoreError.invalid("本园区政策未设一次性重奖")) {
                try await store.payRuns.addReward(period: "2024", personID: f.people[0], amountFen: 100, reason: "引进项目", approval: "x", zoneID: f.zone, actor: "hr")
            }

            // Switch the zone to 成都芯谷's rules (the appraisal keeps the version it was made under for grades).
            let chengdu = try String(contentsOfFile: "policies/chengdu-xingu.yaml", encoding: .utf8)
            let version = try await store.policies.load(zoneID: f.zone, yaml: chengdu, source: "chengdu-xingu.yaml", actor: "hr")
            try await store.database.reader.raw("UPDATE appraisals SET policy_version = \(bind: version) WHERE id = \(bind: year)").run()
            try await store.database.reader.raw("UPDATE appraisal_results SET grade = 'excellent', computed_grade = 'excellent' WHERE grade = 'good'").run()
            try await store.database.reader.raw("UPDATE appraisal_results SET grade = 'qualified', computed_grade = 'qualified' WHERE grade <> 'excellent'").run()
            let capped = PayRunRequest(period: "2024", appraisalID: year, pool: .fixed(fen: 10_000_000), averagePayFen: 1_000_000, baseTotalFen: 0)
            // 4 people × ¥10,000.00 × 2 = ¥80,000.00 < ¥100,000.00.
            let exceeded = PayCapExceeded(totalFen: 10_000_000, limitFen: 8_000_000, averageFen: 1_000_000, headcount: 4,
                                          multiplePerMille: 2_000, basis: "双流区机关事业单位人员薪酬平均水平")
            await #expect(throws: StoreError.invalid(exceeded.chineseMessage, english: exceeded.englishMessage)) {
                _ = try await store.payRuns.create(capped, zoneID: f.zone, actor: "hr")
            }
            #expect(try await store.payRuns.all(zoneID: f.zone).isEmpty)
            _ = try await store.payRuns.create(PayRunRequest(period: "2024", appraisalID: year, pool: .fixed(fen: 8_000_000), averagePayFen: 1_000_000,
                                                             baseTotalFen: 0), zoneID: f.zone, actor: "hr")

            let yizheng = try String(contentsOfFile: "policies/yizheng.yaml", encoding: .utf8)
            try await store.policies.load(zoneID: f.zone, yaml: yizheng, source: "yizheng.yaml", actor: "hr")
            await #expect(throws: StoreError.invalid("一次性重奖须经批准，请填写批准文号")) {
                try await store.payRuns.addReward(period: "2025", personID: f.people[0], amountFen: 500_000, reason: "引进重大项目", approval: "",
                                                  zoneID: f.zone, actor: "hr")
            }
            try await store.payRuns.addReward(period: "2025", personID: f.people[0], amountFen: 500_000, reason: "引进重大项目", approval: "仪征管委〔2025〕8号",
                                              zoneID: f.zone, actor: "hr")
            #expect(try await store.payRuns.rewards(zoneID: f.zone).map(\.amountFen) == [500_000])
        }
    }
}

/// 新余 (seed): 考核指标由 162 项精简为 69 项，精简率 57.4% — from the indicators entered for two years.
@Suite("Indicator streamlining from entered indicators")
struct IndicatorStreamliningTests {
    @Test(arguments: TestDatabase.backends)
    func xinyuCutsFrom162To69(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            let f = try await AppraisalPayStoreTests.fixture(store)
            for (year, count) in [(2023, 162), (2024, 69)] {
                let id = try await store.appraisals.create(zoneID: f.zone, year: year, name: "\(year)年度考核", actor: "hr")
                for index in 0..<count {
                    try await store.appraisals.addIndicator(
                        NewIndicator(parentID: nil, level: .department, unitID: f.units[1 + index % 3], personID: nil, name: "指标\(index + 1)",
                                     measure: "", weight: 10, rule: .linear(target: 100, capPercent: 100), dataSource: "", owner: "", cycle: .annual),
                        appraisalID: id, zoneID: f.zone, actor: "hr")
                }
            }
            let counts = try await store.appraisals.indicatorCounts(zoneID: f.zone)
            #expect(counts == [2023: 162, 2024: 69])
            let policy = try ShippedPolicyFile.xinyu()
            guard case let .change(from, to, _, percent) = policy.figure("indicators")?.measure else { Issue.record("seed figure missing"); return }
            #expect(from == counts[2023] && to == counts[2024])
            // The cut, computed from the counts, is the seed's published −57.4%.
            #expect("-" + Percent.format(counts[2023]! - counts[2024]!, of: counts[2023]!) == percent?.description)
        }
    }
}

enum ShippedPolicyFile {
    static func xinyu() throws -> ZonePolicy { try PolicyLoader.load(path: "policies/xinyu.yaml") }
}
