import Foundation
import ZoneCore

/// Turns one "add step" form into a plan operation, or says in Chinese what is missing.
/// Unit fields carry "e:ID" for an existing unit or "n:KEY" for one the plan creates.
struct PlanStepParser {
    let form: FormFields
    let plan: RestructuringPlan

    func operation() throws(ValidationError) -> PlanOperation {
        switch form["op"] {
        case "create":
            let name = form["name"].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { throw .invalid("新设机构须填写名称") }
            guard let kind = UnitKind(rawValue: form["kind"]), let orgType = OrgType(rawValue: form["orgType"]) else {
                throw .invalid("请选择机构类别和单位性质")
            }
            return .create(NewPlanUnit(key: freshKey(), name: name, parent: form["parent"].isEmpty ? nil : try ref("parent"),
                                       kind: kind, orgType: orgType, funding: Funding(rawValue: form["funding"]),
                                       rank: form["rank"], isEconomic: form["economic"] == "1"))
        case "merge":
            let sources = form.all("sources")
            guard !sources.isEmpty else { throw .invalid("请选择被合并的机构") }
            return .merge(sources: try sources.map { raw throws(ValidationError) in try Self.parseRef(raw) }, into: try ref("target"))
        case "abolish":
            return .abolish(try ref("unit"), peopleTo: try destination())
        case "move":
            let ids = form["people"].split(whereSeparator: { ",，、 \n".contains($0) }).compactMap { Int64($0) }
            guard !ids.isEmpty else { throw .invalid("请填写人员编号（多个用逗号分隔）") }
            return .movePeople(ids, to: try destination())
        case "establishment":
            guard let category = EstablishmentCategory(rawValue: form["category"]) else { throw .invalid("请选择编制类别") }
            return .setEstablishment(try ref("unit"), category, try quota())
        case "leadership":
            guard let quotaClass = LeadershipClass(rawValue: form["class"]) else { throw .invalid("请选择职数类别") }
            return .setLeadership(try ref("unit"), quotaClass, try quota())
        case "economic":
            return .setEconomic(try ref("unit"), form["economic"] == "1")
        case "rename":
            let name = form["name"].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { throw .invalid("请填写新名称") }
            return .rename(try ref("unit"), name)
        default:
            throw .invalid("未知的步骤类型")
        }
    }

    func ref(_ field: String) throws(ValidationError) -> UnitRef { try Self.parseRef(form[field]) }

    static func parseRef(_ raw: String) throws(ValidationError) -> UnitRef {
        if raw.hasPrefix("e:"), let id = Int64(raw.dropFirst(2)) { return .existing(id) }
        if raw.hasPrefix("n:"), raw.count > 2 { return .new(String(raw.dropFirst(2))) }
        throw .invalid("请选择机构")
    }

    static func encode(_ ref: UnitRef) -> String {
        switch ref {
        case .existing(let id): "e:\(id)"
        case .new(let key): "n:\(key)"
        }
    }

    func destination() throws(ValidationError) -> Destination {
        if form["to"] == "divert" {
            let place = form["divertTo"].trimmingCharacters(in: .whitespaces)
            guard !place.isEmpty else { throw .invalid("分流须填写去向，如：七星关区、区属国企") }
            return .diverted(place)
        }
        return .unit(try Self.parseRef(form["to"]))
    }

    func quota() throws(ValidationError) -> Int? {
        let text = form["quota"].trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return nil }
        return try BoundedInt.require(text, in: BoundedInt.headcounts, label: "核定数")
    }

    /// The first "uN" not used by a unit the plan already creates.
    func freshKey() -> String {
        let used = Set(plan.operations.compactMap { op -> String? in
            if case .create(let new) = op { return new.key }
            return nil
        })
        var n = 1
        while used.contains("u\(n)") { n += 1 }
        return "u\(n)"
    }
}
