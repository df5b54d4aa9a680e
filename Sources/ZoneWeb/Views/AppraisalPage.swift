import ZoneCore
import ZoneStore

/// The pages of one year's appraisal: overview (rules, actions, groups, departments, inputs,
/// exemptions, objections, consequences), the KPI cascade, the result list (公示) and a person's
/// 考核登记表.
struct AppraisalPage {
    struct Data {
        let appraisal: StoredAppraisal
        let policy: ZonePolicy
        let tree: UnitTree
        /// Only those within the viewer's scope.
        let results: [AppraisalResultRow]
        let groups: [AppraisalGroupRow]
        let departments: [DepartmentResultRow]
        let indicators: [StoredIndicator]
        let exemptions: [AppraisalExemptionRow]
        let approvals: [Int64: String]
        let objections: [AppraisalObjection]
        let proposals: [ConsequenceProposalRow]
        let inputCount: Int
        /// Indicators per year in the zone, for the streamlining figure.
        let indicatorCounts: [Int: Int]
    }

    let data: Data
    let principal: Principal

    var rules: AppraisalRules { data.policy.appraisal }
    var base: String { "/appraisals/\(data.appraisal.id)" }
    var manages: Bool { principal.can(.manageAppraisals) }

    func gradeLabel(_ key: String) -> String { rules.grades[key]?.label ?? key }

    func groupName(_ key: Int64) -> String {
        switch rules.distribution.group {
        case .unit: data.tree[key]?.name ?? "单位\(key)"
        case .postRank: key == 0 ? "未聘岗位" : "岗位层级 \(key)"
        }
    }

    func personName(_ id: Int64) -> String { data.results.first { $0.personID == id }?.name ?? "人员\(id)" }

    func gradeTag(_ key: String) -> HTML {
        let rank = rules.grades.rank(of: key) ?? 0
        return Components.tag(gradeLabel(key), kind: rank == 0 ? "ok" : rank == rules.grades.grades.count - 1 ? "bad" : "")
    }

    /// The appraisal's pages for those who may see them; a person looking at their own card goes back to their page.
    var tabs: HTML {
        guard principal.can(.viewAppraisals) else {
            return HTML.tag("div", ["class": "actions"]) { HTML.tag("a", ["class": "btn secondary", "href": "/my"]) { "返回我的考核与工资" } }
        }
        return HTML.tag("div", ["class": "actions"]) {
            HTML.tag("a", ["class": "btn secondary", "href": base]) { "概况与规则" }
            HTML.tag("a", ["class": "btn secondary", "href": base + "/indicators"]) { "指标分解（KPI）" }
            HTML.tag("a", ["class": "btn secondary", "href": base + "/results"]) { "考核结果" }
        }
    }

    // MARK: Overview

    var overview: HTML {
        let a = data.appraisal
        var counts = [Int](repeating: 0, count: rules.grades.grades.count)
        for r in data.results { counts[rules.grades.rank(of: r.grade) ?? 0] += 1 }
        return HTML.tag("div") {
            HTML.tag("div", ["class": "stats"]) {
                Components.stat("状态", a.status.label)
                Components.stat("参评人数", "\(data.results.count)", href: base + "/results")
                Components.stat("已录入测评", "\(data.inputCount)")
                Components.stat("公示期至", a.publicityEnds.map { "\($0)" } ?? "—")
                Components.stat("考核指标", streamlining, href: base + "/indicators")
            }
            if manages { actions }
            if !data.results.isEmpty {
                HTML.tag("div", ["class": "card"]) {
                    SVGChart.bars(title: "等次分布（\(data.results.count)人）", rules.grades.grades.enumerated().map { rank, grade in
                        SVGChart.Bar(label: grade.label, value: Int64(counts[rank]), valueText: "\(counts[rank])人", href: base + "/results#grade-\(grade.key)",
                                     kind: rank == 0 ? "ok" : rank == rules.grades.grades.count - 1 ? "bad" : "")
                    })
                }
            }
            rulesCard
            if !data.groups.isEmpty { groupsCard }
            if !data.departments.isEmpty || rules.departmentCoefficient.source == .assigned { departmentsCard }
            if manages { inputsCard }
            exemptionsCard
            if !data.objections.isEmpty { objectionsCard }
            if a.status == .final { proposalsCard }
        }
    }

    /// 指标精简 (新余 162 → 69, 57.4%): this year's count against last year's, from entered indicators.
    var streamlining: String {
        let year = data.appraisal.year
        let now = data.indicatorCounts[year] ?? 0
        guard let before = data.indicatorCounts[year - 1], before > 0 else { return "\(now)项" }
        let change = before >= now ? "精简 \(Percent.format(before - now, of: before))" : "增加 \(Percent.format(now - before, of: before))"
        return "\(now)项（上年\(before)项，\(change)）"
    }

    var actions: HTML {
        let status = data.appraisal.status
        return HTML.tag("div", ["class": "card"]) {
            HTML.tag("form", ["class": "inline", "method": "post", "action": base + "/status"]) {
                Components.csrf(principal)
                if status.acceptsInputs {
                    HTML.tag("button", ["type": "submit", "name": "to", "value": "compute"]) { status == .computed ? "重新计算" : "计算考核结果" }
                }
                if status == .computed {
                    HTML.tag("button", ["type": "submit", "name": "to", "value": "publish"]) { "公示结果（\(rules.publicityWorkingDays)个工作日）" }
                }
                if status == .published {
                    HTML.tag("button", ["type": "submit", "name": "to", "value": "final"]) { "公示期满，确定结果" }
                }
            }
            HTML.tag("p", ["class": "hint"]) {
                switch status {
                case .draft: "录入指标实际值、测评得分与工作日志后计算；计算前可反复修改。"
                case .computed: "已计算。修改任何录入会撤销结果并需重新计算；核对无误后公示。"
                case .published: "公示期内受理本人申诉；公示期满且申诉均已复核后方可确定结果。"
                case .final: "结果已确定，按政策生成的处理建议须由领导逐项决定，系统不自动执行。"
                }
            }
        }
    }

    var rulesCard: HTML {
        let d = rules.distribution
        return HTML.tag("div", ["class": "card"]) {
            HTML.tag("h2") { "本年度适用的考核规则（\(data.policy.name) 政策第\(data.appraisal.policyVersion)版）" }
            HTML.tag("dl", ["class": "rules"]) {
                HTML.tag("dt") { "得分构成" }
                HTML.tag("dd") { "KPI \(rules.weights.kpi)% ＋ 360测评 \(rules.weights.peer360)% ＋ 领导评价 \(rules.weights.leader)% ＋ 工作日志完整度 \(rules.weights.worklog)%" }
                HTML.tag("dt") { "等次与分数线" }
                HTML.tag("dd") { rules.grades.grades.map { "\($0.label) ≥\($0.minScore)分" }.joined(separator: "；") }
                HTML.tag("dt") { "强制分布" }
                HTML.tag("dd") {
                    "比较组：\(d.group.label)；\(gradeLabel(d.top.grade))不超过 \(d.top.cap.percentText)（经批准可至 \(d.top.approvedCap.percentText)）"
                        + (d.bottom.map { "；末位不少于 \($0.floor.percentText)" + ($0.grade.map { "，定为\(gradeLabel($0))" } ?? "（仅标记）") } ?? "")
                }
                HTML.tag("dt") { "小组人数取整" }
                HTML.tag("dd") { "\(d.rounding.label)：名额 = 比例 × 组内人数 后\(d.rounding.label)。例：10人组优秀名额 \(d.rounding.count(d.top.cap, of: 10)) 人，4人组 \(d.rounding.count(d.top.cap, of: 4)) 人。" }
                HTML.tag("dt") { "同分排序" }
                HTML.tag("dd") { d.tieBreak.map(\.label).joined(separator: " → ") + "；分界处同分者标记待复核。一票否决者定为最低等次。" }
                HTML.tag("dt") { "部门价值系数" }
                HTML.tag("dd") { "\(rules.departmentCoefficient.source.label)，范围 \(rules.departmentCoefficient.range.lowerBound)–\(rules.departmentCoefficient.range.upperBound)" }
                HTML.tag("dt") { "结果运用" }
                HTML.tag("dd") {
                    rules.consequences.isEmpty ? "政策未规定" : rules.consequences.map { "\(ConsequenceRulePhrase.text($0, grades: rules.grades))" }.joined(separator: "；")
                }
                HTML.tag("dt") { "公示" }
                HTML.tag("dd") { "\(rules.publicityWorkingDays)个工作日（节假日顺延），公示期内受理申诉" }
            }
        }
    }

    var groupsCard: HTML {
        HTML.tag("div", ["class": "card"]) {
            HTML.tag("h2") { "比较组（\(rules.distribution.group.label)）" }
            HTML.tag("table", ["class": "grid"]) {
                HTML.tag("tr") {
                    for h in ["比较组", "人数", "优秀名额（取整前→后）", "获\(gradeLabel(rules.distribution.top.grade))", "按比例降档", "末位", "一票否决", "提高比例批准", "并列待复核"] {
                        HTML.tag("th") { h }
                    }
                }
                for g in data.groups {
                    let t = g.tally
                    HTML.tag("tr") {
                        HTML.tag("td") { groupName(g.groupKey) }
                        HTML.tag("td", ["class": "num"]) { "\(t.size)" }
                        HTML.tag("td", ["class": "num"]) { "\(t.roundedCap) → \(t.capCount)" }
                        HTML.tag("td", ["class": "num"]) { "\(t.top)" }
                        HTML.tag("td", ["class": "num"]) { "\(t.demoted)" }
                        HTML.tag("td", ["class": "num"]) { "\(t.floorCount)" }
                        HTML.tag("td", ["class": "num"]) { "\(t.vetoed)" }
                        HTML.tag("td") { data.approvals[g.groupKey] ?? "—" }
                        HTML.tag("td") { g.ties.isEmpty ? "—" : g.ties }
                    }
                }
            }
            if manages && data.appraisal.status.acceptsInputs {
                HTML.tag("form", ["class": "inline", "method": "post", "action": base + "/approvals"]) {
                    Components.csrf(principal)
                    HTML.tag("select", ["name": "groupKey", "aria-label": "比较组"]) {
                        for g in data.groups { HTML.tag("option", ["value": "\(g.groupKey)"]) { groupName(g.groupKey) } }
                    }
                    HTML.tag("input", ["type": "text", "name": "document", "placeholder": "批准文号", "aria-label": "批准文号"])
                    HTML.tag("button", ["type": "submit"]) { "登记提高优秀比例至 \(rules.distribution.top.approvedCap.percentText)" }
                }
            }
        }
    }

    var departmentsCard: HTML {
        HTML.tag("div", ["class": "card"]) {
            HTML.tag("h2") { "部门考核结果与价值系数" }
            HTML.tag("table", ["class": "grid"]) {
                HTML.tag("tr") { for h in ["单位", "部门KPI得分", "价值系数"] { HTML.tag("th") { h } } }
                for d in data.departments {
                    HTML.tag("tr") {
                        HTML.tag("td") { data.tree[d.unitID]?.name ?? "单位\(d.unitID)" }
                        HTML.tag("td", ["class": "num"]) { d.score.map { ScoreScale.text(Int32($0)) } ?? "—" }
                        HTML.tag("td", ["class": "num"]) { FixedPoint.format(d.coefficientMilli, places: 3) }
                    }
                }
            }
            if manages && rules.departmentCoefficient.source == .assigned && data.appraisal.status.acceptsInputs {
                HTML.tag("form", ["class": "inline", "method": "post", "action": base + "/coefficients"]) {
                    Components.csrf(principal)
                    HTML.tag("select", ["name": "unitID", "aria-label": "单位"]) {
                        for (unit, depth) in data.tree.flattened() {
                            HTML.tag("option", ["value": "\(unit.id)"]) { String(repeating: "　", count: depth) + unit.name }
                        }
                    }
                    HTML.tag("input", ["type": "text", "name": "coefficient", "placeholder": "系数，如 1.200", "aria-label": "价值系数"])
                    HTML.tag("button", ["type": "submit"]) { "登记审定的价值系数" }
                }
            }
        }
    }

    var inputsCard: HTML {
        HTML.tag("div", ["class": "card"]) {
            HTML.tag("h2") { "测评得分与工作日志（已录入\(data.inputCount)人）" }
            if data.appraisal.status.acceptsInputs {
                HTML.tag("form", ["method": "post", "action": base + "/inputs"]) {
                    Components.csrf(principal)
                    HTML.tag("p", ["class": "hint"]) { "从 Excel/WPS 复制粘贴，每行一人，列为：\(AppraisalForms.inputColumns)。得分为0–100，可带两位小数；已录入的人员将被覆盖。整批校验通过才保存。" }
                    HTML.tag("textarea", ["class": "sheet", "name": "rows", "rows": "5", "aria-label": "测评与工作日志", "placeholder": "1024\t92.5\t90\t12\t12\t86"])
                    HTML.tag("div", ["class": "actions"]) { HTML.tag("button", ["type": "submit"]) { "校验并保存" } }
                }
            }
        }
    }

    var exemptionsCard: HTML {
        let items = data.indicators.filter { $0.rule.isExemptible }
        return HTML.tag("div", ["class": "card"]) {
            HTML.tag("h2") { "容错纠错免责（\(data.exemptions.count)项）" }
            HTML.tag("table", ["class": "grid"]) {
                HTML.tag("tr") { for h in ["人员", "免责指标", "理由", "批准", "登记人"] { HTML.tag("th") { h } } }
                for e in data.exemptions {
                    HTML.tag("tr") {
                        HTML.tag("td") { HTML.tag("a", ["href": "\(base)/people/\(e.personID)"]) { personName(e.personID) } }
                        HTML.tag("td") { data.indicators.first { $0.id == e.indicatorID }?.name ?? "" }
                        HTML.tag("td") { e.reason }
                        HTML.tag("td") { e.approver }
                        HTML.tag("td") { e.recordedBy }
                    }
                }
            }
            if manages && data.appraisal.status.acceptsInputs && !items.isEmpty {
                HTML.tag("form", ["class": "inline", "method": "post", "action": base + "/exemptions"]) {
                    Components.csrf(principal)
                    HTML.tag("input", ["type": "number", "name": "personID", "placeholder": "人员编号", "aria-label": "人员编号"])
                    HTML.tag("select", ["name": "indicatorID", "aria-label": "指标"]) {
                        for i in items { HTML.tag("option", ["value": "\(i.id)"]) { "\(i.name)（\(i.unitID.flatMap { data.tree[$0]?.name } ?? "园区")）" } }
                    }
                    HTML.tag("input", ["type": "text", "name": "reason", "placeholder": "免责理由", "aria-label": "免责理由"])
                    HTML.tag("input", ["type": "text", "name": "approver", "placeholder": "批准机关及文号", "aria-label": "批准"])
                    HTML.tag("button", ["type": "submit"]) { "登记免责" }
                }
            }
        }
    }

    var objectionsCard: HTML {
        HTML.tag("div", ["class": "card"]) {
            HTML.tag("h2") { "申诉" }
            HTML.tag("table", ["class": "grid"]) {
                HTML.tag("tr") { for h in ["申诉人", "理由", "状态", "复核意见", "处理"] { HTML.tag("th") { h } } }
                for o in data.objections {
                    HTML.tag("tr") {
                        HTML.tag("td") { HTML.tag("a", ["href": "\(base)/people/\(o.personID)"]) { personName(o.personID) } }
                        HTML.tag("td") { o.reason }
                        HTML.tag("td") { Components.tag(o.status.label, kind: o.status == .pending ? "warn" : "ok") }
                        HTML.tag("td") { (o.reply ?? "") + (o.newGrade.map { "（更正为\(gradeLabel($0))）" } ?? "") }
                        HTML.tag("td") {
                            if o.status == .pending && manages && data.appraisal.status == .published {
                                HTML.tag("form", ["class": "inline", "method": "post", "action": "\(base)/objections/\(o.id)"]) {
                                    Components.csrf(principal)
                                    HTML.tag("select", ["name": "decision", "aria-label": "复核结论"]) {
                                        HTML.tag("option", ["value": "rejected"]) { "维持原结果" }
                                        HTML.tag("option", ["value": "upheld"]) { "更正等次" }
                                    }
                                    HTML.tag("select", ["name": "grade", "aria-label": "更正后等次"]) {
                                        for g in rules.grades.grades { HTML.tag("option", ["value": g.key]) { g.label } }
                                    }
                                    HTML.tag("input", ["type": "text", "name": "reply", "placeholder": "复核意见", "aria-label": "复核意见"])
                                    HTML.tag("button", ["type": "submit"]) { "提交" }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    var proposalsCard: HTML {
        HTML.tag("div", ["class": "card"]) {
            HTML.tag("h2") { "结果运用建议（\(data.proposals.count)项，须由领导决定）" }
            HTML.tag("table", ["class": "grid"]) {
                HTML.tag("tr") { for h in ["人员", "建议", "依据", "决定"] { HTML.tag("th") { h } } }
                for p in data.proposals {
                    HTML.tag("tr") {
                        HTML.tag("td") { HTML.tag("a", ["href": "\(base)/people/\(p.personID)"]) { personName(p.personID) } }
                        HTML.tag("td") { p.action }
                        HTML.tag("td") { p.reason }
                        HTML.tag("td") {
                            if let decision = p.decision {
                                Components.tag(decision.label, kind: decision == .accepted ? "warn" : "")
                                " \(p.note ?? "")（\(p.decidedBy ?? "")）"
                            } else if principal.can(.decideConsequences) {
                                HTML.tag("form", ["class": "inline", "method": "post", "action": "\(base)/proposals/\(p.id)"]) {
                                    Components.csrf(principal)
                                    HTML.tag("select", ["name": "decision", "aria-label": "决定"]) {
                                        for d in ConsequenceProposalRow.Decision.allCases { HTML.tag("option", ["value": d.rawValue]) { d.label } }
                                    }
                                    HTML.tag("input", ["type": "text", "name": "note", "placeholder": "决定依据（会议纪要等）", "aria-label": "决定依据"])
                                    HTML.tag("button", ["type": "submit"]) { "记录决定" }
                                }
                            } else {
                                Components.tag("待决定", kind: "warn")
                            }
                        }
                    }
                }
                if data.proposals.isEmpty { HTML.tag("tr") { HTML.tag("td", ["colspan": "4", "class": "hint"]) { "按政策无需处理的人员" } } }
            }
        }
    }
}
