import Hummingbird
import ZoneCore
import ZoneStore

/// 三定方案 in and out: upload the org-tree sheet, preview the tree it makes, confirm; and the zone's tree as the
/// same sheet, which imports again unchanged.
extension UnitController {
    static let card = ImportCard(action: "/units/import", template: "/units/import/template.xlsx", columns: UnitImport.columns,
                                 hint: "上级机构填上级的机构名称，名称不唯一时写从顶层起的路径（如“经济开发区/大数据产业园”）；"
                                     + "编制、员额、职数留空为不单独核定。按路径对应现有机构：已有的更新，新的新增，表中未列出的保留不删；"
                                     + "确认时填写批准文号，每项编制变动连同文号记入编制台账。",
                                 masked: [], asksApproval: true)
    static let template = ImportTemplate(sheetName: "三定方案", header: UnitImport.columns,
                                         example: ["经济开发区", "", "党工委/管委会", "党政机关", "全额", "正处级", "", "仪编〔2019〕12号 2019-05-20"]
                                             + QuotaItem.all.map { $0 == .establishment(.institutional) ? "54" : $0 == .leadership(.divisionLevel) ? "6" : "" } + ["是"])
    /// The 变动摘要 the 台账 records for quotas set by the import page.
    static let importSummary = "三定方案导入"

    func registerImport(_ routes: inout Routes) {
        let action = Self.card.action
        routes.get(action, .editEstablishment) { request, _, principal in
            let query = request.uri.queryParameters
            if let token = query["sheet"], let held = env.imports.sheet(String(token), action: action, for: principal) {
                return try await importPage(principal, preview: held)
            }
            return try await importPage(principal, notice: query["done"].map { String($0) })
        }
        routes.get("/units/import/template.xlsx", .editEstablishment) { _, _, _ in try Self.template.xlsx(filename: "三定方案导入模板.xlsx") }
        routes.post(action, .editEstablishment) { _, context, principal in try await submitImport(context, principal) }
        env.imports.registerDownload(&routes, action: action, .editEstablishment)
        routes.get("/units/export.xlsx", .viewUnits) { _, _, principal in
            var book = XLSXWorkbook()
            try book.add(try await SheetExports.units(env.store, zoneID: try principal.zoneID))
            return try XLSXResponse.make(book, filename: "\(principal.zoneName)三定方案.xlsx")
        }
    }

    /// `mode=preview` checks the sheet and shows the tree; any other post (the confirm button, or a script) writes.
    func submitImport(_ context: AppContext, _ principal: Principal) async throws -> Response {
        let action = Self.card.action, text = context.form["csv"]
        // The document is checked before the held sheet is taken, so a missing 文号 leaves the preview to confirm again.
        var approval = ChangeApproval(documentNo: "", approvedOn: nil, summary: Self.importSummary)
        if context.form["mode"] != ImportCard.previewMode {
            switch ChangeApproval.validate(documentNo: context.form["documentNo"], approvedOn: context.form["approvedOn"], summary: Self.importSummary) {
            case .success(let checked): approval = checked
            case .failure(let errors):
                return try await importPage(principal, text: text, preview: env.imports.sheet(context.form[HeldImports.sheetField], action: action, for: principal),
                                            message: errors.byField.sorted { $0.key < $1.key }.map(\.value).joined(separator: "；") + "，未导入任何数据。",
                                            status: .unprocessableContent)
            }
        }
        let table: CSVTable
        do { table = try env.imports.table(from: context, action: action, for: principal) } catch {
            return try await importPage(principal, text: text, message: error.message + "，未导入任何数据。", status: .unprocessableContent)
        }
        func refuse(_ errors: [ImportRowError]) async throws -> Response {
            try await importPage(principal, text: text, errors: env.imports.hold(errors, action: action, for: principal),
                                 message: "发现 \(errors.count) 处问题，未导入任何数据。请修改后重新提交。", status: .unprocessableContent)
        }
        if context.form["mode"] == ImportCard.previewMode {
            let sheet = try await env.store.units.checkSheet(table, zoneID: try principal.zoneID)
            guard sheet.errors.isEmpty else { return try await refuse(sheet.errors) }
            return try await importPage(principal, preview: env.imports.hold(table, action: action, for: principal), checked: sheet)
        }
        let result: UnitImportResult
        do {
            result = try await env.store.units.importUnits(table, zoneID: try principal.zoneID, approval: approval,
                                                           actor: principal.account.username)
        } catch let refused as ImportRefused {
            return try await refuse(refused.errors)
        }
        let kept = result.unlisted.isEmpty ? "" : "；表中未列出的 \(result.unlisted.count) 个现有机构保留不变"
        return try await importPage(principal, notice: "已导入：新建 \(result.created) 个机构，更新 \(result.updated) 个，编制变动 \(result.quotaChanges) 项\(kept)。")
    }

    func importPage(_ principal: Principal, text: String = "", errors: HeldImports.Errors? = nil, preview: HeldImports.Sheet? = nil,
                    checked: UnitImport? = nil, message: String? = nil, notice: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let zone = principal.zoneName
        // A preview shown again (its page reloaded) is checked again: the zone may have changed since.
        let sheet: UnitImport? = if let checked { checked } else if let preview {
            try await env.store.units.checkSheet(preview.table, zoneID: try principal.zoneID)
        } else { nil }
        let tree = try await env.store.units.tree(zoneID: try principal.zoneID)
        return Pages.response(Layout.page(title: "导入三定方案", active: "units", principal: principal, zoneName: zone) {
            HTML.tag("div", ["class": "crumbs"]) { HTML.tag("a", ["href": "/units"]) { "机构编制" } }
            HTML.tag("h1") { "导入三定方案" }
            Components.flash(message)
            Components.flash(notice, kind: "ok")
            if let sheet, sheet.errors.isEmpty { UnitImportPreview.render(sheet, unlistedNames: sheet.unlisted.map { tree.path(of: $0) }) }
            Self.card.render(principal, text: text, errors: errors, preview: sheet?.errors.isEmpty == false ? nil : preview)
        }, status: status)
    }
}
