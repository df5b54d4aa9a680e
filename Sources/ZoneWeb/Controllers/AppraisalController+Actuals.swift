import Hummingbird
import ZoneCore
import ZoneStore

/// KPI actual values (实际值) from a sheet: the template lists every indicator of the appraisal with its number
/// and current value, the office fills in 实际值, and the import writes them all at once or none.
extension AppraisalController {
    static func actualsCard(_ id: Int64) -> ImportCard {
        ImportCard(action: "/appraisals/\(id)/actuals/import", template: "/appraisals/\(id)/actuals/template.xlsx",
                   columns: ActualsImport.columns, hint: "模板已列出本次考核的全部指标，填写“实际值”即可；留空表示清除。", masked: [])
    }

    func actualsTemplate(_ id: Int64, _ principal: Principal) async throws -> Response {
        guard let appraisal = try await env.store.appraisals.find(id: id, zoneID: try principal.zoneID) else {
            return Pages.error(.notFound, "考核不存在。", principal: principal)
        }
        var sheet = try XLSXSheet(name: "实际值", header: ActualsImport.columns + ["层级", "计量单位"], columnWidths: [10, 40, 14, 10, 10])
        sheet.rows = try await env.store.appraisals.indicators(appraisalID: id).map { indicator in
            [.text(String(indicator.id)), .text(indicator.name), indicator.actual.map { .text(indicator.rule.actualText($0)) } ?? .empty,
             .text(indicator.level.label), .text(indicator.measure)]
        }
        var book = XLSXWorkbook()
        try book.add(sheet)
        return try XLSXResponse.make(book, filename: "\(appraisal.name)实际值.xlsx")
    }

    /// `mode=preview` checks the sheet and lists its rows; any other post (the confirm button, or a script) writes.
    func importActuals(_ id: Int64, _ context: AppContext, _ principal: Principal) async throws -> Response {
        // Another zone's appraisal is not found, before any of its indicator names could show in an error.
        guard try await env.store.appraisals.find(id: id, zoneID: try principal.zoneID) != nil else {
            return Pages.error(.notFound, "考核不存在。", principal: principal)
        }
        let text = context.form["csv"]
        let table: CSVTable
        let action = Self.actualsCard(id).action
        do { table = try env.imports.table(from: context, action: action, for: principal) } catch {
            return try await indicators(id, principal, error: error.message + "，未导入任何数据。", status: .unprocessableContent, importText: text)
        }
        let targets = try await env.store.appraisals.indicators(appraisalID: id).map { ActualsImport.Target(id: $0.id, name: $0.name, rule: $0.rule) }
        let sheet = ActualsImport(table, indicators: targets)
        guard sheet.errors.isEmpty else {
            return try await indicators(id, principal, error: "发现 \(sheet.errors.count) 处问题，未导入任何数据。请修改后重新提交。",
                                        status: .unprocessableContent, importText: text,
                                        importErrors: env.imports.hold(sheet.errors, action: action, for: principal))
        }
        if context.form["mode"] == ImportCard.previewMode {
            return try await indicators(id, principal, importPreview: env.imports.hold(table, action: action, for: principal))
        }
        return try await act(id, principal, back: "indicators") {
            try await env.store.appraisals.setActuals(sheet.actuals, appraisalID: id, zoneID: try principal.zoneID, actor: principal.account.username)
        }
    }
}
