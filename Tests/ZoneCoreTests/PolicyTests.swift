import Foundation
import Testing
@testable import ZoneCore

/// The shipped zone policies under `policies/`, found from this file's place in the repository.
enum ShippedPolicies {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("policies").path

    static let codes = ["bijie", "xinyu", "weifang", "yizheng", "chengdu-xingu"]

    static func load(_ code: String) throws -> ZonePolicy {
        try PolicyLoader.load(path: "\(directory)/\(code).yaml")
    }
}

@Suite("Shipped zone policies")
struct ShippedPolicyTests {
    @Test(arguments: ShippedPolicies.codes)
    func loadsAndValidates(_ code: String) throws {
        let policy = try ShippedPolicies.load(code)
        #expect(policy.code == code)
        #expect(policy.version >= 1)
        #expect(policy.appraisal.weights.total == 100)
        #expect(policy.appraisal.cycles.contains(.annual))
        #expect(policy.appraisal.distribution.top.cap <= policy.appraisal.distribution.top.approvedCap)
        #expect(policy.staffing.postTermYears.lowerBound >= 1 && policy.staffing.postTermYears.upperBound <= 3)
        #expect(policy.appraisal.publicityWorkingDays >= 1)
        #expect(policy.pay.allocation.leftoverOrder == [.remainder, .id])
        #expect(!policy.seedFigures.isEmpty)
    }

    @Test func loadAllReturnsTheFiveZonesSortedByCode() throws {
        let policies = try PolicyLoader.loadAll(directory: ShippedPolicies.directory)
        #expect(policies.map(\.code) == ShippedPolicies.codes.sorted())
    }

    /// Seed 000: 编制 115 = 54 + 10 + 40 + 11; 456 → 115; 115 / 465 = 24.7%; fund 1–6 × by score tier.
    @Test func bijie() throws {
        let policy = try ShippedPolicies.load("bijie")
        guard case .total(let total, let parts)? = policy.figure("establishment_total")?.measure else {
            Issue.record("establishment_total should be a total"); return
        }
        #expect(total == 115)
        #expect(parts.map(\.count) == [54, 10, 40, 11])
        #expect(parts.reduce(0) { $0 + $1.count } == 115)
        #expect(policy.figure("staff_before_after")?.measure == .change(from: 456, to: 115, parts: [], changePercent: nil))
        guard case .share(let part, let whole, let percent)? = policy.figure("retained_share")?.measure else {
            Issue.record("retained_share should be a share"); return
        }
        #expect(Percent.format(part, of: whole) == "24.7%")
        #expect(percent.text == "24.7")
        #expect(policy.figure("appointed_above_archive")?.measure == .count(6))
        #expect(policy.figure("appointed_below_archive")?.measure == .count(2))
        #expect(policy.figure("debt_resolved")?.measure == .amount("5.83"))
        #expect(policy.organization.establishment == [.institutional])
        #expect(policy.staffing.postTermYears == 1...3)
        #expect(policy.appraisal.cycles == [.monthlyDispatch, .quarterlyMonitoring, .halfYearEvaluation, .annual])
        let fund = try #require(policy.pay.performanceFund)
        #expect(fund.multiple == 1...6)
        #expect(fund.multiple(forScore: 97) == 6)
        #expect(fund.multiple(forScore: 40) == 1)
        #expect(policy.pay.individualShare.basis == .score)
    }

    /// Seed 001: 162 → 69 indicators (57.4%), 60% → 78.57%, <30% → 70%, 科级职数 −18.3%, 17 + 15 = 32,
    /// 5% 不及格率, fail → no incentive pay, two consecutive fails → exchange or dismissal.
    @Test func xinyu() throws {
        let policy = try ShippedPolicies.load("xinyu")
        guard case .change(let from, let to, _, let cut?)? = policy.figure("indicators")?.measure else {
            Issue.record("indicators should be a change with a rate"); return
        }
        #expect((from, to) == (162, 69))
        #expect(Percent.format(from - to, of: from) == "57.4%")
        #expect(cut.text == "-57.4")
        #expect(policy.figure("economic_unit_share")?.measure == .rateChange(from: PublishedPercent("60")!, to: PublishedPercent("78.57")!))
        guard case .rateChange(let before, let after)? = policy.figure("economic_staff_share")?.measure else {
            Issue.record("economic_staff_share should be a rate change"); return
        }
        #expect(before.isBound && before.text == "<30")
        #expect(after.text == "70")
        #expect(policy.organization.leadershipTargets == [LeadershipTarget(rankClass: .sectionLevel, changePercent: PublishedPercent("-18.3")!)])
        #expect(policy.figure("social_affairs_stripped")?.measure
            == .total(32, parts: [NamedCount(name: "整体剥离", count: 17), NamedCount(name: "部分剥离", count: 15)]))
        #expect(policy.figure("people_transferred")?.measure == .count(1355))

        let grades = policy.appraisal.grades
        #expect(grades.grades.count == 4)
        #expect(grades.grades.last?.label == "不及格")
        let bottom = try #require(policy.appraisal.distribution.bottom)
        #expect(bottom.grade == "fail")
        #expect(bottom.floor == Proportion(decimal: "0.05"))
        let rules = policy.appraisal.consequences
        #expect(rules.contains(ConsequenceRule(trigger: .grade("fail"), action: .noIncentivePay)))
        #expect(rules.contains(ConsequenceRule(trigger: .consecutiveGrade("fail", years: 2), action: .exchangeOrDismissal)))
        #expect(policy.pay.individualShare.gradeFactors["fail"] == 0)
    }

    /// Seed 002: 48 → 19 + 4 departments, 8 → 6 parks, coefficient 0.5–1.5 assigned, 待岗 ≥ 3 months,
    /// bottom 5% of the same post rank in every year of a term → 辞聘 after a refused re-assignment.
    @Test func weifang() throws {
        let policy = try ShippedPolicies.load("weifang")
        guard case .change(let from, let to, let parts, _)? = policy.figure("departments")?.measure else {
            Issue.record("departments should be a change"); return
        }
        #expect(from == 48 && to == 23)
        #expect(parts.map(\.count) == [19, 4])
        #expect(policy.figure("parks")?.measure == .change(from: 8, to: 6, parts: [], changePercent: nil))
        #expect(policy.figure("kpi_levels")?.measure == .count(3))

        let coefficient = policy.appraisal.departmentCoefficient
        #expect(coefficient.range == 0.5...1.5)
        #expect(coefficient.source == .assigned)
        #expect(policy.staffing.waitingMonths == 3)
        #expect(Set(policy.staffing.methods) == Set(AppointmentMethod.allCases))
        #expect(policy.appraisal.distribution.group == .postRank)
        #expect(policy.appraisal.distribution.bottom == BottomBand(grade: nil, floor: Proportion(decimal: "0.05")!))
        #expect(policy.appraisal.consequences.contains(
            ConsequenceRule(trigger: .bottomEveryYearOfTerm, action: .resignPost, onlyIfReassignmentRefused: true)))
        #expect(policy.pay.departmentPackages == DepartmentPackages(sizedBy: .headcount, coefficientScales: .performance))
    }

    /// Seed 003: 一区多园 with 员额 caps; 分级 / 分块 / 分类 pay with a 招商 coefficient; 一次性重奖; 721 = 70/20/10.
    @Test func yizheng() throws {
        let policy = try ShippedPolicies.load("yizheng")
        #expect(policy.organization.usesPostCaps)
        #expect(policy.pay.base == .archive)
        #expect(policy.pay.postLevels.first?.level == "管理办主任")
        let categories = try #require(policy.pay.postCategories)
        #expect(categories.coefficient(for: "招商") > categories.coefficient(for: "综合"))
        #expect(policy.pay.oneOffRewards?.requiresApproval == true)
        guard case .total(let total, let parts)? = policy.figure("method_721")?.measure else {
            Issue.record("method_721 should be a total"); return
        }
        #expect(total == 100 && parts.map(\.count) == [70, 20, 10])
        #expect(policy.figure("parks")?.measure == .total(3, parts: [
            NamedCount(name: "大数据产业园", count: 1), NamedCount(name: "汽车工业园", count: 1),
            NamedCount(name: "化工园区（新材料产业园）", count: 1),
        ]))
        #expect(policy.appraisal.consequences.first == ConsequenceRule(trigger: .bottomOfYear, action: .removeFromPost))
    }

    /// Seed 004: 员额 instead of 编制; pay base 1.5–2 × the 2020 district average; 181 items; 50 firms.
    @Test func chengduXingu() throws {
        let policy = try ShippedPolicies.load("chengdu-xingu")
        #expect(policy.organization.establishment == [.postCap])
        let cap = try #require(policy.pay.totalCap)
        #expect(cap.multiple == 1.5...2.0)
        #expect(cap.baseYear == 2020)
        #expect(policy.figure("approval_items_sunk")?.measure == .count(181))
        #expect(policy.figure("key_enterprises")?.measure == .count(50))
        #expect(policy.figure("industry_scale")?.measure == .change(from: 7, to: 656, parts: [], changePercent: nil))
        #expect(policy.effective == CivilDate(year: 2021, month: 1, day: 20))
    }
}

@Suite("Policy values")
struct PolicyValueTests {
    @Test func proportionsAreExactDecimals() {
        #expect(Proportion(decimal: "0.2")?.tenThousandths == 2000)
        #expect(Proportion(decimal: "0.05")?.tenThousandths == 500)
        #expect(Proportion(decimal: "1")?.tenThousandths == 10_000)
        #expect(Proportion(decimal: "0.2")?.description == "0.2")
        #expect(Proportion(decimal: "0.125")?.percentText == "12.5%")
        for bad in ["1.2", "-0.1", "0.12345", ".5", "5.", "abc", ""] {
            #expect(Proportion(decimal: bad) == nil, "\(bad)")
        }
    }

    /// Groups of 1–4 are where the rounding rule matters; 20 × 0.05 must be exactly one person.
    @Test(arguments: [
        (RoundingRule.floor, "0.2", [1: 0, 2: 0, 3: 0, 4: 0, 5: 1, 7: 1, 10: 2]),
        (RoundingRule.halfUp, "0.2", [1: 0, 2: 0, 3: 1, 4: 1, 5: 1, 7: 1, 8: 2]),
        (RoundingRule.atLeastOne, "0.2", [1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 10: 2, 0: 0]),
        (RoundingRule.floor, "0.05", [19: 0, 20: 1, 39: 1, 40: 2]),
        (RoundingRule.atLeastOne, "0", [5: 0]),
    ])
    func roundingTurnsSharesIntoHeadCounts(_ rule: RoundingRule, _ share: String, _ expected: [Int: Int]) {
        for (size, count) in expected {
            #expect(rule.count(Proportion(decimal: share)!, of: size) == count, "\(rule) \(share) of \(size)")
        }
    }

    @Test func gradesFollowThresholdsBestFirst() throws {
        let grades = try ShippedPolicies.load("bijie").appraisal.grades
        #expect(grades.grade(forScore: 95).label == "优秀")
        #expect(grades.grade(forScore: 89.9).label == "合格")
        #expect(grades.grade(forScore: 0).label == "不合格")
        #expect(grades.rank(of: "excellent") == 0)
    }

    @Test func publishedPercentsKeepTheirDigits() {
        #expect(PublishedPercent("78.57")?.decimals == 2)
        #expect(PublishedPercent("<30")?.isBound == true)
        #expect(PublishedPercent("-18.3")?.isNegative == true)
        #expect(PublishedPercent("24.7%") == nil)
        #expect(PublishedPercent("abc") == nil)
    }

    @Test func unknownFieldsSuggestTheClosestName() {
        #expect(PolicyReader.closest(to: "weigths", among: ["kpi", "weights", "grades"]) == "weights")
        #expect(PolicyReader.closest(to: "xyz", among: ["weights"]) == nil)
    }
}

@Suite("Broken policy documents")
struct BrokenPolicyTests {
    /// A small valid document; each case below breaks it by replacing one unique piece of text.
    static let valid = """
        code: x
        name: 测试园区
        version: 1
        effective: 2024-01-01
        source: 单元测试
        organization:
          establishment: [事业]
          at_quota: one_out_one_in
        staffing:
          post_term_years: {min: 1, max: 3}
          methods: [competitive]
          waiting_months: 3
          tie_break: [score, seniority, id]
        appraisal:
          cycles: [annual]
          weights: {kpi: 60, peer360: 10, leader: 20, worklog: 10}
          grades:
            - {key: excellent, label: 优秀, min_score: 90}
            - {key: qualified, label: 合格, min_score: 60}
            - {key: unqualified, label: 不合格, min_score: 0}
          distribution:
            group: unit
            rounding: floor
            tie_break: [score, seniority, id]
            top: {grade: excellent, cap: 0.20, approved_cap: 0.25}
            bottom: {grade: unqualified, floor: 0.05}
          department_coefficient: {min: 0.5, max: 1.5, source: assigned}
          consequences:
            - {when: grade, grade: unqualified, then: no_incentive_pay}
          publicity_working_days: 5
        pay:
          base: post
          individual_share: {basis: score}
          allocation: {method: largest_remainder, leftover_order: [remainder, id]}
        seed_figures:
          establishment:
            label: 编制
            kind: total
            value: 10
            parts: {甲: 4, 乙: 6}
          retained:
            label: 占比
            kind: share
            part: 115
            whole: 465
            percent: 24.7
        """

    /// The messages loading the valid document with `edits` applied produces (empty when it loads).
    static func messages(_ edits: [(String, String)]) -> [String] {
        var text = valid
        for (old, new) in edits {
            #expect(text.components(separatedBy: old).count == 2, "edit target must be unique: \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        do {
            _ = try PolicyLoader.load(yaml: text, source: "policies/x.yaml")
            return []
        } catch {
            return error.messages
        }
    }

    @Test func theBaseDocumentIsValid() throws {
        #expect(Self.messages([]) == [])
        let policy = try PolicyLoader.load(yaml: Self.valid, source: "policies/x.yaml")
        #expect(policy.appraisal.distribution.top.cap == Proportion(decimal: "0.2"))
    }

    @Test(arguments: [
        ("weights not summing to 100", [("worklog: 10}", "worklog: 5}")],
         ["policies/x.yaml:16: appraisal.weights 合计应为100，实际为95 / weights must sum to 100, got 95"]),
        ("fraction above 1", [("cap: 0.20", "cap: 1.2")],
         ["policies/x.yaml:25: appraisal.distribution.top.cap 应为 0 到 1 之间的比例（最多四位小数），实际为“1.2” / expected a fraction between 0 and 1 (at most 4 decimals), got \"1.2\""]),
        ("cap above the approved cap", [("cap: 0.20", "cap: 0.30")],
         ["policies/x.yaml:25: appraisal.distribution.top cap（0.3）不得大于 approved_cap（0.25） / cap (0.3) must not exceed approved_cap (0.25)"]),
        ("coefficient outside 0.5–1.5", [("{min: 0.5, max: 1.5, source", "{min: 0.5, max: 2.0, source")],
         ["policies/x.yaml:27: appraisal.department_coefficient.max 应在 0.5 到 1.5 之间，实际为 2 / must be between 0.5 and 1.5, got 2"]),
        ("coefficient min above max", [("{min: 0.5, max: 1.5, source", "{min: 1.2, max: 0.8, source")],
         ["policies/x.yaml:27: appraisal.department_coefficient min（1.2）不得大于 max（0.8） / min (1.2) must not exceed max (0.8)"]),
        ("no grades", [("grades:\n    - {key: excellent, label: 优秀, min_score: 90}\n    - {key: qualified, label: 合格, min_score: 60}\n    - {key: unqualified, label: 不合格, min_score: 0}", "grades: []")],
         ["policies/x.yaml:17: appraisal.grades 至少应有两个等次，实际为 0 个 / needs at least two grades, got 0"]),
        ("duplicate grade", [("{key: qualified, label: 合格", "{key: excellent, label: 合格")],
         ["policies/x.yaml:19: appraisal.grades[1] 等次标识 excellent 重复 / duplicate grade key excellent"]),
        ("unknown rounding rule", [("rounding: floor", "rounding: round")],
         ["policies/x.yaml:23: appraisal.distribution.rounding 未知取值“round”，可选：floor、half_up、at_least_one / unknown value \"round\", expected one of: floor, half_up, at_least_one"]),
        ("term of four years", [("post_term_years: {min: 1, max: 3}", "post_term_years: {min: 1, max: 4}")],
         ["policies/x.yaml:10: staffing.post_term_years.max 应在 1 到 3 之间，实际为 4 / must be between 1 and 3, got 4"]),
        ("no publicity days", [("publicity_working_days: 5", "publicity_working_days: 0")],
         ["policies/x.yaml:30: appraisal.publicity_working_days 应在 1 到 30 之间，实际为 0 / must be between 1 and 30, got 0"]),
        ("misspelt and unknown fields", [("  weights:", "  weigths:"), ("  at_quota:", "  at_quota_rule: x\n  at_quota:")],
         ["policies/x.yaml:8: organization.at_quota_rule 未知字段 / unknown field",
          "policies/x.yaml:16: appraisal.weights 缺少必填字段 / required field is missing",
          "policies/x.yaml:17: appraisal.weigths 未知字段（是否应为 weights？） / unknown field (did you mean weights?)"]),
        ("unclosed bracket", [("  methods: [competitive]", "  methods: [competitive")],
         ["policies/x.yaml:12: YAML 语法错误（第 17 列，所在结构始于第 11 行） / YAML syntax error at column 17 (structure starts on line 11): while parsing a flow sequence did not find expected ',' or ']'"]),
        ("duplicate field", [("  waiting_months: 3", "  waiting_months: 3\n  waiting_months: 4")],
         ["policies/x.yaml:12: 同一映射中字段重复：waiting_months / duplicate field(s) in one mapping: waiting_months"]),
        ("several problems at once", [("worklog: 10}", "worklog: 5}"), ("rounding: floor", "rounding: round"), ("publicity_working_days: 5", "publicity_working_days: 0")],
         ["policies/x.yaml:16: appraisal.weights 合计应为100，实际为95 / weights must sum to 100, got 95",
          "policies/x.yaml:23: appraisal.distribution.rounding 未知取值“round”，可选：floor、half_up、at_least_one / unknown value \"round\", expected one of: floor, half_up, at_least_one",
          "policies/x.yaml:30: appraisal.publicity_working_days 应在 1 到 30 之间，实际为 0 / must be between 1 and 30, got 0"]),
        ("undefined grade in a consequence", [("{when: grade, grade: unqualified", "{when: grade, grade: failed")],
         ["policies/x.yaml:29: appraisal.consequences[0].grade 未定义的等次 failed，已定义：excellent、qualified、unqualified / undefined grade failed, defined: excellent, qualified, unqualified"]),
        ("field that does not apply", [("grade: unqualified, then: no_incentive_pay}", "grade: unqualified, years: 2, then: no_incentive_pay}")],
         ["policies/x.yaml:29: appraisal.consequences[0].years 仅用于 when: consecutive_grade / only applies to when: consecutive_grade"]),
        ("bottom trigger without a bottom band", [("    bottom: {grade: unqualified, floor: 0.05}\n", ""), ("{when: grade, grade: unqualified, then: no_incentive_pay}", "{when: bottom_of_year, then: remove_from_post}")],
         ["policies/x.yaml:28: appraisal.consequences[0].when appraisal.distribution 未设 bottom（末位比例），无法判断末位 / needs appraisal.distribution.bottom to know who is at the bottom"]),
        ("tie-break order that can leave a tie", [("  tie_break: [score, seniority, id]\nappraisal", "  tie_break: [score, seniority]\nappraisal")],
         ["policies/x.yaml:13: staffing.tie_break 须以 id 结尾，才能保证不留并列 / must end with id so that no tie remains"]),
        ("grade factors missing a grade", [("{basis: score}", "{basis: grade, grade_factors: {excellent: 1.2, qualified: 1}}")],
         ["policies/x.yaml:33: pay.individual_share.grade_factors 缺少等次 unqualified 的系数 / missing a factor for grade unqualified"]),
        ("missing section field", [("  base: post\n", "")],
         ["policies/x.yaml:32: pay.base 缺少必填字段 / required field is missing"]),
        ("wrong scalar types", [("version: 1", "version: one"), ("effective: 2024-01-01", "effective: 2024-02-30"), ("waiting_months: 3", "waiting_months: \"3\"")],
         ["policies/x.yaml:3: version 应为整数，实际为“one” / expected an integer, got \"one\"",
          "policies/x.yaml:4: effective 应为日期 yyyy-MM-dd，实际为“2024-02-30” / expected a date yyyy-MM-dd, got \"2024-02-30\"",
          "policies/x.yaml:12: staffing.waiting_months 应为整数，实际为“3” / expected an integer, got \"3\""]),
        ("unknown trigger, its grade not echoed", [("{when: grade, grade: unqualified, then", "{when: graded, grade: unqualified, then")],
         ["policies/x.yaml:29: appraisal.consequences[0].when 未知取值“graded”，可选：grade、consecutive_grade、bottom_of_year、bottom_every_year_of_term、term_goals_missed / unknown value \"graded\", expected one of: grade, consecutive_grade, bottom_of_year, bottom_every_year_of_term, term_goals_missed"]),
        ("no annual cycle", [("cycles: [annual]", "cycles: [monthly_dispatch]")],
         ["policies/x.yaml:15: appraisal.cycles 须包含 annual（年度考核），等次与后果都按年度评定 / must include annual: grades and consequences are decided yearly"]),
        ("grade thresholds not falling", [("label: 合格, min_score: 60", "label: 合格, min_score: 95")],
         ["policies/x.yaml:19: appraisal.grades[1] min_score 应低于上一等次（90），实际为 95 / min_score must be below the previous grade's (90), got 95"]),
        ("bands with assigned coefficients", [("max: 1.5, source: assigned}", "max: 1.5, source: assigned, bands: []}")],
         ["policies/x.yaml:27: appraisal.department_coefficient.bands 仅用于 source: score_bands / only applies to source: score_bands"]),
        ("seed field of another kind", [("    part: 115\n", "    part: 115\n    value: 3\n")],
         ["policies/x.yaml:45: seed_figures.retained.value 不适用于 kind: share / does not apply to kind: share"]),
        ("seed parts not adding up", [("{甲: 4, 乙: 6}", "{甲: 4, 乙: 5}")],
         ["policies/x.yaml:40: seed_figures.establishment.parts 各部分之和 4+5=9，与 value（10）不符 / parts add up to 9, not value (10)"]),
        ("seed share misprinted", [("percent: 24.7", "percent: 24.8")],
         ["policies/x.yaml:46: seed_figures.retained.percent 按数据计算应为 24.7%，实际填写 24.8% / computes to 24.7% from the counts, file says 24.8%"]),
    ] as [(String, [(String, String)], [String])])
    func isRefusedWithTheExpectedMessages(_ name: String, _ edits: [(String, String)], _ expected: [String]) {
        #expect(Self.messages(edits) == expected, "\(name)")
    }

    @Test func anEmptyDocumentIsRefused() {
        #expect(throws: PolicyError(problems: [PolicyProblem(source: "policies/x.yaml", line: nil, path: "",
                                                             chinese: "文件为空", english: "the file is empty")])) {
            try PolicyLoader.load(yaml: "", source: "policies/x.yaml")
        }
    }

    /// A file's code must match its name, and `loadAll` reports the problems of every file together.
    @Test func loadAllNamesEachBrokenFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("policies-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.valid.write(to: directory.appendingPathComponent("x.yaml"), atomically: true, encoding: .utf8)
        try Self.valid.write(to: directory.appendingPathComponent("y.yaml"), atomically: true, encoding: .utf8)
        try Self.valid.replacingOccurrences(of: "worklog: 10}", with: "worklog: 5}")
            .replacingOccurrences(of: "code: x", with: "code: z")
            .write(to: directory.appendingPathComponent("z.yaml"), atomically: true, encoding: .utf8)
        try "# 说明".write(to: directory.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)

        let y = directory.appendingPathComponent("y.yaml").path
        let z = directory.appendingPathComponent("z.yaml").path
        do {
            _ = try PolicyLoader.loadAll(directory: directory.path)
            Issue.record("a directory with broken files must be refused")
        } catch {
            #expect(error.messages == [
                "\(y):1: code 应与文件名一致（y），实际为 x / must match the file name (y), got x",
                "\(z):16: appraisal.weights 合计应为100，实际为95 / weights must sum to 100, got 95",
            ])
        }
    }
}
