import ZoneCore

/// 更正 a unit's name, 机构规格 and 统一社会信用代码 on its page; the version field makes a stale form fail.
enum UnitCorrectionForm {
    static func render(_ unit: Unit, register: UnitRegister, version: Int, principal: Principal) -> HTML {
        HTML.tag("div", ["class": "card"]) {
            HTML.tag("h2") { "更正机构信息" }
            HTML.tag("form", ["method": "post", "action": "/units/\(unit.id)/correct"]) {
                Components.csrf(principal)
                HTML.tag("input", ["type": "hidden", "name": "version", "value": String(version)])
                Components.field("机构名称", name: "name", value: unit.name, errors: FieldErrors(), required: true)
                Components.field("机构规格", name: "rank", value: unit.rank, errors: FieldErrors())
                Components.field("统一社会信用代码", name: "creditCode", value: register.creditCode, errors: FieldErrors(), hint: "18位，可留空")
                HTML.tag("button", ["type": "submit", "class": "secondary"]) { "保存更正" }
            }
        }
    }
}
