import Hummingbird
import ZoneCore
import ZoneStore

/// 批量导入人员: upload an .xlsx or CSV file or paste CSV; preview, then all rows or none, with every problem
/// listed by row and column. The register exports in the same columns, so an exported sheet imports again.
///
/// A sheet of more than `AppEnvironment.importJobThreshold` rows is checked, and written, in the background:
/// the clerk watches a progress page, which then moves on to this page with the preview, the problems or the
/// count imported (each named by a query parameter: `sheet`, `errors` tokens, `imported`). A script that posts
/// a file without a `mode` still gets its answer in the one response, however large the sheet.
struct ImportController {
    let env: AppEnvironment

    static let card = ImportCard(action: "/people/import", template: "/people/import/template.xlsx", columns: PeopleImport.columns,
                                 hint: "整批校验身份证号、单位、重复与编制。单位填单位名称；重名的单位前加上级机构，如“大数据产业园管理办/招商服务部”。")
    static let template = ImportTemplate(sheetName: "人员", header: PeopleImport.columns,
                                         example: ["张三", "11010519491231002X", "13800138000", "产业发展局", "编外", "", "", "", "在岗", "1990-07-01"])
    static let jobPage = JobPage(title: "正在导入人员", active: "people",
                                 hint: "本页每秒自动刷新，完成后显示结果。整批在一个事务中写入，中途中断不会留下半批数据。")

    /// What a check or a write came to.
    enum Outcome {
        case refused(HeldImports.Errors)
        case checked(HeldImports.Sheet)
        case imported(Int)
    }

    func register(_ routes: inout Routes) {
        let action = Self.card.action
        routes.get(action, .editPeople) { request, _, principal in
            let query = request.uri.queryParameters
            let outcome: Outcome? = if let token = query["sheet"] {
                env.imports.sheet(String(token), action: action, for: principal).map(Outcome.checked)
            } else if let token = query["errors"] {
                env.imports.errors(String(token), action: action, for: principal).map(Outcome.refused)
            } else {
                query["imported"].flatMap { Int(String($0)) }.map(Outcome.imported)
            }
            return try await page(principal, outcome: outcome)
        }
        routes.get("/people/import/template.xlsx", .editPeople) { _, _, _ in try Self.template.xlsx(filename: "人员导入模板.xlsx") }
        routes.post(action, .editPeople) { _, context, principal in try await submit(context, principal) }
        routes.get("/people/import/jobs/:token", .editPeople) { _, context, principal in
            try await job(context.parameters.require("token"), principal)
        }
        env.imports.registerDownload(&routes, action: action, .editPeople)
        // Full ID numbers and phones leave the system: only for who may unmask them, and audited (PIPL).
        routes.get("/people/export.xlsx", .unmaskPersonalData) { _, _, principal in
            let zoneID = try principal.zoneID
            let sheet = try await SheetExports.people(env.store, zoneID: zoneID) { principal.scope.allows(personID: $0.id, unitID: $0.unitID) }
            try await env.store.record(AuditEntry(actor: principal.account.username, action: "person.export", entity: "zone",
                                                  entityID: String(zoneID), detail: "rows=\(sheet.rows.count)"))
            var book = XLSXWorkbook()
            try book.add(sheet)
            return try XLSXResponse.make(book, filename: "\(principal.zoneName)人员名册.xlsx")
        }
    }

    /// `mode=preview` checks the sheet and lists its rows; any other post (the confirm button with the held sheet's
    /// token, or a script with the file and no `mode`) writes.
    func submit(_ context: AppContext, _ principal: Principal) async throws -> Response {
        let text = context.form["csv"]
        let table: CSVTable
        do { table = try env.imports.table(from: context, action: Self.card.action, for: principal) } catch {
            return try await page(principal, text: text, message: error.message + "，未导入任何数据。", status: .unprocessableContent)
        }
        let mode = context.form["mode"], preview = mode == ImportCard.previewMode
        guard table.rows.count <= env.importJobThreshold || mode.isEmpty else {
            let token = env.jobs.start(for: principal, failure: "导入失败") { [self] report in
                let rows = table.rows.count
                report(JobProgress("正在\(preview ? "校验" : "复核")… 已读取 \(Thousands.text(rows)) 行"))
                let progress: @Sendable (PeopleImportProgress) -> Void = { report(Self.progress($0, rows: rows, writing: !preview)) }
                let outcome = try await (preview ? check(table, principal, progress: progress) : write(table, principal, progress: progress))
                return switch outcome {
                case .refused(let errors): "\(Self.card.action)?errors=\(errors.token)"
                case .checked(let sheet): "\(Self.card.action)?sheet=\(sheet.token)"
                case .imported(let count): "\(Self.card.action)?imported=\(count)"
                }
            }
            return .redirect(to: "/people/import/jobs/\(token)")
        }
        let outcome = try await (preview ? check(table, principal) : write(table, principal))
        if case .refused = outcome { return try await page(principal, text: text, outcome: outcome, status: .unprocessableContent) }
        return try await page(principal, outcome: outcome)
    }

    /// Checks the sheet against today's register without writing; a valid sheet is held for its confirm button.
    func check(_ table: CSVTable, _ principal: Principal,
               progress: @Sendable (PeopleImportProgress) -> Void = { _ in }) async throws -> Outcome {
        let sheet = try await env.store.people.checkSheet(table, zoneID: try principal.zoneID, progress: progress)
        if let errors = env.imports.hold(sheet.errors, action: Self.card.action, for: principal) { return .refused(errors) }
        return .checked(env.imports.hold(table, action: Self.card.action, for: principal))
    }

    /// Writes the sheet, checked again in the writing transaction: the register may have changed since the preview.
    func write(_ table: CSVTable, _ principal: Principal,
               progress: @escaping @Sendable (PeopleImportProgress) -> Void = { _ in }) async throws -> Outcome {
        do {
            let people = try await env.store.people.importSheet(table, zoneID: try principal.zoneID, actor: principal.account.username,
                                                                progress: progress)
            return .imported(people.count)
        } catch let refused as PeopleImport.Refused {
            guard let errors = env.imports.hold(refused.errors, action: Self.card.action, for: principal) else { throw refused }
            return .refused(errors)
        }
    }

    static func progress(_ step: PeopleImportProgress, rows: Int, writing: Bool) -> JobProgress {
        switch step {
        case .registerRead(let people):
            JobProgress("已读取 \(Thousands.text(rows)) 行，名册现有 \(Thousands.text(people)) 人，正在\(writing ? "复核" : "校验")身份证号、单位、重复与编制……")
        case .checked(let done, let total):
            JobProgress("正在校验 \(Thousands.text(done)) / \(Thousands.text(total)) 行（\(Percent.format(done, of: total))）", done: done, of: total)
        case .written(let done, let total):
            JobProgress("正在写入 \(Thousands.text(done)) / \(Thousands.text(total)) 行（\(Percent.format(done, of: total))）", done: done, of: total)
        }
    }

    /// The progress page of a large sheet's check or write: reloads itself until the outcome is ready.
    func job(_ token: String, _ principal: Principal) async throws -> Response {
        switch env.jobs.state(token, for: principal) {
        case nil: return Pages.error(.notFound, "该导入任务不存在或服务已重启，请重新上传文件。", principal: principal)
        case .done(let location): return .redirect(to: location)
        case .failed(let message): return try await page(principal, message: message + "，未导入任何数据。", status: .conflict)
        case .running(let progress): return Self.jobPage.response(progress, principal: principal, zoneName: principal.zoneName)
        }
    }

    func page(_ principal: Principal, text: String = "", outcome: Outcome? = nil, message: String? = nil,
              status: HTTPResponse.Status = .ok) async throws -> Response {
        let zone = principal.zoneName
        var errors: HeldImports.Errors?, preview: HeldImports.Sheet?, notice: String?, message = message
        switch outcome {
        case .refused(let held):
            errors = held
            message = "发现 \(held.rows.count) 处问题，未导入任何数据。请修改后重新提交。"
        case .checked(let held): preview = held
        case .imported(let count): notice = "已导入 \(count) 人。"
        case nil: break
        }
        return Pages.response(Layout.page(title: "批量导入人员", active: "people", principal: principal, zoneName: zone) {
            HTML.tag("div", ["class": "crumbs"]) { HTML.tag("a", ["href": "/people"]) { "人员名册" } }
            HTML.tag("h1") { "批量导入人员" }
            Components.flash(message)
            Components.flash(notice, kind: "ok")
            Self.card.render(principal, text: text, errors: errors, preview: preview)
        }, status: status)
    }
}
