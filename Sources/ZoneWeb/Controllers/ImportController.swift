import Hummingbird
import ZoneCore
import ZoneStore

/// 批量导入人员: upload an .xlsx or CSV file or paste CSV; preview, then all rows or none, with every problem
/// listed by row and column. The register exports in the same columns, so an exported sheet imports again.
struct ImportController {
    let env: AppEnvironment

    static let card = ImportCard(action: "/people/import", template: "/people/import/template.xlsx", columns: PeopleImport.columns,
                                 hint: "整批校验身份证号、单位、重复与编制。")
    static let template = ImportTemplate(sheetName: "人员", header: PeopleImport.columns,
                                         example: ["张三", "11010519491231002X", "13800138000", "产业发展局", "编外", "", "", "", "在岗"])

    func register(_ routes: inout Routes) {
        routes.get("/people/import", .editPeople) { _, _, principal in try await page(principal, text: "", errors: [], message: nil, status: .ok) }
        routes.get("/people/import/template.xlsx", .editPeople) { _, _, _ in try Self.template.xlsx(filename: "人员导入模板.xlsx") }
        routes.post("/people/import", .editPeople) { _, context, principal in try await submit(context, principal) }
        // Full ID numbers and phones leave the system: only for who may unmask them, and audited (PIPL).
        routes.get("/people/export.xlsx", .unmaskPersonalData) { _, _, principal in
            let zoneID = principal.account.zoneID ?? 0
            let sheet = try await SheetExports.people(env.store, zoneID: zoneID) { principal.scope.allows(personID: $0.id, unitID: $0.unitID) }
            try await env.store.record(AuditEntry(actor: principal.account.username, action: "person.export", entity: "zone",
                                                  entityID: String(zoneID), detail: "rows=\(sheet.rows.count)"))
            var book = XLSXWorkbook()
            try book.add(sheet)
            return try XLSXResponse.make(book, filename: "\(try await env.zoneName(principal))人员名册.xlsx")
        }
    }

    /// `mode=preview` checks the sheet and lists its rows; any other post (the confirm button, or a script) writes.
    func submit(_ context: AppContext, _ principal: Principal) async throws -> Response {
        let text = context.form["csv"]
        let zoneID = principal.account.zoneID ?? 0
        let table: CSVTable
        do { table = try SheetFile.table(from: context) } catch {
            return try await page(principal, text: text, errors: [], message: error.message + "，未导入任何数据。", status: .unprocessableContent)
        }
        do {
            if context.form["mode"] == ImportCard.previewMode {
                let sheet = try await env.store.people.checkSheet(table, zoneID: zoneID)
                guard sheet.errors.isEmpty else { throw PeopleImport.Refused(errors: sheet.errors) }
                return try await page(principal, text: "", errors: [], message: nil, preview: table, status: .ok)
            }
            let people = try await env.store.people.importSheet(table, zoneID: zoneID, actor: principal.account.username)
            return try await page(principal, text: "", errors: [], message: nil, notice: "已导入 \(people.count) 人。", status: .ok)
        } catch let refused as PeopleImport.Refused {
            return try await page(principal, text: text, errors: refused.errors,
                                  message: "发现 \(refused.errors.count) 处问题，未导入任何数据。请修改后重新提交。", status: .unprocessableContent)
        }
    }

    func page(_ principal: Principal, text: String, errors: [PeopleImport.RowError], message: String?, notice: String? = nil,
              preview: CSVTable? = nil, status: HTTPResponse.Status) async throws -> Response {
        let zone = try await env.zoneName(principal)
        return Pages.response(Layout.page(title: "批量导入人员", active: "people", principal: principal, zoneName: zone) {
            HTML.tag("div", ["class": "crumbs"]) { HTML.tag("a", ["href": "/people"]) { "人员名册" } }
            HTML.tag("h1") { "批量导入人员" }
            Components.flash(message)
            Components.flash(notice, kind: "ok")
            Self.card.render(principal, text: text, errors: errors, preview: preview)
        }, status: status)
    }
}
