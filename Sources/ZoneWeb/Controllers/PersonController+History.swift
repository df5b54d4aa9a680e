import Hummingbird
import ZoneCore
import ZoneStore

extension PersonController {
    /// A person's history from the audit log: how they came onto the register (a form, a hire, or the
    /// bulk import whose id range holds them), every edit and every unmasked read.
    func history(_ person: Person, _ principal: Principal) async throws -> Response {
        let records = try await env.store.people.history(id: person.id, zoneID: try principal.zoneID)
        let zone = principal.zoneName
        return Pages.response(Layout.page(title: "\(person.name)的变更历史", active: "people", principal: principal, zoneName: zone) {
            HTML.tag("div", ["class": "crumbs"]) {
                HTML.tag("a", ["href": "/people"]) { "人员名册" }
                " / "
                HTML.tag("a", ["href": "/people/\(person.id)"]) { person.name }
            }
            HTML.tag("h1") { "\(person.name) 的变更历史" }
            HTML.tag("p", ["class": "hint"]) { "来自审计日志（哈希链防篡改），当前为第\(person.version)版。批量导入只记一条审计记录，覆盖该批全部人员。" }
            AuditController.history(records, action: Self.actionLabel)
        })
    }

    static func actionLabel(_ entry: AuditEntry) -> String {
        if let batch = PersonImportAudit(entry) {
            return "批量导入（本批 \(batch.rows) 人）"
        }
        return switch entry.action {
        case "person.create": "登记"
        case "person.update": "修改"
        case "person.reveal": "查看完整信息"
        default: entry.action
        }
    }
}
