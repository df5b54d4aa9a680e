import Foundation
import Hummingbird
import ZoneCore
import ZoneStore

/// Login, logout and password change.
struct SessionController {
    let env: AppEnvironment

    func registerPublic(on router: Router<AppContext>) {
        router.get("/login") { request, _ in loginPage(request: request, message: nil) }
        router.post("/login") { request, context in try await login(request, context) }
    }

    func register(_ routes: inout Routes) {
        routes.post("/logout", .signedIn) { _, _, principal in
            try await env.store.sessions.end(token: principal.token)
            var response = Response.redirect(to: "/login?msg=logout")
            response.setCookie(SessionMiddleware.cookie("", secure: env.secureCookies, maxAge: 0))
            return response
        }
        routes.get("/password", .signedIn) { _, _, principal in
            try await passwordPage(principal, errors: FieldErrors(), status: .ok)
        }
        routes.post("/password", .signedIn) { _, context, principal in
            try await changePassword(context.form, principal)
        }
        registerSecondFactor(&routes)
    }

    func loginPage(request: Request, message: String?, username: String = "", status: HTTPResponse.Status = .ok) -> Response {
        // Double-submit token: the form echoes the cookie; a cross-site form cannot read it.
        let token = request.cookies[CSRFMiddleware.preLoginCookie]?.value ?? SecureToken.hex(bytes: 24)
        let notice: String? = switch request.uri.queryParameters["msg"].map(String.init) {
        case "logout": "您已安全退出。"
        case "timeout": "会话已超时，请重新登录。"
        default: nil
        }
        let next = request.uri.queryParameters["next"].map(String.init) ?? ""
        var response = Pages.response(Layout.document(title: "登录") {
            HTML.tag("div", ["class": "login-wrap"]) {
                HTML.tag("form", ["class": "login", "method": "post", "action": "/login"]) {
                    HTML.tag("h1") { "ZoneDesk" }
                    HTML.tag("div", ["class": "sub"]) { "园区体制机制改革管理系统" }
                    Components.flash(message)
                    Components.flash(notice, kind: "ok")
                    HTML.tag("input", ["type": "hidden", "name": "_csrf", "value": token])
                    HTML.tag("input", ["type": "hidden", "name": "next", "value": next])
                    HTML.tag("label", ["for": "username"]) { "用户名" }
                    HTML.tag("input", ["type": "text", "id": "username", "name": "username", "value": username,
                                       "autocomplete": "username", "required": "required"])
                    HTML.tag("label", ["for": "password"]) { "密码" }
                    HTML.tag("input", ["type": "password", "id": "password", "name": "password",
                                       "autocomplete": "current-password", "required": "required"])
                    // Shown to everyone, so the form does not tell which accounts have a second factor.
                    HTML.tag("label", ["for": "code"]) { "动态口令（已启用的管理员填写）" }
                    HTML.tag("input", ["type": "text", "id": "code", "name": "code", "inputmode": "numeric",
                                       "autocomplete": "one-time-code", "maxlength": "6"])
                    HTML.tag("button", ["type": "submit"]) { "登录" }
                }
            }
        }, status: status)
        response.setCookie(Cookie(name: CSRFMiddleware.preLoginCookie, value: token, path: "/",
                                  secure: env.secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }

    /// The one answer to every refused login — unknown name, wrong password, locked account — so
    /// the page cannot tell which names exist or which accounts an attacker has locked.
    static let refusedMessage = "用户名或密码错误。连续\(PasswordPolicy.maxFailures)次错误将锁定账号30分钟，"
        + "锁定期间无法登录；如需提前解锁请联系安全管理员。"

    func login(_ request: Request, _ context: AppContext) async throws -> Response {
        let username = context.form["username"].trimmingCharacters(in: .whitespaces)
        let password = context.form["password"]
        let address = env.clientAddress.resolve(peer: context.peerAddress, forwardedFor: request.headers[.init("X-Forwarded-For")!])
        let throttleKey = ClientAddress.throttleKey(address)
        if case .refused(let retryAfter, let first) = env.loginThrottle.admit(throttleKey, now: env.store.clock.epochSeconds) {
            if first {
                try await env.store.record(AuditEntry(actor: String(username.prefix(64)), action: "login.throttled", entity: "address",
                                                      entityID: throttleKey, detail: "address=\(address)"))
            }
            let minutes = (retryAfter + 59) / 60
            var page = loginPage(request: request, message: "此地址登录失败次数过多，请\(minutes)分钟后再试。", username: username,
                                 status: .tooManyRequests)
            page.headers[.retryAfter] = String(retryAfter)
            return page
        }
        let hasher = env.hasher, code = context.form["code"], now = env.store.clock.epochSeconds
        let outcome = try await env.store.accounts.login(username: username, address: address,
                                                         verify: { hash in hasher.verify(password, hash: hash ?? hasher.decoy) },
                                                         oneTimeCode: { secret in TOTP.matchingStep(code, secret: secret, now: now) })
        guard case .signedIn(let account) = outcome else {
            return loginPage(request: request, message: Self.refusedMessage, username: username, status: .unauthorized)
        }
        env.loginThrottle.refund(throttleKey)
        let (token, _) = try await env.store.sessions.create(accountID: account.id)
        let target = account.mustChangePassword ? "/password" : LoginRedirect.target(context.form["next"])
        var response = Response.redirect(to: target)
        response.setCookie(SessionMiddleware.cookie(token, secure: env.secureCookies))
        return response
    }

    func passwordPage(_ principal: Principal, errors: FieldErrors, status: HTTPResponse.Status) async throws -> Response {
        let zone = principal.zoneName
        return Pages.response(Layout.page(title: "修改密码", active: "password", principal: principal, zoneName: zone) {
            HTML.tag("h1") { "修改密码" }
            if principal.account.mustChangePassword {
                Components.flash("首次登录或密码已被重置，请先设置新密码。", kind: "error")
            }
            HTML.tag("div", ["class": "card"]) {
                HTML.tag("form", ["method": "post", "action": "/password"]) {
                    Components.csrf(principal)
                    Components.field("当前密码", name: "current", value: "", errors: errors, type: "password", required: true)
                    Components.field("新密码", name: "new", value: "", errors: errors,
                                     hint: "至少8位，含大写、小写、数字、符号中的三类；不能是常见密码或最近\(PasswordPolicy.historyDepth)次用过的密码；修改后其他已登录的浏览器须重新登录",
                                     type: "password", required: true)
                    Components.field("确认新密码", name: "confirm", value: "", errors: errors, type: "password", required: true)
                    Components.formButtons(cancel: "/")
                }
            }
        }, status: status)
    }

    func changePassword(_ form: FormFields, _ principal: Principal) async throws -> Response {
        var errors = FieldErrors()
        let new = form["new"]
        if !env.hasher.verify(form["current"], hash: principal.account.passwordHash) { errors.add("current", "当前密码不正确") }
        do {
            try PasswordPolicy.check(new, username: principal.account.username)
        } catch {
            errors.add("new", error.message)
        }
        if new != form["confirm"] { errors.add("confirm", "两次输入的新密码不一致") }
        if errors.isEmpty {
            // Checked only for an otherwise acceptable password: up to five bcrypt checks.
            let recent = try await env.store.accounts.recentPasswordHashes(id: principal.account.id)
            if new == form["current"] || recent.contains(where: { env.hasher.verify(new, hash: $0) }) {
                errors.add("new", "新密码不能与最近\(PasswordPolicy.historyDepth)次使用过的密码相同")
            }
        }
        guard errors.isEmpty else { return try await passwordPage(principal, errors: errors, status: .unprocessableContent) }
        // Every other session of the account ends: whoever else held one no longer has the password.
        try await env.store.accounts.setPassword(id: principal.account.id, hash: env.hasher.hash(new), mustChange: false,
                                                 actor: principal.account.username, keepingSession: principal.token)
        return .redirect(to: "/?msg=password")
    }
}
