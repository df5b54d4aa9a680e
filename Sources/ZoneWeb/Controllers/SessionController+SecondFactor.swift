import Hummingbird
import ZoneCore
import ZoneStore

/// The admins' optional second factor: a TOTP app enrolled on `/totp`. Enrolling needs the
/// current password and a first code (so a borrowed session cannot tie the account to another
/// phone); removing needs a current code. A lost phone is handled by `zonedesk reset-password`.
extension SessionController {
    func registerSecondFactor(_ routes: inout Routes) {
        routes.get("/totp", .useSecondFactor) { request, _, principal in
            let notice: String? = switch request.uri.queryParameters["msg"].map(String.init) {
            case "on": "已启用动态口令，下次登录起生效。"
            case "off": "已停用动态口令。"
            default: nil
            }
            return try await secondFactorPage(principal, secret: TOTP.randomSecret(), message: nil, notice: notice, status: .ok)
        }
        routes.post("/totp", .useSecondFactor) { _, context, principal in
            try await enrolSecondFactor(context.form, principal)
        }
        routes.post("/totp/remove", .useSecondFactor) { _, context, principal in
            try await removeSecondFactor(context.form, principal)
        }
    }

    func enrolSecondFactor(_ form: FormFields, _ principal: Principal) async throws -> Response {
        let secret = form["secret"]
        guard !principal.account.hasTOTP else { return .redirect(to: "/totp") }
        guard TOTP.base32Decode(secret)?.count == 20 else {
            return try await secondFactorPage(principal, secret: TOTP.randomSecret(), message: "密钥无效，请重新扫描或输入新的密钥。", status: .unprocessableContent)
        }
        guard env.hasher.verify(form["password"], hash: principal.account.passwordHash) else {
            return try await secondFactorPage(principal, secret: secret, message: "当前密码不正确，未启用。", status: .unprocessableContent)
        }
        guard let step = TOTP.matchingStep(form["code"], secret: secret, now: env.store.clock.epochSeconds) else {
            return try await secondFactorPage(principal, secret: secret, message: "动态口令不正确（请核对手机时间），未启用。", status: .unprocessableContent)
        }
        try await env.store.accounts.setTOTP(id: principal.account.id, secret: secret, usedStep: step, actor: principal.account.username)
        return .redirect(to: "/totp?msg=on")
    }

    func removeSecondFactor(_ form: FormFields, _ principal: Principal) async throws -> Response {
        guard principal.account.hasTOTP, let stored = try await env.store.accounts.totpSecret(id: principal.account.id),
              TOTP.matchingStep(form["code"], secret: stored, now: env.store.clock.epochSeconds) != nil else {
            return try await secondFactorPage(principal, secret: TOTP.randomSecret(), message: "动态口令不正确，未停用。", status: .unprocessableContent)
        }
        try await env.store.accounts.setTOTP(id: principal.account.id, secret: "", actor: principal.account.username)
        return .redirect(to: "/totp?msg=off")
    }

    func secondFactorPage(_ principal: Principal, secret: String, message: String?, notice: String? = nil,
                          status: HTTPResponse.Status) async throws -> Response {
        let zone = principal.zoneName
        let username = principal.account.username
        return Pages.response(Layout.page(title: "动态口令", active: "totp", principal: principal, zoneName: zone) {
            HTML.tag("h1") { "动态口令（第二因素）" }
            Components.flash(message)
            Components.flash(notice, kind: "ok")
            HTML.tag("div", ["class": "card"]) {
                if principal.account.hasTOTP {
                    HTML.tag("p") { "已启用：登录时除密码外还须输入手机验证器应用显示的 6 位动态口令。手机丢失时请在服务器上运行 zonedesk reset-password。" }
                    HTML.tag("form", ["method": "post", "action": "/totp/remove"]) {
                        Components.csrf(principal)
                        Components.field("当前动态口令", name: "code", value: "", errors: FieldErrors(), required: true)
                        Components.formButtons(cancel: "/")
                    }
                } else {
                    HTML.tag("p") { "在手机验证器应用（如 Google Authenticator、Microsoft Authenticator、FreeOTP）中手动添加以下密钥（基于时间，30 秒，6 位），然后输入当前密码和应用显示的动态口令。" }
                    HTML.tag("p") { HTML.tag("code") { secret } }
                    HTML.tag("p", ["class": "hint"]) { TOTP.uri(secret: secret, username: username) }
                    HTML.tag("form", ["method": "post", "action": "/totp"]) {
                        Components.csrf(principal)
                        HTML.tag("input", ["type": "hidden", "name": "secret", "value": secret])
                        Components.field("当前密码", name: "password", value: "", errors: FieldErrors(), type: "password", required: true)
                        Components.field("动态口令", name: "code", value: "", errors: FieldErrors(), required: true)
                        Components.formButtons(cancel: "/")
                    }
                }
            }
        }, status: status)
    }
}
