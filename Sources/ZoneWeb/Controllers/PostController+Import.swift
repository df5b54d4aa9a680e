import Hummingbird
import ZoneCore
import ZoneStore

/// 岗位目录 from a sheet: every row checked like the post form, then all posts added in one transaction; and
/// the catalogue out again in the same columns.
extension PostController {
    static let card = ImportCard(action: "/posts/import", template: "/posts/import/template.xlsx", columns: PostImport.columns,
                                 hint: "单位填单位名称（重名的前加上级机构，如“汽车工业园管理办/招商服务部”）；岗位类别为综合/招商/执法/技术/服务；日期为 yyyy-MM-dd，可不填。", masked: [])
    static let template = ImportTemplate(sheetName: "岗位", header: PostImport.columns,
                                         example: ["产业发展局", "招商专员", "3", "招商", "1.200", "2", "3", "", "熟悉产业政策", "2025-01-01", ""])

    /// `mode=preview` checks the sheet and lists its rows; any other post (the confirm button, or a script) writes.
    func importSheet(_ context: AppContext, _ principal: Principal) async throws -> Response {
        let text = context.form["csv"], action = Self.card.action
        func refuse(_ errors: [ImportRowError], _ message: String) async throws -> Response {
            try await list(principal, input: PostInput(), errors: FieldErrors(), message: message, importText: text,
                           importErrors: env.imports.hold(errors, action: action, for: principal), status: .unprocessableContent)
        }
        let table: CSVTable
        do { table = try env.imports.table(from: context, action: action, for: principal) } catch { return try await refuse([], error.message + "，未导入任何数据。") }
        let zoneID = try principal.zoneID
        // Only units in the account's scope may be named, as in the form.
        let units = try await env.store.units.all(zoneID: zoneID).filter { principal.scope.allows(unitID: $0.id) }
        let sheet = PostImport(table, units: UnitTree(units),
                               existing: try await env.store.posts.all(zoneID: zoneID),
                               staffing: try await env.store.policies.current(zoneID: zoneID)?.policy.staffing)
        guard sheet.errors.isEmpty else {
            return try await refuse(sheet.errors, "发现 \(sheet.errors.count) 处问题，未导入任何数据。请修改后重新提交。")
        }
        if context.form["mode"] == ImportCard.previewMode {
            return try await list(principal, input: PostInput(), errors: FieldErrors(),
                                  importPreview: env.imports.hold(table, action: action, for: principal), status: .ok)
        }
        let posts = try await env.store.posts.createAll(sheet.posts, zoneID: zoneID, actor: principal.account.username)
        return try await list(principal, input: PostInput(), errors: FieldErrors(), notice: "已导入 \(posts.count) 个岗位。", status: .ok)
    }

    func export(_ principal: Principal) async throws -> Response {
        let sheet = try await SheetExports.posts(env.store, zoneID: try principal.zoneID) { principal.scope.allows(unitID: $0.unitID) }
        var book = XLSXWorkbook()
        try book.add(sheet)
        return try XLSXResponse.make(book, filename: "\(principal.zoneName)岗位目录.xlsx")
    }
}
