import ZoneCore
import ZoneStore

/// The pay pages: the list of runs with the create form and one-off rewards, and one run's
/// 发放表 with its packages, differences from the previous paid run, charts and actions.
struct PayPage {
    let principal: Principal
    /// The zone policy the page follows (the run's appraisal version on a run page).
    let policy: ZonePolicy?

    struct RunData {
        let run: StoredPayRun
        let packages: [PayPackageRow]
        let lines: [PayLineRow]
        let previous: StoredPayRun?
        let previousLines: [PayLineRow]
        let tree: UnitTree
        let appraisal: StoredAppraisal?
        /// Which lines the detail table shows: one unit's or everyone's, one page at a time.
        var unit: Int64? = nil
        var page = 1
    }

    /// A 100,000-person run is summed and charted whole, but its detail table is paged.
    static let linesPerPage = 100

    func gradeLabel(_ key: String) -> String { policy?.appraisal.grades[key]?.label ?? key }

    static func statusTag(_ status: StoredPayRun.Status) -> HTML {
        Components.tag(status.label, kind: status == .locked ? "ok" : status == .reversed || status == .discarded ? "" : "warn")
    }

    func runList(_ runs: [StoredPayRun]) -> HTML {
        HTML.tag("div", ["class": "card"]) {
            HTML.tag("table", ["class": "grid"]) {
                HTML.tag("tr") {
                    for h in ["批次", "期间", "状态", "人数"] { HTML.tag("th") { h } }
                    for h in ["绩效总额", "实发绩效", "一次性奖励", "未分配"] { HTML.tag("th", ["class": "num"]) { h } }
                }
                for run in runs {
                    HTML.tag("tr") {
                        HTML.tag("td") { HTML.tag("a", ["href": "/pay-runs/\(run.id)"]) { "第\(run.id)号" + (run.correctsID.map { "（更正第\($0)号）" } ?? "") } }
                        HTML.tag("td") { run.period }
                        HTML.tag("td") { Self.statusTag(run.status) }
                        HTML.tag("td", ["class": "num"]) { "\(run.headcount)" }
                        HTML.tag("td", ["class": "num"]) { Fen.text(run.poolFen) }
                        HTML.tag("td", ["class": "num"]) { Fen.text(run.paidFen) }
                        HTML.tag("td", ["class": "num"]) { Fen.text(run.rewardFen) }
                        HTML.tag("td", ["class": "num"]) { Fen.text(run.unallocatedFen) }
                    }
                }
                if runs.isEmpty { HTML.tag("tr") { HTML.tag("td", ["colspan": "8", "class": "hint"]) { "暂无发放批次" } } }
            }
        }
    }

    /// The fields shared by a new run and a correction.
    func poolFields(zoneScore: Int32?) -> HTML {
        HTML.tag("div") {
            HTML.tag("div", ["class": "inline"]) {
                HTML.tag("label") {
                    HTML.tag("input", ["type": "radio", "name": "poolKind", "value": "fixed", "checked": policy?.pay.performanceFund == nil ? "checked" : nil])
                    " 核定总额（元）"
                }
                HTML.tag("input", ["type": "text", "name": "amount", "placeholder": "如 3000000.00", "aria-label": "绩效工资总额（元）"])
            }
            if let fund = policy?.pay.performanceFund {
                HTML.tag("div", ["class": "inline"]) {
                    HTML.tag("label") {
                        HTML.tag("input", ["type": "radio", "name": "poolKind", "value": "fund", "checked": "checked"])
                        " 按\(fund.basis)的倍数（\(fund.multiple.lowerBound)–\(fund.multiple.upperBound)倍，按园区目标考核得分定档）"
                    }
                    HTML.tag("input", ["type": "text", "name": "basis", "placeholder": "\(fund.basis)（元）", "aria-label": "绩效资金基数（元）"])
                    HTML.tag("input", ["type": "text", "name": "zoneScore", "value": zoneScore.map { ScoreScale.text($0) } ?? "",
                                       "placeholder": "园区目标考核得分", "aria-label": "园区目标考核得分"])
                }
                HTML.tag("p", ["class": "hint"]) { "档次：" + fund.tiers.map { "≥\($0.minScore)分 \($0.multiple)倍" }.joined(separator: "，") }
            }
            if let cap = policy?.pay.totalCap {
                HTML.tag("div", ["class": "inline"]) {
                    HTML.tag("input", ["type": "text", "name": "average", "placeholder": "\(cap.basis)（元/人·年）", "aria-label": "工资总控基数（元/人·年）"])
                    HTML.tag("input", ["type": "text", "name": "baseTotal", "placeholder": "本期基本工资总额（元）", "aria-label": "本期基本工资总额（元）"])
                }
                HTML.tag("p", ["class": "hint"]) { "工资总控：薪酬总额不超过\(cap.basis)（\(cap.baseYear)年）的\(cap.multiple.upperBound)倍 × 人数，超出则拒绝。" }
            }
        }
    }

    func createForm(finals: [StoredAppraisal], zoneScores: [Int64: Int32]) -> HTML {
        HTML.tag("div", ["class": "card"]) {
            HTML.tag("h2") { "新建发放批次（预览）" }
            if finals.isEmpty {
                HTML.tag("p", ["class": "hint"]) { "尚无已确定结果的年度考核：考核结果公示期满并处理申诉后才能据以发放。" }
            } else {
                HTML.tag("form", ["method": "post", "action": "/pay-runs"]) {
                    Components.csrf(principal)
                    HTML.tag("div", ["class": "inline"]) {
                        HTML.tag("input", ["type": "text", "name": "period", "value": finals.first.map { String($0.year) } ?? "", "placeholder": "期间，如 2025 或 2025-06",
                                           "aria-label": "发放期间"])
                        HTML.tag("select", ["name": "appraisalID", "aria-label": "据以发放的考核"]) {
                            for a in finals { HTML.tag("option", ["value": "\(a.id)"]) { a.name } }
                        }
                    }
                    poolFields(zoneScore: finals.first.flatMap { zoneScores[$0.id] })
                    HTML.tag("div", ["class": "actions"]) { HTML.tag("button", ["type": "submit"]) { "计算并预览" } }
                }
            }
        }
    }

    func rewards(_ rewards: [PayReward]) -> HTML {
        HTML.tag("div", ["class": "card"]) {
            HTML.tag("h2") { "一次性重奖（\(policy?.pay.oneOffRewards?.purpose ?? "")）" }
            HTML.tag("table", ["class": "grid"]) {
                HTML.tag("tr") { for h in ["期间", "人员编号", "金额", "事由", "批准文号", "登记人"] { HTML.tag("th") { h } } }
                for r in rewards {
                    HTML.tag("tr") {
                        HTML.tag("td") { r.period }
                        HTML.tag("td") { "\(r.personID)" }
                        HTML.tag("td", ["class": "num"]) { Fen.text(r.amountFen) }
                        HTML.tag("td") { r.reason }
                        HTML.tag("td") { r.approval }
                        HTML.tag("td") { r.recordedBy }
                    }
                }
            }
            if principal.can(.managePay) {
                HTML.tag("form", ["class": "inline", "method": "post", "action": "/pay-rewards"]) {
                    Components.csrf(principal)
                    HTML.tag("input", ["type": "text", "name": "period", "placeholder": "期间", "aria-label": "期间", "size": "8"])
                    HTML.tag("input", ["type": "number", "name": "personID", "placeholder": "人员编号", "aria-label": "人员编号"])
                    HTML.tag("input", ["type": "text", "name": "amount", "placeholder": "金额（元）", "aria-label": "金额（元）"])
                    HTML.tag("input", ["type": "text", "name": "reason", "placeholder": "事由", "aria-label": "事由"])
                    HTML.tag("input", ["type": "text", "name": "approval", "placeholder": "批准文号", "aria-label": "批准文号"])
                    HTML.tag("button", ["type": "submit"]) { "登记奖励" }
                }
            }
        }
    }

    // MARK: One run

    func run(_ d: RunData) -> HTML {
        let r = d.run
        let before = Dictionary(uniqueKeysWithValues: d.previousLines.map { ($0.personID, $0.totalFen) })
        return HTML.tag("div") {
            HTML.tag("div", ["class": "stats"]) {
                Components.stat("状态", r.status.label)
                Components.stat("绩效总额", Fen.text(r.poolFen))
                Components.stat("实发绩效", Fen.text(r.paidFen))
                Components.stat("一次性奖励", Fen.text(r.rewardFen))
                Components.stat("未分配（退回）", Fen.text(r.unallocatedFen))
                Components.stat("人数", "\(r.headcount)")
            }
            HTML.tag("div", ["class": "card"]) {
                HTML.tag("p") { "总额依据：\(r.poolBasis)。据以发放：\(d.appraisal?.name ?? "")。" }
                HTML.tag("p", ["class": "hint"]) {
                    "按最大余数法分配到分：各人之和等于部门包，部门包之和等于总额；余数相同时编号小者先得。校验码 \(r.checksum.prefix(16))（同一输入重算结果相同）。"
                        + " 创建：\(r.createdBy)" + (r.approvedBy.map { "；审批：\($0)" } ?? "") + (r.lockedBy.map { "；发放：\($0)" } ?? "")
                }
                actions(r)
            }
            if let previous = d.previous {
                HTML.tag("div", ["class": "card"]) {
                    HTML.tag("h2") { "与\(previous.correctsID == nil && r.correctsID == nil ? "上期" : "被更正批次")（\(previous.period) 第\(previous.id)号）比较" }
                    HTML.tag("p") {
                        "实发合计 \(Fen.text(previous.paidFen + previous.rewardFen)) → \(Fen.text(r.paidFen + r.rewardFen))，差额 \(Fen.text(r.paidFen + r.rewardFen - previous.paidFen - previous.rewardFen))；"
                            + "\(d.lines.filter { (before[$0.personID] ?? 0) != $0.totalFen }.count) 人金额有变化。"
                    }
                }
            }
            HTML.tag("div", ["class": "card"]) {
                SVGChart.bars(title: "各部门实发绩效", departmentBars(d))
                SVGChart.bars(title: "个人绩效工资分布（人数）", distributionBars(d.lines))
            }
            HTML.tag("div", ["class": "card"]) {
                HTML.tag("h2") { "部门包" }
                HTML.tag("table", ["class": "grid"]) {
                    HTML.tag("tr") {
                        HTML.tag("th") { "单位" }
                        for h in ["人数", "价值系数", "部门包", "未分配"] { HTML.tag("th", ["class": "num"]) { h } }
                    }
                    for p in d.packages {
                        HTML.tag("tr") {
                            HTML.tag("td") { p.unitID.flatMap { d.tree[$0]?.name } ?? "全园区（政策不设部门包，直接分配到人）" }
                            HTML.tag("td", ["class": "num"]) { "\(p.headcount)" }
                            HTML.tag("td", ["class": "num"]) { FixedPoint.format(p.coefficientMilli, places: 3) }
                            HTML.tag("td", ["class": "num"]) { Fen.text(p.packageFen) }
                            HTML.tag("td", ["class": "num"]) { Fen.text(p.unallocatedFen) }
                        }
                    }
                }
            }
            lineTable(d, before: before)
        }
    }

    func lineTable(_ d: RunData, before: [Int64: Int64]) -> HTML {
        let r = d.run
        let shown = d.unit.map { unit in d.lines.filter { $0.unitID == unit } } ?? d.lines
        let pages = max(1, (shown.count + Self.linesPerPage - 1) / Self.linesPerPage)
        let page = min(max(1, d.page), pages)
        let slice = shown[min(shown.count, (page - 1) * Self.linesPerPage)..<min(shown.count, page * Self.linesPerPage)]
        func link(_ page: Int) -> String {
            "/pay-runs/\(r.id)?" + (d.unit.map { "unit=\($0)&" } ?? "") + "page=\(page)#lines"
        }
        let units = Set(d.lines.map(\.unitID)).sorted()
        return HTML.tag("div", ["class": "card", "id": "lines"]) {
            HTML.tag("h2") {
                "个人明细（\(d.unit.flatMap { d.tree[$0]?.name } ?? "全部")\(shown.count)人）"
                HTML.tag("a", ["class": "btn secondary", "href": "/pay-runs/\(r.id)/sheet.xlsx"]) { "导出发放表 Excel" }
            }
            HTML.tag("form", ["method": "get", "action": "/pay-runs/\(r.id)#lines", "class": "inline"]) {
                HTML.tag("label") {
                    "单位 "
                    HTML.tag("select", ["name": "unit"]) {
                        HTML.tag("option", ["value": ""]) { "全部" }
                        for unit in units {
                            HTML.tag("option", unit == d.unit ? ["value": "\(unit)", "selected": "selected"] : ["value": "\(unit)"]) { d.tree[unit]?.name ?? "单位\(unit)" }
                        }
                    }
                }
                HTML.tag("button", ["type": "submit", "class": "secondary"]) { "筛选" }
            }
            HTML.tag("table", ["class": "grid"]) {
                HTML.tag("tr") {
                    for h in ["姓名", "单位", "等次"] { HTML.tag("th") { h } }
                    for h in ["岗位系数", "得分", "绩效工资", "一次性奖励", "合计", "较比较批次"] { HTML.tag("th", ["class": "num"]) { h } }
                }
                for l in slice {
                    HTML.tag("tr", ["id": "p\(l.personID)"]) {
                        HTML.tag("td") { l.name }
                        HTML.tag("td") { d.tree[l.unitID]?.name ?? "" }
                        HTML.tag("td") { gradeLabel(l.grade) }
                        HTML.tag("td", ["class": "num"]) { FixedPoint.format(l.postCoefficientMilli, places: 3) }
                        HTML.tag("td", ["class": "num"]) { ScoreScale.text(Int32(l.score)) }
                        HTML.tag("td", ["class": "num"]) { Fen.text(l.performanceFen) }
                        HTML.tag("td", ["class": "num"]) { Fen.text(l.rewardFen) }
                        HTML.tag("td", ["class": "num"]) { Fen.text(l.totalFen) }
                        HTML.tag("td", ["class": "num"]) { d.previous == nil ? "—" : Fen.text(l.totalFen - (before[l.personID] ?? 0)) }
                    }
                }
            }
            HTML.tag("div", ["class": "pager"]) {
                "共 \(shown.count) 人，每页 \(Self.linesPerPage) 人，第 \(page)/\(pages) 页"
                if page > 1 {
                    HTML.tag("a", ["href": link(1)]) { "首页" }
                    HTML.tag("a", ["href": link(page - 1)]) { "上一页" }
                }
                if page < pages {
                    HTML.tag("a", ["href": link(page + 1)]) { "下一页" }
                    HTML.tag("a", ["href": link(pages)]) { "末页" }
                }
            }
        }
    }

    func actions(_ r: StoredPayRun) -> HTML {
        HTML.tag("div", ["class": "actions"]) {
            if r.status == .preview && principal.can(.approvePay) {
                HTML.tag("form", ["method": "post", "action": "/pay-runs/\(r.id)/approve"]) {
                    Components.csrf(principal)
                    HTML.tag("button", ["type": "submit"]) { "审批通过" }
                }
            }
            if r.status == .approved && principal.can(.managePay) {
                HTML.tag("form", ["method": "post", "action": "/pay-runs/\(r.id)/lock"]) {
                    Components.csrf(principal)
                    HTML.tag("button", ["type": "submit"]) { r.correctsID == nil ? "发放并锁定" : "发放并冲销被更正批次" }
                }
            }
            if (r.status == .preview || r.status == .approved) && principal.can(.managePay) {
                HTML.tag("form", ["method": "post", "action": "/pay-runs/\(r.id)/discard"]) {
                    Components.csrf(principal)
                    HTML.tag("button", ["type": "submit", "class": "secondary"]) { "作废" }
                }
            }
        }
        + (r.status == .locked && principal.can(.managePay) ? correctionForm(r) : .empty)
    }

    func correctionForm(_ r: StoredPayRun) -> HTML {
        HTML.tag("details") {
            HTML.tag("summary") { "更正本批次（生成新批次，发放时冲销本批次）" }
            HTML.tag("form", ["method": "post", "action": "/pay-runs/\(r.id)/correct"]) {
                Components.csrf(principal)
                HTML.tag("input", ["type": "hidden", "name": "period", "value": r.period])
                HTML.tag("input", ["type": "hidden", "name": "appraisalID", "value": "\(r.appraisalID)"])
                poolFields(zoneScore: nil)
                HTML.tag("div", ["class": "actions"]) { HTML.tag("button", ["type": "submit"]) { "计算更正批次" } }
            }
        }
    }

    func departmentBars(_ d: RunData) -> [SVGChart.Bar] {
        let byUnit = Dictionary(grouping: d.lines, by: \.unitID)
        return byUnit.keys.sorted().map { unit in
            let fen = byUnit[unit]!.reduce(0) { $0 + $1.totalFen }
            return SVGChart.Bar(label: d.tree[unit]?.name ?? "单位\(unit)", value: fen, valueText: Fen.text(fen),
                                href: "/pay-runs/\(d.run.id)?unit=\(unit)#lines")
        }
    }

    /// People per pay band of ¥5,000, zero pay on its own line.
    func distributionBars(_ lines: [PayLineRow]) -> [SVGChart.Bar] {
        let band: Int64 = 500_000
        var counts: [Int64: Int] = [:]
        for l in lines { counts[l.totalFen <= 0 ? -1 : (l.totalFen - 1) / band, default: 0] += 1 }
        return counts.keys.sorted().map { key in
            let label = key < 0 ? "未发放（0元）" : "\(Fen.text(key * band).dropLast(3))–\(Fen.text((key + 1) * band).dropLast(3))"
            return SVGChart.Bar(label: label, value: Int64(counts[key]!), valueText: "\(counts[key]!)人", kind: key < 0 ? "bad" : "")
        }
    }
}
