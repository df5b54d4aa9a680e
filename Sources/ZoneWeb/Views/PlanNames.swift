import ZoneCore

/// Names for units a plan mentions (existing or created by a step), and readable step texts.
struct PlanNames {
    let names: [UnitRef: String]

    init(outcome: PlanOutcome) {
        names = Dictionary(outcome.names.map { ($0.ref, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    init(before: OrgSnapshot, after: OrgSnapshot, steps: [PlanOperation]) {
        var names: [UnitRef: String] = [:]
        for unit in before.units { names[unit.ref] = unit.name }
        for step in steps { if case .create(let new) = step { names[.new(new.key)] = new.name } }
        for unit in after.units where names[unit.ref] == nil { names[unit.ref] = unit.name }
        self.names = names
    }

    func name(_ ref: UnitRef) -> String { "“" + (names[ref] ?? ref.description) + "”" }

    func destination(_ d: Destination) -> String {
        switch d {
        case .unit(let ref): "转入" + name(ref)
        case .diverted(let place): "分流至" + place
        }
    }

    func describe(_ op: PlanOperation) -> String {
        switch op {
        case .create(let u):
            "新设\(u.kind.label)“\(u.name)”（\(u.orgType.rawValue)\(u.isEconomic ? "，经济职能" : "")）" + (u.parent.map { "，隶属" + name($0) } ?? "")
        case .merge(let sources, let target): "将" + sources.map(name).joined(separator: "、") + "并入" + name(target)
        case .abolish(let unit, let to): "撤销" + name(unit) + "，人员" + destination(to)
        case .movePeople(let ids, let to): "人员（编号 " + ids.map(String.init).joined(separator: "、") + "）" + destination(to)
        case .setEstablishment(let unit, let c, let q):
            name(unit) + (q.map { "核定\(c == .postCap ? "员额" : c.rawValue + "编制") \($0) 名" } ?? "取消\(c.rawValue)编制")
        case .setLeadership(let unit, let c, let q): name(unit) + (q.map { "核定\(c.label) \($0) 名" } ?? "取消\(c.label)")
        case .setEconomic(let unit, let e): name(unit) + (e ? "确定为经济职能机构" : "不再作为经济职能机构")
        case .rename(let unit, let newName): name(unit) + "更名为“\(newName)”"
        }
    }
}
