import Hummingbird
import ZoneStore

/// Refuses any state-changing request whose CSRF token does not match.
///
/// Forms carry `_csrf` (the session's token, or before login the double-submit cookie `zd_csrf`);
/// JSON API calls carry the `X-CSRF-Token` header. The form body is parsed here once and handed
/// to the handler in `context.form` (and a multipart body's files in `context.uploads`).
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = AppContext
    static let preLoginCookie = "zd_csrf"
    static let maxFormBytes = 1 << 20
    /// Room for a sheet of 100,000 people (under 10 MB as CSV, less as .xlsx) with margin.
    static let maxUploadBytes = 20 << 20

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        guard request.method == .post || request.method == .put || request.method == .patch || request.method == .delete else {
            return try await next(request, context)
        }
        var request = request
        var context = context
        let isJSON = request.headers[.contentType]?.hasPrefix("application/json") ?? false
        let presented: String
        if isJSON {
            presented = request.headers[.init("X-CSRF-Token")!] ?? ""
        } else if let boundary = request.headers[.contentType].flatMap(MultipartForm.boundary(contentType:)) {
            // An import form with a file: larger than a plain form may be, and parsed before the token is known.
            let body: ByteBuffer
            do { body = try await request.collectBody(upTo: Self.maxUploadBytes) } catch let error as HTTPError where error.status == .contentTooLarge {
                return Pages.error(.contentTooLarge, "上传的文件超过 \(Self.maxUploadBytes >> 20) MB，请分批导入。", principal: context.principal)
            }
            do {
                let multipart = try MultipartForm(body: Array(buffer: body), boundary: boundary)
                context.form = multipart.fields
                context.uploads = multipart.files
            } catch {
                return Pages.error(.badRequest, error.message, principal: context.principal)
            }
            presented = context.form["_csrf"]
        } else {
            let body = try await request.collectBody(upTo: Self.maxFormBytes)
            context.form = FormFields(encoded: String(buffer: body))
            presented = context.form["_csrf"]
        }
        // The login form always carries the pre-login token, even when a session is still open.
        let preLogin = request.cookies[Self.preLoginCookie]?.value ?? ""
        let expected = request.uri.path == "/login" ? preLogin : context.principal?.session.csrfToken ?? preLogin
        guard !expected.isEmpty, Self.constantTimeEqual(presented, expected) else {
            return request.uri.path.hasPrefix("/api/")
                ? APIResponse.error(.forbidden, "CSRF 校验失败，请刷新页面后重试", code: "csrf")
                : Pages.error(.forbidden, "表单已失效（CSRF 校验失败），请刷新页面后重试。", principal: context.principal)
        }
        return try await next(request, context)
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in 0..<x.count { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}
