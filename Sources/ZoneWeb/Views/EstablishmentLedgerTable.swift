import ZoneCore

/// A unit's 编制台账 on its page: newest change first, with its approval and who made it.
enum EstablishmentLedgerTable {
    static func render(_ changes: [EstablishmentChange]) -> HTML {
        guard !changes.isEmpty else { return HTML.tag("p", ["class": "hint"]) { "暂无编制变动记录。核定、调整或取消编制与职数时记入台账。" } }
        return HTML.tag("table", ["class": "grid ledger"]) {
            HTML.tag("tr") { for h in ["批准时间", "批准文号", "项目", "变动", "变动摘要", "经办人", "记录时间"] { HTML.tag("th") { h } } }
            for change in changes.reversed() {
                HTML.tag("tr") {
                    HTML.tag("td") { change.approval.approvedOn?.description ?? "—" }
                    HTML.tag("td") { change.approval.documentNo.isEmpty ? "—" : change.approval.documentNo }
                    HTML.tag("td") { change.item.label }
                    HTML.tag("td") { "\(change.old.map(String.init) ?? "未核定") → \(change.new.map(String.init) ?? "取消")" }
                    HTML.tag("td") { change.approval.summary }
                    HTML.tag("td") { change.actor }
                    HTML.tag("td") { String(change.at.prefix(10)) }
                }
            }
        }
    }
}
