import ZoneCore
import ZoneStore

extension AppraisalPage {
    // MARK: KPI cascade

    var cascade: HTML {
        let byParent = Dictionary(grouping: data.indicators, by: \.parentID)
        let editable = manages && data.appraisal.status.acceptsInputs
        let roots = byParent[nil] ?? []
        let tables = HTML.tag("div") {
            for root in roots {
                HTML.tag("h2") { "\(root.level.label)：\(root.name)" }
                HTML.tag("table", ["class": "grid"]) {
                    HTML.tag("tr") {
                        for h in ["层级", "责任对象", "指标", "权重", "计分规则", "周期", "数据来源", "实际值", "得分"] { HTML.tag("th") { h } }
                        if editable { HTML.tag("th") { "" } }
                    }
                    rows(root, depth: 0, byParent: byParent, editable: editable)
                }
            }
        }
        return HTML.tag("div") {
            HTML.tag("div", ["class": "card"]) {
                HTML.tag("p", ["class": "hint"]) {
                    "指标分解：园区 → 部门 → 个人，共\(data.indicators.count)项。每个考核对象的计权指标权重合计须为100；加分、扣分、否决项不计权，实际值填发生次数。"
                        + "未设个人指标的人员按所在部门（或上级单位、园区）的指标计分。"
                }
                if editable {
                    HTML.tag("form", ["method": "post", "action": base + "/actuals"]) {
                        Components.csrf(principal)
                        tables
                        HTML.tag("div", ["class": "actions"]) { HTML.tag("button", ["type": "submit"]) { "保存实际值" } }
                    }
                } else {
                    tables
                }
            }
            if editable { addForm }
        }
    }

    /// An indicator's row followed by the rows it was split into, indented by level.
    func rows(_ node: StoredIndicator, depth: Int, byParent: [Int64?: [StoredIndicator]], editable: Bool) -> HTML {
        HTML.tag("tr") {
            HTML.tag("td") { String(repeating: "　", count: depth) + node.level.label }
            HTML.tag("td") { owner(node) }
            HTML.tag("td") { HTML.tag("strong") { node.name } }
            HTML.tag("td", ["class": "num"]) { node.rule.isWeighted ? "\(node.weight)" : "不计权" }
            HTML.tag("td", ["class": "wrap"]) { node.rule.summary }
            HTML.tag("td") { node.cycle.label }
            HTML.tag("td") { node.dataSource.isEmpty ? "—" : node.dataSource }
            HTML.tag("td") {
                if editable {
                    HTML.tag("input", ["type": "text", "name": "actual_\(node.id)", "value": node.actual.map(node.rule.actualText) ?? "",
                                       "size": "7", "aria-label": "\(node.name)（\(owner(node))）实际值"])
                    " " + (node.rule.isWeighted ? node.measure : "次")
                } else {
                    node.actual.map { node.rule.actualText($0) + (node.rule.isWeighted ? node.measure : "次") } ?? "未录入"
                }
            }
            HTML.tag("td", ["class": "num"]) { node.actual.map { points(node.rule, $0) } ?? "—" }
            if editable {
                HTML.tag("td") {
                    HTML.tag("button", ["type": "submit", "class": "link", "formaction": "\(base)/indicators/\(node.id)/delete"]) { "删除" }
                }
            }
        }
        + HTML.tag("tbody") {
            for child in byParent[node.id] ?? [] { rows(child, depth: depth + 1, byParent: byParent, editable: editable) }
        }
    }

    /// Points as the sheet counts them: the indicator's score, or what an item adds or takes.
    func points(_ rule: IndicatorRule, _ actual: Int64) -> String {
        switch rule {
        case .linear, .thresholds: ScoreScale.text(rule.points(actual: actual))
        case .bonus: "+" + ScoreScale.text(rule.points(actual: actual))
        case .penalty: "−" + ScoreScale.text(rule.points(actual: actual))
        case .veto: rule.vetoes(actual: actual) ? "否决" : "—"
        }
    }

    func owner(_ indicator: StoredIndicator) -> String {
        switch indicator.level {
        case .zone: "园区"
        case .department: indicator.unitID.flatMap { data.tree[$0]?.name } ?? "—"
        case .person: indicator.personID.map { personName($0) } ?? "—"
        }
    }

    var addForm: HTML {
        HTML.tag("div", ["class": "card"]) {
            HTML.tag("h2") { "新增指标" }
            HTML.tag("form", ["method": "post", "action": base + "/indicators", "class": "stack"]) {
                Components.csrf(principal)
                HTML.tag("div", ["class": "inline"]) {
                    HTML.tag("select", ["name": "level", "aria-label": "层级"]) {
                        for level in StoredIndicator.Level.allCases { HTML.tag("option", ["value": level.rawValue]) { level.label } }
                    }
                    HTML.tag("select", ["name": "parentID", "aria-label": "分解自"]) {
                        HTML.tag("option", ["value": ""]) { "（园区指标无上级）" }
                        for i in data.indicators where i.level != .person {
                            HTML.tag("option", ["value": "\(i.id)"]) { "\(i.level.label)：\(i.name)（\(owner(i))）" }
                        }
                    }
                    HTML.tag("select", ["name": "unitID", "aria-label": "责任单位"]) {
                        for (unit, depth) in data.tree.flattened() {
                            HTML.tag("option", ["value": "\(unit.id)"]) { String(repeating: "　", count: depth) + unit.name }
                        }
                    }
                    HTML.tag("input", ["type": "number", "name": "personID", "placeholder": "人员编号（个人指标）", "aria-label": "人员编号"])
                }
                HTML.tag("div", ["class": "inline"]) {
                    HTML.tag("input", ["type": "text", "name": "name", "placeholder": "指标名称", "aria-label": "指标名称"])
                    HTML.tag("input", ["type": "text", "name": "measure", "placeholder": "计量单位，如 亿元、%", "aria-label": "计量单位", "size": "10"])
                    HTML.tag("input", ["type": "number", "name": "weight", "placeholder": "权重", "aria-label": "权重", "min": "0", "max": "100"])
                    HTML.tag("select", ["name": "cycle", "aria-label": "周期"]) {
                        for cycle in AppraisalCycle.allCases { HTML.tag("option", ["value": cycle.rawValue, "selected": cycle == .annual ? "selected" : nil]) { cycle.label } }
                    }
                    HTML.tag("input", ["type": "text", "name": "dataSource", "placeholder": "数据来源", "aria-label": "数据来源"])
                    HTML.tag("input", ["type": "text", "name": "owner", "placeholder": "责任人", "aria-label": "责任人"])
                }
                HTML.tag("div", ["class": "inline"]) {
                    HTML.tag("select", ["name": "ruleKind", "aria-label": "计分规则"]) {
                        for (value, label) in [("linear", "线性计分"), ("thresholds", "分档计分"), ("bonus", "加分项"), ("penalty", "扣分项"), ("veto", "一票否决")] {
                            HTML.tag("option", ["value": value]) { label }
                        }
                    }
                    HTML.tag("input", ["type": "text", "name": "target", "placeholder": "目标值（线性）", "aria-label": "目标值"])
                    HTML.tag("input", ["type": "number", "name": "cap", "value": "100", "aria-label": "封顶百分比", "min": "100", "max": "300"])
                    HTML.tag("input", ["type": "text", "name": "steps", "placeholder": "分档：起点:得分，如 90:100, 60:70", "aria-label": "分档"])
                    HTML.tag("input", ["type": "text", "name": "perItem", "placeholder": "每项分值", "aria-label": "每项分值", "size": "8"])
                    HTML.tag("input", ["type": "text", "name": "max", "placeholder": "最多分值", "aria-label": "最多分值", "size": "8"])
                }
                HTML.tag("div", ["class": "actions"]) { HTML.tag("button", ["type": "submit"]) { "新增指标" } }
            }
        }
    }

    // MARK: Result list (考核结果公示)

    var resultList: HTML {
        let byGrade = Dictionary(grouping: data.results, by: \.grade)
        let units = Array(Set(data.results.map(\.unitID))).sorted()
        return HTML.tag("div") {
            HTML.tag("div", ["class": "actions"]) {
                HTML.tag("a", ["class": "btn secondary", "href": base + "/results.xlsx"]) { "导出 Excel" }
            }
            HTML.tag("div", ["class": "card"]) {
                HTML.tag("h2") { "各单位等次分布" }
                HTML.tag("table", ["class": "grid"]) {
                    HTML.tag("tr") {
                        HTML.tag("th") { "单位" }
                        HTML.tag("th", ["class": "num"]) { "人数" }
                        for g in rules.grades.grades { HTML.tag("th", ["class": "num"]) { g.label } }
                    }
                    for unit in units {
                        let members = data.results.filter { $0.unitID == unit }
                        HTML.tag("tr") {
                            HTML.tag("td") { data.tree[unit]?.name ?? "单位\(unit)" }
                            HTML.tag("td", ["class": "num"]) { "\(members.count)" }
                            for g in rules.grades.grades { HTML.tag("td", ["class": "num"]) { "\(members.filter { $0.grade == g.key }.count)" } }
                        }
                    }
                }
            }
            for grade in rules.grades.grades {
                let members = byGrade[grade.key] ?? []
                HTML.tag("div", ["class": "card", "id": "grade-\(grade.key)"]) {
                    HTML.tag("h2") { "\(grade.label)（\(members.count)人）" }
                    HTML.tag("table", ["class": "grid"]) {
                        HTML.tag("tr") { for h in ["姓名", "单位", "KPI", "综合得分", "等次", "说明"] { HTML.tag("th") { h } } }
                        for r in members {
                            HTML.tag("tr") {
                                HTML.tag("td") { HTML.tag("a", ["href": "\(base)/people/\(r.personID)"]) { r.name } }
                                HTML.tag("td") { data.tree[r.unitID]?.name ?? "" }
                                HTML.tag("td", ["class": "num"]) { ScoreScale.text(Int32(r.kpi)) }
                                HTML.tag("td", ["class": "num"]) { ScoreScale.text(Int32(r.score)) }
                                HTML.tag("td") { gradeTag(r.grade) }
                                HTML.tag("td") { notes(r) }
                            }
                        }
                    }
                }
            }
        }
    }

    func notes(_ r: AppraisalResultRow) -> String {
        var notes: [String] = []
        if r.grade != r.computedGrade { notes.append("经申诉由\(gradeLabel(r.computedGrade))更正") }
        if r.vetoed { notes.append("一票否决") }
        if r.bottomBand { notes.append("末位") }
        if r.flagged { notes.append("分界同分，待复核") }
        if data.exemptions.contains(where: { $0.personID == r.personID }) { notes.append("有容错免责") }
        return notes.joined(separator: "；")
    }

    // MARK: 考核登记表

    func card(person: Person, input: AppraisalInput?) -> HTML {
        let result = data.results.first { $0.personID == person.id }
        let lines = sheet(for: person)
        let exempted = Set(data.exemptions.filter { $0.personID == person.id }.map(\.indicatorID))
        let own = principal.scope == .person(person.id)
        let objections = data.objections.filter { $0.personID == person.id }
        return HTML.tag("div") {
            HTML.tag("div", ["class": "card"]) {
                HTML.tag("h2") { "考核登记表：\(person.name)（\(data.tree[person.unitID]?.name ?? "")）" }
                HTML.tag("table", ["class": "grid"]) {
                    HTML.tag("tr") { for h in ["指标", "计分规则", "权重", "实际值", "得分", "备注"] { HTML.tag("th") { h } } }
                    for line in lines {
                        HTML.tag("tr") {
                            HTML.tag("td") { line.name }
                            HTML.tag("td") { line.rule.summary }
                            HTML.tag("td", ["class": "num"]) { line.rule.isWeighted ? "\(line.weight)" : "—" }
                            HTML.tag("td", ["class": "num"]) { line.actual.map { line.rule.actualText($0) + (line.rule.isWeighted ? line.measure : "次") } ?? "未录入" }
                            HTML.tag("td", ["class": "num"]) { line.actual.map { points(line.rule, $0) } ?? "—" }
                            HTML.tag("td") {
                                if exempted.contains(line.id), let e = data.exemptions.first(where: { $0.personID == person.id && $0.indicatorID == line.id }) {
                                    Components.tag("容错免责", kind: "ok")
                                    " \(e.reason)（\(e.approver)）"
                                }
                            }
                        }
                    }
                }
            }
            HTML.tag("div", ["class": "stats"]) {
                Components.stat("KPI（\(rules.weights.kpi)%）", result.map { ScoreScale.text(Int32($0.kpi)) } ?? "—")
                Components.stat("360测评（\(rules.weights.peer360)%）", input.map { ScoreScale.text(Int32($0.peer360)) } ?? "—")
                Components.stat("领导评价（\(rules.weights.leader)%）", input.map { ScoreScale.text(Int32($0.leader)) } ?? "—")
                Components.stat("工作日志（\(rules.weights.worklog)%）", input.map { "\($0.worklogSubmitted)/\($0.worklogRequired)" } ?? "—")
                Components.stat("综合得分", result.map { ScoreScale.text(Int32($0.score)) } ?? "未计算")
                Components.stat("等次", result.map { gradeLabel($0.grade) } ?? "—")
            }
            if let result, !notes(result).isEmpty { HTML.tag("p", ["class": "hint"]) { notes(result) } }
            if !objections.isEmpty {
                HTML.tag("div", ["class": "card"]) {
                    HTML.tag("h2") { "申诉记录" }
                    for o in objections {
                        HTML.tag("p") {
                            Components.tag(o.status.label, kind: o.status == .pending ? "warn" : "ok")
                            " \(o.reason)" + (o.reply.map { " — 复核意见：\($0)" } ?? "")
                        }
                    }
                }
            }
            if own, result != nil, data.appraisal.status == .published, !objections.contains(where: { $0.status == .pending }) {
                HTML.tag("div", ["class": "card"]) {
                    HTML.tag("h2") { "对考核结果有异议？公示期至 \(data.appraisal.publicityEnds ?? "")" }
                    HTML.tag("form", ["method": "post", "action": base + "/objections"]) {
                        Components.csrf(principal)
                        HTML.tag("textarea", ["class": "sheet", "name": "reason", "rows": "3", "aria-label": "申诉理由", "placeholder": "请写明事实与理由"])
                        HTML.tag("div", ["class": "actions"]) { HTML.tag("button", ["type": "submit"]) { "提交申诉" } }
                    }
                }
            }
        }
    }

    /// The indicators that score this person (own, else the unit's or an ancestor's, else the zone's).
    func sheet(for person: Person) -> [StoredIndicator] {
        let personSheets = Set(data.indicators.filter { $0.level == .person }.compactMap(\.personID))
        let unitSheets = Set(data.indicators.filter { $0.level == .department }.compactMap(\.unitID))
        let parents = Dictionary(uniqueKeysWithValues: data.tree.units.map { ($0.id, $0.parentID) })
        switch SheetOwner.resolve(personID: person.id, unitID: person.unitID, personSheets: personSheets, unitSheets: unitSheets,
                                  parentOf: parents, zoneSheet: data.indicators.contains { $0.level == .zone }) {
        case .person(let id): return data.indicators.filter { $0.level == .person && $0.personID == id }
        case .unit(let id): return data.indicators.filter { $0.level == .department && $0.unitID == id }
        case .zone: return data.indicators.filter { $0.level == .zone }
        case nil: return []
        }
    }
}
