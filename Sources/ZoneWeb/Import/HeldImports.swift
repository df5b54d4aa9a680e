import Hummingbird
import ZoneCore

/// What an import leaves on the server between requests, for 30 minutes and only for the account that uploaded
/// it: the checked sheet its preview's confirm button names by token (rather than sending every row back through
/// the browser — 10 MB of hidden field for 100,000 people), and the full list of a refused sheet's problems,
/// which the page shows only the start of and offers as a download. Each is held under its import form's path,
/// so a token from one form means nothing to another.
final class HeldImports: Sendable {
    /// A checked sheet and the token its confirm button sends.
    struct Sheet: Sendable {
        let table: CSVTable
        let token: String
    }

    /// A refused sheet's problems and the token of their download.
    struct Errors: Sendable {
        let rows: [ImportRowError]
        let token: String
    }

    /// The confirm form's field naming the held sheet.
    static let sheetField = "sheet"

    private let heldSheets = ScopedTokens<CSVTable>(lifetime: .seconds(30 * 60))
    private let heldErrors = ScopedTokens<[ImportRowError]>(lifetime: .seconds(30 * 60))

    func hold(_ table: CSVTable, action: String, for principal: Principal) -> Sheet {
        Sheet(table: table, token: heldSheets.hold(table, for: principal, slot: action))
    }

    /// Holds the problems for download; nil when there are none (the file itself was unreadable).
    func hold(_ rows: [ImportRowError], action: String, for principal: Principal) -> Errors? {
        rows.isEmpty ? nil : Errors(rows: rows, token: heldErrors.hold(rows, for: principal, slot: action))
    }

    /// The held sheet, still held: the preview page of a check that ran in the background.
    func sheet(_ token: String, action: String, for principal: Principal) -> Sheet? {
        heldSheets.read(token, for: principal, slot: action).map { Sheet(table: $0, token: token) }
    }

    func errors(_ token: String, action: String, for principal: Principal) -> Errors? {
        heldErrors.read(token, for: principal, slot: action).map { Errors(rows: $0, token: token) }
    }

    /// The sheet a submission names: its preview's held sheet, which a confirm uses up; else the uploaded file
    /// or pasted CSV (a script posting straight away).
    func table(from context: AppContext, action: String, for principal: Principal) throws(ValidationError) -> CSVTable {
        let token = context.form[Self.sheetField]
        guard !token.isEmpty else { return try SheetFile.table(from: context) }
        guard let table = heldSheets.take(token, for: principal, slot: action) else {
            throw .invalid("预览已失效（已确认过、超过 30 分钟或已有更新的预览），请重新上传文件")
        }
        return table
    }

    /// Registers the download of a refused sheet's problems (行号/列/问题) for the import form at `action`, a
    /// route path that may hold parameters: the form's real path is the request's, less `/errors/TOKEN`.
    func registerDownload(_ routes: inout Routes, action: String, _ permission: Permission) {
        routes.get(action + "/errors/:token", permission) { [self] request, context, principal in
            let token = try context.parameters.require("token")
            let form = String(request.uri.path.dropLast("/errors/".count + token.count))
            guard let held = errors(token, action: form, for: principal) else {
                return Pages.error(.notFound, "问题清单不存在或已过期（保留 30 分钟），请重新上传文件。", principal: principal)
            }
            var book = XLSXWorkbook()
            try book.add(SheetExports.importErrors(held.rows))
            return try XLSXResponse.make(book, filename: "导入问题清单.xlsx")
        }
    }
}
