import Hummingbird
import ZoneStore

/// Refuses any state-changing request whose CSRF token does not match.
///
/// Forms carry `_csrf` (the session's token, or before login the double-submit cookie `zd_csrf`);
/// JSON API calls carry the `X-CSRF-Token` header; uploads carry `_csrf` as their first part, checked before the
/// rest is read. The form body is parsed here once and handed to the handler in `context.form` (and a multipart
/// body's files in `context.uploads`).
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = AppContext
    static let preLoginCookie = "zd_csrf"
    static let maxFormBytes = 1 << 20
    /// Room for a sheet of 100,000 people (under 10 MB as CSV, less as .xlsx) with margin.
    static let maxUploadBytes = 20 << 20
    /// The first part of an upload (our forms' `_csrf` field) must arrive within this many bytes.
    static let maxLeadingBytes = 16 << 10
    let uploads: UploadSlots

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        guard request.method == .post || request.method == .put || request.method == .patch || request.method == .delete else {
            return try await next(request, context)
        }
        if let boundary = request.headers[.contentType].flatMap(MultipartForm.boundary(contentType:)) {
            return try await upload(request, context: context, boundary: boundary, next: next)
        }
        // The collected body replaces the stream in `request`, so the handler can still read it.
        var request = request
        var context = context
        let isJSON = request.headers[.contentType]?.hasPrefix("application/json") ?? false
        let presented: String
        if isJSON {
            presented = request.headers[.init("X-CSRF-Token")!] ?? ""
        } else {
            let body = try await request.collectBody(upTo: Self.maxFormBytes)
            context.form = FormFields(encoded: String(buffer: body))
            presented = context.form["_csrf"]
        }
        // The login form always carries the pre-login token, even when a session is still open.
        let preLogin = request.cookies[Self.preLoginCookie]?.value ?? ""
        let expected = request.uri.path == "/login" ? preLogin : context.principal?.session.csrfToken ?? preLogin
        guard !expected.isEmpty, Self.constantTimeEqual(presented, expected) else { return Self.refused(request, context) }
        return try await next(request, context)
    }

    /// A form with a file. It is kept and parsed only when the request is signed in, carries this session's token
    /// as its first part, and finds a free upload slot; otherwise each chunk is dropped as it arrives. An anonymous
    /// or forged upload so costs the server one chunk of memory, not 20 MB, and no more than `uploads.limit` files
    /// are ever held and parsed at once. (Dropped, not left unread: clients send the whole body before reading the
    /// answer, and an unread body would stall the connection until the client gives up.)
    private func upload(_ request: Request, context: AppContext, boundary: String,
                        next: (Request, AppContext) async throws -> Response) async throws -> Response {
        guard let principal = context.principal else {
            return try await Self.dropping(request.body, then: request.uri.path.hasPrefix("/api/")
                ? APIResponse.error(.unauthorized, "未登录或会话已超时", code: "unauthenticated")
                : Pages.error(.unauthorized, "未登录或会话已超时，请登录后重新上传。", principal: nil))
        }
        guard uploads.tryAcquire() else {
            return try await Self.dropping(request.body, then: Pages.error(.serviceUnavailable, "系统正在处理其他上传的文件，请稍候一分钟再提交。",
                                                                       principal: principal))
        }
        defer { uploads.release() }
        var body: [UInt8] = [], received = 0, verified = false, refusal: Response?
        for try await chunk in request.body {
            received += chunk.readableBytes
            if received > Self.maxUploadBytes {
                return refusal ?? Pages.error(.contentTooLarge, "上传的文件超过 \(Self.maxUploadBytes >> 20) MB，请分批导入。", principal: principal)
            }
            guard refusal == nil else { continue }
            body.append(contentsOf: chunk.readableBytesView)
            if !verified {
                switch MultipartForm.leadingPart(body, boundary: boundary) {
                case .incomplete where body.count <= Self.maxLeadingBytes:
                    continue
                case .field(name: "_csrf", value: let token) where Self.constantTimeEqual(token, principal.session.csrfToken):
                    verified = true
                default:
                    refusal = Self.refused(request, context)
                    body = []
                }
            }
        }
        if let refusal { return refusal }
        guard verified else { return Self.refused(request, context) }
        var context = context
        do {
            let multipart = try MultipartForm(body: body, boundary: boundary)
            context.form = multipart.fields
            context.uploads = multipart.files
        } catch {
            return Pages.error(.badRequest, error.message, principal: principal)
        }
        return try await next(request, context)
    }

    /// Reads a refused body to its end (or to `maxUploadBytes`) keeping nothing, then answers.
    private static func dropping(_ body: RequestBody, then response: Response) async throws -> Response {
        var received = 0
        for try await chunk in body {
            received += chunk.readableBytes
            if received > maxUploadBytes { break }
        }
        return response
    }

    private static func refused(_ request: Request, _ context: AppContext) -> Response {
        request.uri.path.hasPrefix("/api/")
            ? APIResponse.error(.forbidden, "CSRF 校验失败，请刷新页面后重试", code: "csrf")
            : Pages.error(.forbidden, "表单已失效（CSRF 校验失败），请刷新页面后重试。", principal: context.principal)
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in 0..<x.count { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}
