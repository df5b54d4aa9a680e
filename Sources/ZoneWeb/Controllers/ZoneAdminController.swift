import Foundation
import Hummingbird
import ZoneCore
import ZoneStore

/// 园区管理: a province's system admin (a system admin of no zone) creates zones with the same
/// checks as `zonedesk zone create`; a zone's system admin sees its own zone's line only.
struct ZoneAdminController {
    let env: AppEnvironment

    func register(_ routes: inout Routes) {
        routes.get("/admin/zones", .manageAccounts) { _, _, principal in try await page(principal) }
        routes.post("/admin/zones", .manageAccounts) { _, context, principal in try await create(context.form, principal) }
    }

    /// Zones are the province's to create: a zone's own admin works inside the zone it was given.
    static func mayCreate(_ principal: Principal) -> Bool { principal.account.zoneID == nil }

    func page(_ principal: Principal, form: ZonesPage.Form = .init(), errors: FieldErrors = FieldErrors(),
              before: HTML = .empty, status: HTTPResponse.Status = .ok) async throws -> Response {
        let summaries = try await env.store.zones.summaries().filter { Self.mayCreate(principal) || $0.zone.id == principal.account.zoneID }
        let view = ZonesPage(summaries: summaries, principal: principal, mayCreate: Self.mayCreate(principal), form: form, errors: errors)
        return Pages.response(Layout.page(title: "园区管理", active: "zones", principal: principal, zoneName: principal.zoneName) {
            HTML.tag("h1") { "园区管理" }
            before
            view.html
        }, status: status)
    }

    func create(_ fields: FormFields, _ principal: Principal) async throws -> Response {
        guard Self.mayCreate(principal) else {
            return Pages.error(.forbidden, "园区由省级系统管理员创建，本园区管理员不能新建园区。", principal: principal)
        }
        let form = ZonesPage.Form(code: fields["code"].trimmingCharacters(in: .whitespacesAndNewlines), name: fields["name"].trimmingCharacters(in: .whitespacesAndNewlines), policy: fields["policy"])
        var errors = FieldErrors()
        // A blank policy means the file shipped for that code, so a seed zone starts with one click;
        // the code is checked first because it names a file.
        let yaml: String
        if form.policy.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            if case .failure(let refusal) = ZoneRegistration.check(code: form.code, name: form.name, policyCode: form.code) {
                errors.add(refusal.message.hasPrefix("园区名称") ? "name" : "code", refusal.message)
                return try await page(principal, form: form, errors: errors, status: .unprocessableContent)
            }
            guard let shipped = try? PolicyFiles.text(code: form.code) else {
                errors.add("policy", "没有随附代码为“\(form.code)”的政策文件，请粘贴该园区的政策文件（YAML）")
                return try await page(principal, form: form, errors: errors, status: .unprocessableContent)
            }
            yaml = shipped
        } else {
            yaml = form.policy
        }
        do {
            let created = try await ZoneSetup(store: env.store, hasher: env.hasher)
                .create(code: form.code, name: form.name, yaml: yaml, source: "policies/\(form.code).yaml", actor: principal.account.username)
            return try await page(principal, before: ZonesPage.created(created))
        } catch let refused as ZoneSetup.Refused {
            errors.add(refused.problems.isEmpty ? "code" : "policy", refused.problems.isEmpty ? refused.message : "政策文件有 \(refused.problems.count) 处问题")
            return try await page(principal, form: form, errors: errors, before: ZonesPage.problems(refused), status: .unprocessableContent)
        }
    }
}
