import ZoneCore
import ZoneStore

/// A demo zone's appraisal years, entered the way an office would. 毕节: 2024 with its KPI cascade,
/// scores, publicity and final results, and its performance pay paid; 2025 computed and waiting
/// to be published. 新余: 2024 only, under its own policy, paid from a fixed pool. The sheet zones
/// (`DemoSheetZone`): one year each under their own policy, with 潍坊's assigned value coefficients and
/// 成都芯谷's 工资总控 check. Values are seeded, so every demo is the same.
struct DemoAppraisalLoader {
    let store: Store
    let zoneID: Int64
    /// The 组织人事 account that enters the year and the 领导 who approves its pay run.
    var hr = "hr", leader = "leader"

    /// The zone's fund basis: the municipal civil-servant performance fund for the zone's staff.
    static let fundBasisFen: Int64 = 3_000_000_00

    /// 毕节's years; its policy is loaded first (DemoLoader), before the 2022 round.
    func load() async throws {
        _ = try await paidYear(2024, zone: [1_850, 1_120, 9_300, 0]) { .fund(basisFen: Self.fundBasisFen, zoneScore: $0) }
        _ = try await year(2025, zone: [2_030, 980, 9_420, 0])
    }

    /// 新余: one final year; the pool is an amount the finance bureau approved (¥900,000).
    func loadXinyu() async throws {
        try await loadPolicy(DemoXinyu.zoneCode)
        _ = try await paidYear(2024, zone: [1_720, 1_050, 9_150, 0]) { _ in .fixed(fen: 900_000_00) }
    }

    /// A sheet zone's year, paid from the pool the finance bureau approved; `units` maps unit keys to ids.
    func load(_ plan: DemoSheetZone.Year, units: [String: Int64]) async throws {
        let coefficients = Dictionary(uniqueKeysWithValues: plan.coefficients.compactMap { key, milli in units[key].map { ($0, milli) } })
        _ = try await paidYear(plan.year, zone: plan.zoneActuals, coefficients: coefficients, cap: plan.cap) { _ in .fixed(fen: plan.poolFen) }
    }

    func loadPolicy(_ code: String) async throws {
        try await store.policies.load(zoneID: zoneID, yaml: try PolicyFiles.text(code: code), source: "policies/\(code).yaml", actor: "demo")
    }

    /// One year computed, published, final and paid; `pool` gets the zone's score; `cap` is given where the
    /// policy caps total pay.
    func paidYear(_ year: Int, zone actuals: [Int64], coefficients: [Int64: Int] = [:], cap: DemoSheetZone.Cap? = nil,
                  pool: (Int32) -> PayPool) async throws -> Int64 {
        let id = try await self.year(year, zone: actuals, coefficients: coefficients)
        try await store.appraisals.publish(appraisalID: id, zoneID: zoneID, ends: CivilDate(year: year + 1, month: 1, day: 24)!, actor: hr)
        try await store.appraisals.finalize(appraisalID: id, zoneID: zoneID, actor: hr)
        let score = try await store.appraisals.zoneScore(appraisalID: id) ?? 0
        let request = PayRunRequest(period: String(year), appraisalID: id, pool: pool(score), averagePayFen: cap?.averagePayFen, baseTotalFen: cap?.baseTotalFen)
        let run = try await store.payRuns.create(request, zoneID: zoneID, actor: hr)
        try await store.payRuns.approve(runID: run, zoneID: zoneID, actor: leader)
        try await store.payRuns.lock(runID: run, zoneID: zoneID, actor: hr)
        return id
    }

    /// Creates and computes one year: the zone's four indicators with `zone` as actuals, three
    /// indicators and a penalty item per department, `coefficients` (‰ by unit id) as the assigned
    /// value coefficients, and everyone's review scores and work logs.
    func year(_ year: Int, zone actuals: [Int64], coefficients: [Int64: Int] = [:]) async throws -> Int64 {
        let appraisals = store.appraisals
        let id = try await appraisals.create(zoneID: zoneID, year: year, name: "\(year)年度目标绩效考核", actor: hr)
        let zoneIndicators: [(String, String, Int, IndicatorRule, String, AppraisalCycle)] = [
            ("招商引资到位资金", "亿元", 40, .linear(target: 2_000, capPercent: 120), "投资促进局", .monthlyDispatch),
            ("规上工业总产值增速", "%", 30, .thresholds([.init(minActual: 1_000, points: 10_000), .init(minActual: 800, points: 8_500),
                                                     .init(minActual: 500, points: 7_000), .init(minActual: 0, points: 4_000)]), "统计局", .quarterlyMonitoring),
            ("营商环境满意度", "%", 30, .linear(target: 9_500, capPercent: 110), "第三方测评", .halfYearEvaluation),
            ("安全生产较大事故", "起", 0, .veto, "应急管理局", .annual),
        ]
        var zoneIDs: [Int64] = []
        var values: [Int64: Int64?] = [:]
        for (index, (name, measure, weight, rule, source, cycle)) in zoneIndicators.enumerated() {
            let indicator = try await add(NewIndicator(parentID: nil, level: .zone, unitID: nil, personID: nil, name: name, measure: measure, weight: weight,
                                                       rule: rule, dataSource: source, owner: "党工委管委会", cycle: cycle), to: id)
            zoneIDs.append(indicator)
            values[indicator] = actuals[index]
        }
        var random = SeededGenerator(seed: UInt64(year) &* 7_919)
        let people = try await store.people.onStrength(zoneID: zoneID)
        let staffed = Set(people.map(\.unitID))
        for unit in try await store.units.all(zoneID: zoneID) where staffed.contains(unit.id) {
            let specs: [(String, String, Int, IndicatorRule, Int, Int64)] = [
                ("重点任务完成率", "%", 50, .linear(target: 10_000, capPercent: 110), 0, Int64.random(in: 8_200...11_000, using: &random)),
                ("专项工作目标", "%", 30, .thresholds([.init(minActual: 9_000, points: 10_000), .init(minActual: 7_500, points: 8_500),
                                                   .init(minActual: 0, points: 6_000)]), 1, Int64.random(in: 7_000...10_000, using: &random)),
                ("服务对象满意度", "%", 20, .linear(target: 9_500, capPercent: 105), 2, Int64.random(in: 8_500...9_900, using: &random)),
                ("督查通报扣分", "次", 0, .penalty(perItem: 200, max: 1_000), 3, Int64.random(in: 0...2, using: &random)),
            ]
            for (name, measure, weight, rule, parent, actual) in specs {
                let indicator = try await add(NewIndicator(parentID: zoneIDs[parent], level: .department, unitID: unit.id, personID: nil, name: name,
                                                           measure: measure, weight: weight, rule: rule, dataSource: "月调度台账", owner: unit.name,
                                                           cycle: .annual), to: id)
                values[indicator] = actual
            }
        }
        try await appraisals.setActuals(values, appraisalID: id, zoneID: zoneID, actor: hr)
        for (unitID, milli) in coefficients.sorted(by: { $0.key < $1.key }) {
            try await appraisals.assignCoefficient(unitID: unitID, milli: milli, appraisalID: id, zoneID: zoneID, actor: hr)
        }
        // Most people review well; about one in twelve reviews poorly and logs fewer months, so
        // the lower grades and the consequences have someone in them.
        let inputs = people.map { person in
            let weak = Int.random(in: 0..<12, using: &random) == 0
            let reviews = weak ? 500...5_000 : 7_000...9_800
            return AppraisalInput(personID: person.id, peer360: Int.random(in: reviews, using: &random), leader: Int.random(in: reviews, using: &random),
                                  worklogSubmitted: Int.random(in: weak ? 1...6 : 10...12, using: &random), worklogRequired: 12,
                                  seniorityMonths: Int.random(in: 12...420, using: &random))
        }
        try await appraisals.setInputs(inputs, appraisalID: id, zoneID: zoneID, actor: hr)
        try await appraisals.compute(appraisalID: id, zoneID: zoneID, actor: hr)
        return id
    }

    func add(_ indicator: NewIndicator, to appraisal: Int64) async throws -> Int64 {
        try await store.appraisals.addIndicator(indicator, appraisalID: appraisal, zoneID: zoneID, actor: hr)
    }
}
