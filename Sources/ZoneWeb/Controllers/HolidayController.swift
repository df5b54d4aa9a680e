import Hummingbird
import ZoneCore
import ZoneStore

/// 节假日安排: every account sees the calendar publicity periods count on; the system admin loads a
/// year's State Council notice from a file (preview first, then the whole year in one audited write).
struct HolidayController {
    let env: AppEnvironment
    static let card = ImportCard(action: "/holidays/import", template: "/holidays/template.xlsx", columns: HolidayNoticeImport.columns,
                                 hint: "每行一天：安排填“放假”或“上班”（调休上班日）；模板已列出该年全部法定节日，"
                                     + "请按国务院办公厅通知补上调休放假日与上班日，每行填同一通知文号。导入后替换该年原有安排。",
                                 masked: [])

    func register(_ routes: inout Routes) {
        routes.get("/holidays", .signedIn) { _, _, principal in try await page(principal) }
        routes.get("/holidays/template.xlsx", .manageHolidays) { request, _, _ in
            let year = request.uri.queryParameters["year"].flatMap { Int(String($0)) }
                .flatMap { HolidayNoticeImport.years.contains($0) ? $0 : nil } ?? env.store.clock.today.year + 1
            return try ImportTemplate(sheetName: "\(year)年节假日", header: HolidayNoticeImport.columns, rows: HolidayNoticeImport.template(year: year))
                .xlsx(filename: "\(year)年节假日安排模板.xlsx")
        }
        routes.post("/holidays/import", .manageHolidays) { _, context, principal in try await importNotice(context, principal) }
        env.imports.registerDownload(&routes, action: Self.card.action, .manageHolidays)
    }

    /// The sentence a page with a publicity period ending on `ends` shows while the period runs, when that
    /// year's notice is not loaded.
    func publicityWarning(ends: String?) async throws -> String? {
        guard let ends, let date = try? CivilDate(parsing: ends), date >= env.store.clock.today else { return nil }
        return try await env.store.holidays.calendar().estimateWarning(from: date, through: date)
    }

    func page(_ principal: Principal, notice: String? = nil, error: String? = nil, status: HTTPResponse.Status = .ok,
              importText: String = "", importErrors: HeldImports.Errors? = nil, importPreview: HeldImports.Sheet? = nil) async throws -> Response {
        let stored = try await env.store.holidays.all()
        let view = HolidayPage(stored: stored, today: env.store.clock.today, principal: principal)
        return Pages.response(Layout.page(title: "节假日安排", active: "holidays", principal: principal, zoneName: principal.zoneName) {
            HTML.tag("h1") { "节假日安排" }
            Components.flash(notice, kind: "ok")
            Components.flash(error)
            view.html
            if principal.can(.manageHolidays) {
                Self.card.render(principal, text: importText, errors: importErrors, preview: importPreview)
            }
        }, status: status)
    }

    /// `mode=preview` checks the file and shows its rows; the confirm button (or a script's plain post) writes.
    func importNotice(_ context: AppContext, _ principal: Principal) async throws -> Response {
        let text = context.form["csv"], action = Self.card.action
        func refuse(_ errors: [ImportRowError], _ message: String) async throws -> Response {
            try await page(principal, error: message, status: .unprocessableContent, importText: text,
                           importErrors: env.imports.hold(errors, action: action, for: principal))
        }
        let table: CSVTable
        do { table = try env.imports.table(from: context, action: action, for: principal) } catch { return try await refuse([], error.message + "，未导入任何数据。") }
        let sheet = HolidayNoticeImport(table)
        guard let notice = sheet.notice else {
            return try await refuse(sheet.errors, "发现 \(sheet.errors.count) 处问题，未导入任何数据。请修改后重新提交。")
        }
        let replaces = try await env.store.holidays.all().first { $0.notice.year == notice.year }
        let summary = "\(notice.year)年：放假 \(notice.daysOff.count) 天，调休上班 \(notice.makeUpWorkdays.count) 天（\(notice.source)）"
        if context.form["mode"] == ImportCard.previewMode {
            let replacing = replaces.map { "，将替换现有安排（\($0.notice.source)，放假 \($0.notice.daysOff.count) 天）" } ?? ""
            return try await page(principal, notice: "校验通过：" + summary + replacing + "。确认后才会写入。",
                                  importPreview: env.imports.hold(table, action: action, for: principal))
        }
        try await env.store.holidays.load(notice, actor: principal.account.username)
        return try await page(principal, notice: "已导入 " + summary + "。")
    }
}
