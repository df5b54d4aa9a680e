import ZoneCore

/// The "add a step" forms of a draft plan, one small form per kind of step (no JavaScript).
struct PlanStepForms {
    let planID: Int64
    let version: Int
    let principal: Principal
    let after: OrgSnapshot
    let names: PlanNames

    /// Units alive after the steps so far: what a next step can name.
    var unitOptions: [(String, String)] {
        after.liveUnits.map { (PlanStepParser.encode($0.ref), $0.name) }
    }

    /// A unit choice that starts empty, so no step acts on the zone itself by default.
    var pickUnit: [(String, String)] { [("", "请选择机构")] + unitOptions }

    var html: HTML {
        HTML.tag("div", ["class": "card"]) {
            HTML.tag("h2") { "添加步骤" }
            form("create", "新设机构") {
                HTML.tag("input", ["type": "text", "name": "name", "placeholder": "机构名称", "aria-label": "机构名称"])
                select("parent", "隶属", [("", "（园区直属）")] + unitOptions)
                select("kind", "类别", [UnitKind.department, .institution, .park, .statutory, .company, .discipline, .committee].map { ($0.rawValue, $0.label) })
                select("orgType", "性质", OrgType.allCases.map { ($0.rawValue, $0.rawValue) })
                select("funding", "经费形式", Funding.allCases.map { ($0.rawValue, $0.rawValue) })
                HTML.tag("input", ["type": "text", "name": "rank", "placeholder": "规格，如 正科级", "aria-label": "规格"])
                select("economic", "经济职能", [("0", "非经济职能"), ("1", "经济职能")])
            }
            form("merge", "合并机构") {
                HTML.tag("select", ["name": "sources", "multiple": "multiple", "size": "4", "aria-label": "被合并机构（可多选）"]) {
                    for (value, label) in unitOptions { HTML.tag("option", ["value": value]) { label } }
                }
                HTML.tag("span", ["class": "hint"]) { "并入" }
                select("target", "目标机构", pickUnit)
            }
            form("abolish", "撤销机构") {
                select("unit", "撤销的机构", pickUnit)
                destination()
            }
            form("move", "人员调整 / 分流") {
                HTML.tag("input", ["type": "text", "name": "people", "placeholder": "人员编号，逗号分隔", "aria-label": "人员编号"])
                destination()
            }
            form("establishment", "核定编制") {
                select("unit", "机构", pickUnit)
                select("category", "编制类别", EstablishmentCategory.allCases.map { ($0.rawValue, $0 == .postCap ? "员额" : $0.rawValue + "编制") })
                HTML.tag("input", ["type": "text", "name": "quota", "placeholder": "核定数（留空为取消）", "aria-label": "核定数"])
            }
            form("leadership", "核定领导职数") {
                select("unit", "机构", pickUnit)
                select("class", "职数类别", LeadershipClass.allCases.map { ($0.rawValue, $0.label) })
                HTML.tag("input", ["type": "text", "name": "quota", "placeholder": "职数（留空为取消）", "aria-label": "职数"])
            }
            form("economic", "职能定位") {
                select("unit", "机构", pickUnit)
                select("economic", "经济职能", [("1", "确定为经济职能机构"), ("0", "不作为经济职能机构")])
            }
            form("rename", "更名") {
                select("unit", "机构", pickUnit)
                HTML.tag("input", ["type": "text", "name": "name", "placeholder": "新名称", "aria-label": "新名称"])
            }
        }
    }

    func form(_ op: String, _ title: String, @HTMLBuilder _ fields: () -> [HTML]) -> HTML {
        HTML.tag("form", ["class": "inline step", "method": "post", "action": "/plans/\(planID)/steps"]) {
            Components.csrf(principal)
            HTML.tag("input", ["type": "hidden", "name": "op", "value": op])
            HTML.tag("input", ["type": "hidden", "name": "version", "value": String(version)])
            HTML.tag("strong", ["class": "step-title"]) { title }
            fields()
            HTML.tag("button", ["type": "submit", "class": "secondary"]) { "添加" }
        }
    }

    func select(_ name: String, _ label: String, _ options: [(String, String)]) -> HTML {
        HTML.tag("select", ["name": name, "aria-label": label]) {
            for (value, text) in options { HTML.tag("option", ["value": value]) { text } }
        }
    }

    func destination() -> HTML {
        HTML.tag("span", ["class": "hint"]) { "人员去向" }
        + select("to", "人员去向", [("divert", "分流出园区")] + unitOptions.map { ($0.0, "转入 " + $0.1) })
        + HTML.tag("input", ["type": "text", "name": "divertTo", "placeholder": "分流去向，如：七星关区", "aria-label": "分流去向"])
    }
}
