import Hummingbird
import ZoneCore
import ZoneStore

/// 三员分立 in practice: the system admin creates accounts, asks for password resets and unlocks the
/// security admin; the security admin assigns business roles, unlocks every other account, and approves
/// a reset after seeing the owner — only then is a one-time password made, and shown to the approver
/// alone (`PasswordReset`). Neither sees business data, and neither can change the three admin
/// accounts, which are set up from the command line.
struct AdminController {
    let env: AppEnvironment
    static let businessRoles: [Role] = [.hr, .departmentHead, .employee, .leader, .discipline, .province]
    static let adminRoles: Set<Role> = [.systemAdmin, .securityAdmin, .auditAdmin]

    func register(_ routes: inout Routes) {
        routes.get("/admin/accounts", .manageAccounts) { _, _, principal in try await accounts(principal, message: nil, errors: FieldErrors(), status: .ok) }
        routes.post("/admin/accounts", .manageAccounts) { _, context, principal in try await createAccount(context.form, principal) }
        routes.post("/admin/accounts/:id/reset", .manageAccounts) { _, context, principal in
            try await resetPassword(context.parameters.require("id", as: Int64.self), principal)
        }
        routes.get("/admin/roles", .manageRoles) { _, _, principal in try await roles(principal, message: nil, status: .ok) }
        routes.post("/admin/roles/:id", .manageRoles) { _, context, principal in
            try await assignRole(context.parameters.require("id", as: Int64.self), context.form, principal)
        }
        routes.post("/admin/roles/:id/reset", .manageRoles) { _, context, principal in
            try await approveReset(context.parameters.require("id", as: Int64.self), principal)
        }
        routes.post("/admin/roles/:id/unlock", .manageRoles) { _, context, principal in
            try await unlock(context.parameters.require("id", as: Int64.self), principal)
        }
        routes.post("/admin/accounts/:id/unlock", .manageAccounts) { _, context, principal in
            try await unlock(context.parameters.require("id", as: Int64.self), principal)
        }
    }

    /// Who may unlock whom, keeping 三员分立: the security admin unlocks every account but a security
    /// admin's, which the system admin unlocks — so a locked security admin is freed without the
    /// command line, and no admin can free itself. The account is one `manageable` found (the
    /// admin's own zone, or none). Both are audited (`account.unlock`).
    static func mayUnlock(_ account: Account, by principal: Principal) -> Bool {
        guard account.id != principal.account.id else { return false }
        return switch principal.role {
        case .securityAdmin: account.role != .securityAdmin
        case .systemAdmin: account.role == .securityAdmin
        default: false
        }
    }

    func unlock(_ id: Int64, _ principal: Principal) async throws -> Response {
        guard let account = try await manageable(id, principal) else { return Pages.error(.notFound, "本园区没有该账号。", principal: principal) }
        let allowed = Self.mayUnlock(account, by: principal)
        if allowed { try await env.store.accounts.unlock(id: account.id, actor: principal.account.username) }
        let message = allowed ? "已解锁账号 \(account.username)。"
            : "三员分立：安全管理员账号由系统管理员解锁，其他账号由安全管理员解锁（仅限本园区），未解锁 \(account.username)。"
        let status: HTTPResponse.Status = allowed ? .ok : .unprocessableContent
        return principal.role == .systemAdmin
            ? try await accounts(principal, message: message, errors: FieldErrors(), status: status)
            : try await roles(principal, message: message, status: status)
    }

    func accounts(_ principal: Principal, message: String?, errors: FieldErrors, status: HTTPResponse.Status,
                  username: String = "", displayName: String = "") async throws -> Response {
        let all = try await visibleAccounts(principal)
        let pending = try await env.store.accounts.pendingResets()
        let now = env.store.clock.epochSeconds
        return Pages.response(Layout.page(title: "账号管理", active: "accounts", principal: principal) {
            HTML.tag("h1") { "账号管理" }
            Components.flash(message, kind: errors.isEmpty && status == .ok ? "ok" : "error")
            HTML.tag("div", ["class": "card"]) {
                HTML.tag("h2") { "新建账号" }
                HTML.tag("p", ["class": "hint"]) { "新账号生成一次性初始密码，首次登录须修改；角色与范围由安全管理员分配。" }
                HTML.tag("form", ["method": "post", "action": "/admin/accounts"]) {
                    Components.csrf(principal)
                    Components.field("用户名", name: "username", value: username, errors: errors, hint: "字母、数字、下划线，3–32位", required: true)
                    Components.field("显示名称", name: "displayName", value: displayName, errors: errors, required: true)
                    HTML.tag("div", ["class": "field"]) { HTML.tag("span"); HTML.tag("button", ["type": "submit"]) { "创建" } }
                }
            }
            HTML.tag("div", ["class": "card"]) {
                HTML.tag("table", ["class": "grid"]) {
                    HTML.tag("tr") { for h in ["用户名", "显示名称", "角色", "状态", "操作"] { HTML.tag("th") { h } } }
                    for account in all {
                        HTML.tag("tr") {
                            HTML.tag("td") { account.username }
                            HTML.tag("td") { account.displayName }
                            HTML.tag("td") { account.role.label }
                            HTML.tag("td") { Self.status(account, now: now, resetPending: pending[account.id] != nil) }
                            HTML.tag("td") {
                                if !Self.adminRoles.contains(account.role) && pending[account.id] == nil {
                                    HTML.tag("form", ["method": "post", "action": "/admin/accounts/\(account.id)/reset"]) {
                                        Components.csrf(principal)
                                        HTML.tag("button", ["type": "submit", "class": "secondary"]) { "申请重置密码" }
                                    }
                                }
                                if account.lockedUntil > now && Self.mayUnlock(account, by: principal) {
                                    Self.unlockButton("/admin/accounts/\(account.id)/unlock", principal)
                                }
                            }
                        }
                    }
                }
            }
        }, status: status)
    }

    static func unlockButton(_ action: String, _ principal: Principal) -> HTML {
        HTML.tag("form", ["method": "post", "action": action]) {
            Components.csrf(principal)
            HTML.tag("button", ["type": "submit", "class": "secondary"]) { "解锁" }
        }
    }

    static func status(_ account: Account, now: Int64, resetPending: Bool) -> HTML {
        if resetPending { return Components.tag("密码重置待批准", kind: "warn") }
        if account.lockedUntil > now { return Components.tag("已锁定", kind: "bad") }
        if account.mustChangePassword { return Components.tag("待改初始密码", kind: "warn") }
        return Components.tag("正常", kind: "ok")
    }

    func createAccount(_ form: FormFields, _ principal: Principal) async throws -> Response {
        var errors = FieldErrors()
        let username = form["username"].trimmingCharacters(in: .whitespaces)
        let displayName = form["displayName"].trimmingCharacters(in: .whitespaces)
        if username.range(of: "^[A-Za-z0-9_]{3,32}$", options: .regularExpression) == nil { errors.add("username", "用户名须为3–32位字母、数字或下划线") }
        if displayName.isEmpty || displayName.count > 40 { errors.add("displayName", displayName.isEmpty ? "必填" : "最多40字") }
        guard errors.isEmpty else {
            return try await accounts(principal, message: "请更正标红的字段，未保存任何内容。", errors: errors, status: .unprocessableContent,
                                      username: username, displayName: displayName)
        }
        let password = PasswordHasher.randomPassword()
        do {
            // A new account is an 员工 with no person linked: it sees nothing until a role is assigned.
            _ = try await env.store.accounts.create(NewAccount(username: username, displayName: displayName,
                                                               passwordHash: env.hasher.hash(password), role: .employee,
                                                               zoneID: principal.account.zoneID), actor: principal.account.username)
        } catch let error as StoreError {
            return try await accounts(principal, message: error.message, errors: errors, status: .conflict, username: username, displayName: displayName)
        }
        return try await accounts(principal, message: "已创建账号 \(username)，初始密码：\(password)（仅显示一次，请线下告知本人）", errors: FieldErrors(), status: .ok)
    }

    /// The accounts an admin of a zone looks after: those of the zone, and those of no zone (a
    /// province account). Another zone's accounts are its own admins' to manage.
    func visibleAccounts(_ principal: Principal) async throws -> [Account] {
        try await env.store.accounts.all().filter { $0.zoneID == nil || $0.zoneID == principal.account.zoneID }
    }

    func manageable(_ id: Int64, _ principal: Principal) async throws -> Account? {
        guard let account = try await env.store.accounts.find(id: id),
              account.zoneID == nil || account.zoneID == principal.account.zoneID else { return nil }
        return account
    }

    /// A business account the two admins may reset.
    func resettable(_ id: Int64, _ principal: Principal) async throws -> Account? {
        guard let account = try await manageable(id, principal), !Self.adminRoles.contains(account.role) else { return nil }
        return account
    }

    /// The system admin's half: a request, no password.
    func resetPassword(_ id: Int64, _ principal: Principal) async throws -> Response {
        guard let account = try await resettable(id, principal) else {
            return Pages.error(.forbidden, "管理员账号或其他园区的账号不能在此重置。", principal: principal)
        }
        do {
            try await env.store.accounts.requestReset(id: id, actor: principal.account.username)
        } catch let error as StoreError {
            return try await accounts(principal, message: error.message, errors: FieldErrors(), status: .conflict)
        }
        return try await accounts(principal, message: "已申请重置 \(account.username) 的密码：待安全管理员当面核实本人身份后批准，临时密码只向批准人显示一次。",
                                  errors: FieldErrors(), status: .ok)
    }

    /// The security admin's half: approve the pending request, see the one-time password once.
    func approveReset(_ id: Int64, _ principal: Principal) async throws -> Response {
        guard let account = try await resettable(id, principal) else {
            return Pages.error(.forbidden, "管理员账号或其他园区的账号不能在此重置。", principal: principal)
        }
        let password = PasswordHasher.randomPassword()
        let reset: PasswordReset
        do {
            reset = try await env.store.accounts.approveReset(id: id, hash: env.hasher.hash(password), actor: principal.account.username)
        } catch let error as StoreError {
            return try await roles(principal, message: "\(account.username) 没有待批准的密码重置申请（\(error.message)）。", status: .conflict)
        }
        try await env.store.sessions.endAll(accountID: id)
        return try await roles(principal, message: "已批准 \(reset.requestedBy) 对 \(account.username) 的密码重置申请，临时密码：\(password)（仅显示一次，请当面交给本人；首次登录须修改）",
                               status: .ok)
    }

    func roles(_ principal: Principal, message: String?, status: HTTPResponse.Status) async throws -> Response {
        let all = try await visibleAccounts(principal)
        let pending = try await env.store.accounts.pendingResets()
        let tree = try await env.store.units.tree(zoneID: principal.zone?.id ?? 0)
        let now = env.store.clock.epochSeconds
        let unitOptions = [("", "—")] + tree.flattened().map { (String($0.unit.id), String(repeating: "　", count: $0.depth) + $0.unit.name) }
        return Pages.response(Layout.page(title: "角色权限", active: "roles", principal: principal) {
            HTML.tag("h1") { "角色与权限范围" }
            Components.flash(message, kind: status == .ok ? "ok" : "error")
            HTML.tag("div", ["class": "card"]) {
                HTML.tag("p", ["class": "hint"]) {
                    "部门负责人须指定单位（范围为该单位及下属）；员工须关联人员编号（仅可见本人）；省级主管部门不属于任何园区，只能查看各园区汇总数字（不含个人信息），无需单位与人员编号。三员账号不可在此修改。"
                }
                HTML.tag("table", ["class": "grid"]) {
                    HTML.tag("tr") { for h in ["用户名", "显示名称", "状态", "角色 / 单位 / 人员编号", "解锁 / 密码重置"] { HTML.tag("th") { h } } }
                    for account in all {
                        HTML.tag("tr") {
                            HTML.tag("td") { account.username }
                            HTML.tag("td") { account.displayName }
                            HTML.tag("td") { Self.status(account, now: now, resetPending: pending[account.id] != nil) }
                            HTML.tag("td") {
                                if Self.adminRoles.contains(account.role) {
                                    account.role.label
                                } else {
                                    HTML.tag("form", ["class": "inline", "method": "post", "action": "/admin/roles/\(account.id)"]) {
                                        Components.csrf(principal)
                                        HTML.tag("select", ["name": "role", "aria-label": "角色"]) {
                                            for role in Self.businessRoles {
                                                HTML.tag("option", ["value": role.rawValue, "selected": role == account.role ? "selected" : nil]) { role.label }
                                            }
                                        }
                                        HTML.tag("select", ["name": "unitID", "aria-label": "单位"]) {
                                            for (value, label) in unitOptions {
                                                HTML.tag("option", ["value": value, "selected": value == (account.unitID.map(String.init) ?? "") ? "selected" : nil]) { label }
                                            }
                                        }
                                        HTML.tag("input", ["type": "text", "name": "personID", "value": account.personID.map(String.init) ?? "",
                                                           "placeholder": "人员编号", "aria-label": "人员编号"])
                                        HTML.tag("button", ["type": "submit", "class": "secondary"]) { "保存" }
                                    }
                                }
                            }
                            HTML.tag("td") {
                                if account.lockedUntil > now && Self.mayUnlock(account, by: principal) {
                                    Self.unlockButton("/admin/roles/\(account.id)/unlock", principal)
                                }
                                if let request = pending[account.id] {
                                    HTML.tag("form", ["method": "post", "action": "/admin/roles/\(account.id)/reset"]) {
                                        Components.csrf(principal)
                                        HTML.tag("span", ["class": "hint"]) { "\(request.requestedBy) 申请重置密码，请当面核实本人身份后" }
                                        HTML.tag("button", ["type": "submit", "class": "secondary"]) { "批准并生成临时密码" }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }, status: status)
    }

    func assignRole(_ id: Int64, _ form: FormFields, _ principal: Principal) async throws -> Response {
        guard let account = try await manageable(id, principal) else { return Pages.error(.notFound, "本园区没有该账号。", principal: principal) }
        guard !Self.adminRoles.contains(account.role) else {
            return try await roles(principal, message: "三员账号不能在此修改。", status: .forbidden)
        }
        guard let role = Role(rawValue: form["role"]), Self.businessRoles.contains(role) else {
            return try await roles(principal, message: "只能分配业务角色（三员角色不能在此分配）。", status: .unprocessableContent)
        }
        let unitID = Int64(form["unitID"])
        let personID = Int64(form["personID"].trimmingCharacters(in: .whitespaces))
        let zoneID = principal.account.zoneID
        let tree = try await env.store.units.tree(zoneID: zoneID ?? 0)
        if role.needsUnit, unitID.flatMap({ tree[$0] }) == nil {
            return try await roles(principal, message: "部门负责人须指定本园区的单位。", status: .unprocessableContent)
        }
        var person: Person?
        if let personID, let zoneID { person = try await env.store.people.find(id: personID, zoneID: zoneID) }
        if role.needsPerson, person == nil {
            return try await roles(principal, message: "员工须关联本园区的人员编号。", status: .unprocessableContent)
        }
        // A province account leaves the zone: it reads every zone's aggregates and no zone's rows.
        try await env.store.accounts.assignRole(id: id, role: role, zoneID: role.isCrossZone ? nil : zoneID ?? account.zoneID,
                                                unitID: role.needsUnit ? unitID : nil,
                                                personID: role.needsPerson ? personID : nil, actor: principal.account.username)
        // A changed role takes effect now, not at the next login.
        try await env.store.sessions.endAll(accountID: id)
        return try await roles(principal, message: "已将 \(account.username) 设为\(role.label)。", status: .ok)
    }
}
