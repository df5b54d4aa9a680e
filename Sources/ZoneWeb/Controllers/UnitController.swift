import Hummingbird
import ZoneCore
import ZoneStore

/// 机构编制: the unit tree with 编制 use, and one unit's page.
struct UnitController {
    let env: AppEnvironment

    func register(_ routes: inout Routes) {
        routes.get("/units", .viewUnits) { _, _, principal in try await list(principal) }
        routes.get("/units/:id", .viewUnits) { _, context, principal in
            try await detail(context.parameters.require("id", as: Int64.self), principal)
        }
    }

    struct Snapshot {
        let tree: UnitTree
        let usage: EstablishmentUsage
        let quotas: [Int64: [EstablishmentCategory: Int]]
        let totals: [Int64: EstablishmentUsage.Totals]
    }

    func snapshot(zoneID: Int64) async throws -> Snapshot {
        let tree = try await env.store.units.tree(zoneID: zoneID)
        let quotas = try await env.store.units.quotas(zoneID: zoneID)
        let usage = EstablishmentUsage(tree: tree, quotas: quotas, headcounts: try await env.store.people.headcounts(zoneID: zoneID))
        return Snapshot(tree: tree, usage: usage, quotas: quotas, totals: usage.rollup(tree))
    }

    func list(_ principal: Principal) async throws -> Response {
        let zone = try await env.zoneName(principal)
        let snap = try await snapshot(zoneID: principal.account.zoneID ?? 0)
        let rows = snap.tree.flattened().filter { principal.scope.allows(unitID: $0.unit.id) }
        return Pages.response(Layout.page(title: "机构编制", active: "units", principal: principal, zoneName: zone) {
            HTML.tag("h1") { "机构编制" }
            HTML.tag("div", ["class": "stats"]) {
                Components.stat("机构数", "\(rows.count)")
                Components.stat("核定编制", "\(snap.usage.totalQuota)")
                Components.stat("编内实有", "\(snap.usage.totalUsed)")
                Components.stat("空编", "\(snap.usage.totalQuota - snap.usage.totalUsed)")
                Components.stat("编外人员", "\(snap.usage.totalContract)")
                Components.stat("在册人员", "\(snap.usage.totalStaff)")
            }
            HTML.tag("div", ["class": "card"]) {
                HTML.tag("h2") { "机构树与编制使用" }
                HTML.tag("p", ["class": "hint"]) { "各行数字含下属单位。内设机构未单独核编的，共用上级单位编制，编内人员计入上级核编数。" }
                HTML.tag("table", ["class": "grid"]) {
                    HTML.tag("thead") {
                        HTML.tag("tr") {
                            for h in ["单位名称", "类别", "性质", "经费形式", "规格"] { HTML.tag("th") { h } }
                            for h in ["核定编制", "编内实有", "空编", "编外", "在册"] { HTML.tag("th", ["class": "num"]) { h } }
                        }
                    }
                    HTML.tag("tbody") {
                        for (unit, depth) in rows {
                            unitRow(unit, depth: depth, snap: snap)
                        }
                    }
                }
            }
        })
    }

    func unitRow(_ unit: Unit, depth: Int, snap: Snapshot) -> HTML {
        let total = snap.totals[unit.id] ?? EstablishmentUsage.Totals()
        let holder = EstablishmentUsage.holder(of: unit.id, tree: snap.tree, quotas: snap.quotas)
        let shares = total.quota == 0 && holder != nil
        return HTML.tag("tr") {
            HTML.tag("td") {
                HTML.tag("span", ["class": "indent-\(min(depth, 6))"])
                HTML.tag("a", ["href": "/units/\(unit.id)"]) { unit.name }
            }
            HTML.tag("td") { unit.kind.label }
            HTML.tag("td") { unit.orgType.rawValue }
            HTML.tag("td") { unit.funding?.rawValue ?? "—" }
            HTML.tag("td") { unit.rank }
            if shares {
                HTML.tag("td", ["class": "num", "colspan": "3"]) { Components.tag("共用上级编制", kind: "") }
            } else {
                HTML.tag("td", ["class": "num"]) { "\(total.quota)" }
                HTML.tag("td", ["class": "num"]) { "\(total.used)" }
                HTML.tag("td", ["class": "num"]) {
                    if total.vacancy < 0 { Components.tag("超编 \(-total.vacancy)", kind: "bad") }
                    else if total.vacancy == 0 && total.quota > 0 { Components.tag("满编", kind: "warn") }
                    else { "\(total.vacancy)" }
                }
            }
            HTML.tag("td", ["class": "num"]) { "\(total.contract)" }
            HTML.tag("td", ["class": "num"]) {
                HTML.tag("a", ["href": "/people?unit=\(unit.id)"]) { "\(total.staff)" }
            }
        }
    }

    func detail(_ id: Int64, _ principal: Principal) async throws -> Response {
        let snap = try await snapshot(zoneID: principal.account.zoneID ?? 0)
        guard let unit = snap.tree[id] else { return Pages.error(.notFound, "单位不存在。", principal: principal) }
        guard principal.scope.allows(unitID: id) else {
            return Pages.error(.forbidden, "无权查看本部门以外的单位。", principal: principal)
        }
        let zone = try await env.zoneName(principal)
        let holder = EstablishmentUsage.holder(of: id, tree: snap.tree, quotas: snap.quotas)
        return Pages.response(Layout.page(title: unit.name, active: "units", principal: principal, zoneName: zone) {
            HTML.tag("div", ["class": "crumbs"]) { snap.tree.path(of: id) }
            HTML.tag("h1") { unit.name }
            HTML.tag("div", ["class": "card"]) {
                HTML.tag("dl", ["class": "facts"]) {
                    HTML.tag("dt") { "类别" }; HTML.tag("dd") { unit.kind.label }
                    HTML.tag("dt") { "单位性质" }; HTML.tag("dd") { unit.orgType.rawValue }
                    HTML.tag("dt") { "经费形式" }; HTML.tag("dd") { unit.funding?.rawValue ?? "—" }
                    HTML.tag("dt") { "机构规格" }; HTML.tag("dd") { unit.rank }
                    HTML.tag("dt") { "经济职能" }; HTML.tag("dd") { unit.isEconomic ? "是" : "否" }
                    HTML.tag("dt") { "核编单位" }; HTML.tag("dd") { holder.flatMap { snap.tree[$0]?.name } ?? "未核定编制" }
                }
            }
            HTML.tag("div", ["class": "card"]) {
                HTML.tag("h2") { "核定编制" }
                if let quota = snap.quotas[id] {
                    HTML.tag("table", ["class": "grid"]) {
                        HTML.tag("tr") { HTML.tag("th") { "类别" }; HTML.tag("th", ["class": "num"]) { "核定数" } }
                        for (category, count) in quota.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                            HTML.tag("tr") { HTML.tag("td") { category.rawValue + "编制" }; HTML.tag("td", ["class": "num"]) { "\(count)" } }
                        }
                    }
                } else {
                    HTML.tag("p", ["class": "hint"]) { "本单位未单独核定编制。" }
                }
            }
            HTML.tag("div", ["class": "card"]) {
                HTML.tag("h2") { "下属单位" }
                let children = snap.tree.children(of: id)
                if children.isEmpty { HTML.tag("p", ["class": "hint"]) { "无" } }
                HTML.tag("ul") {
                    for child in children { HTML.tag("li") { HTML.tag("a", ["href": "/units/\(child.id)"]) { child.name } } }
                }
                HTML.tag("a", ["class": "btn secondary", "href": "/people?unit=\(id)"]) { "查看本单位及下属人员（\(snap.totals[id]?.staff ?? 0)人）" }
            }
        })
    }
}
