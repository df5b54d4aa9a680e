import Hummingbird
import ZoneCore
import ZoneStore

/// 三员分立 in practice: the system admin creates accounts, asks for password resets and unlocks the
/// security admin; the security admin assigns business roles, unlocks every other account, and approves
/// a reset after seeing the owner — only then is a one-time password made, and shown to the approver
/// alone (`PasswordReset`). Neither sees business data, and neither can change the three admin
/// accounts, which are set up from the command line.
///
/// Each zone's three admins look after that zone's accounts only, and the province's three admins
/// (accounts of no zone) the province's accounts only: an account's zone is set when it is created,
/// by whoever creates it, and never changes.
struct AdminController {
    let env: AppEnvironment
    static let businessRoles: [Role] = [.hr, .departmentHead, .employee, .leader, .discipline, .province]
    static let adminRoles: Set<Role> = [.systemAdmin, .securityAdmin, .auditAdmin]

    /// The roles a security admin may give: a zone's business roles in a zone, and 省级主管部门 in the
    /// province — a role never takes an account into another zone or out of the province.
    static func assignableRoles(_ principal: Principal) -> [Role] {
        businessRoles.filter { $0.isCrossZone == (principal.zone == nil) }
    }

    /// Where an admin's accounts are, for messages: the zone's, or the province's.
    static func own(_ principal: Principal) -> String { principal.zone == nil ? "省级" : "本园区" }

    static func notHere(_ principal: Principal) -> String {
        "\(own(principal))没有该账号（其他园区的账号由该园区的管理员管理，省级账号由省级管理员管理）。"
    }

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
        guard let account = try await manageable(id, principal) else { return Pages.error(.notFound, Self.notHere(principal), principal: principal) }
        let allowed = Self.mayUnlock(account, by: principal)
        if allowed { try await env.store.accounts.unlock(id: account.id, actor: principal.account.username) }
        let message = allowed ? "已解锁账号 \(account.username)。"
            : "三员分立：安全管理员账号由系统管理员解锁，其他账号由安全管理员解锁（仅限\(Self.own(principal))账号），未解锁 \(account.username)。"
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
                HTML.tag("p", ["class": "hint"]) {
                    principal.zone.map { "新账号属于\($0.name)，" } ?? "新账号为省级账号（不属于任何园区），"
                    "生成一次性初始密码，首次登录须修改；角色与范围由安全管理员分配。"
                }
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
                                                               zoneID: principal.zone?.id), actor: principal.account.username)
        } catch let error as StoreError {
            return try await accounts(principal, message: error.message, errors: errors, status: .conflict, username: username, displayName: displayName)
        }
        return try await accounts(principal, message: "已创建账号 \(username)，初始密码：\(password)（仅显示一次，请线下告知本人）", errors: FieldErrors(), status: .ok)
    }

    /// The accounts an admin looks after: those of the admin's zone, or for the province's admins
    /// those of no zone. Another zone's accounts are its own admins' to manage.
    func visibleAccounts(_ principal: Principal) async throws -> [Account] {
        try await env.store.accounts.all(zoneID: principal.zone?.id)
    }

    func manageable(_ id: Int64, _ principal: Principal) async throws -> Account? {
        try await env.store.accounts.find(id: id, zoneID: principal.zone?.id)
    }

    /// A business account the two admins may reset.
    func resettable(_ id: Int64, _ principal: Principal) async throws -> Account? {
        guard let account = try await manageable(id, principal), !Self.adminRoles.contains(account.role) else { return nil }
        return account
    }

    /// The system admin's half: a request, no password.
    func resetPassword(_ id: Int64, _ principal: Principal) async throws -> Response {
        guard let account = try await resettable(id, principal) else {
            return Pages.error(.forbidden, "管理员账号，或不属于\(Self.own(principal))的账号，不能在此重置。", principal: principal)
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
            return Pages.error(.forbidden, "管理员账号，或不属于\(Self.own(principal))的账号，不能在此重置。", principal: principal)
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
        let tree = if let zone = principal.zone { try await env.store.units.tree(zoneID: zone.id) } else { UnitTree([]) }
        var linked: [Int64: Person] = [:]
        if let zone = principal.zone {
            for personID in Set(all.compactMap(\.personID)) { linked[personID] = try await env.store.people.find(id: personID, zoneID: zone.id) }
        }
        let now = env.store.clock.epochSeconds
        let unitOptions = [("", "—")] + tree.flattened().map { (String($0.unit.id), String(repeating: "　", count: $0.depth) + $0.unit.name) }
        let assignable = Self.assignableRoles(principal)
        return Pages.response(Layout.page(title: "角色权限", active: "roles", principal: principal, zoneName: principal.zoneName) {
            HTML.tag("h1") { "角色与权限范围" }
            Components.flash(message, kind: status == .ok ? "ok" : "error")
            HTML.tag("div", ["class": "card"]) {
                HTML.tag("p", ["class": "hint"]) {
                    if principal.zone == nil {
                        "省级账号不属于任何园区，只能设为省级主管部门（只能查看各园区汇总数字，不含个人信息）；园区的账号由该园区的安全管理员分配角色。三员账号不可在此修改。"
                    } else {
                        "部门负责人须指定本园区的单位（范围为该单位及下属）；员工须按姓名或人员编号关联本园区的人员（仅可见本人），同名时请填人员编号。省级主管部门账号由省级管理员管理。三员账号不可在此修改。"
                    }
                }
                HTML.tag("table", ["class": "grid"]) {
                    HTML.tag("tr") { for h in ["用户名", "显示名称", "状态", "角色 / 单位 / 关联人员", "解锁 / 密码重置"] { HTML.tag("th") { h } } }
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
                                            for role in assignable {
                                                HTML.tag("option", ["value": role.rawValue, "selected": role == account.role ? "selected" : nil]) { role.label }
                                            }
                                        }
                                        if principal.zone != nil {
                                            HTML.tag("select", ["name": "unitID", "aria-label": "单位"]) {
                                                for (value, label) in unitOptions {
                                                    HTML.tag("option", ["value": value, "selected": value == (account.unitID.map(String.init) ?? "") ? "selected" : nil]) { label }
                                                }
                                            }
                                            HTML.tag("input", ["type": "text", "name": "person", "value": account.personID.map(String.init) ?? "",
                                                               "placeholder": "人员姓名或人员编号", "aria-label": "关联人员（姓名或人员编号）"])
                                        }
                                        HTML.tag("button", ["type": "submit", "class": "secondary"]) { "保存" }
                                        if let person = account.personID.flatMap({ linked[$0] }) {
                                            HTML.tag("span", ["class": "hint"]) { "已关联：\(Self.describe(person, tree))" }
                                        }
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

    /// 姓名（人员编号 N，单位）: how a person is told apart from a namesake.
    static func describe(_ person: Person, _ tree: UnitTree) -> String {
        "\(person.name)（人员编号 \(person.id)，\(tree[person.unitID]?.name ?? "—")）"
    }

    /// The person an 员工 account is linked to, chosen within the admin's zone by 人员编号 or by
    /// 姓名; a name several people share is refused with the namesakes listed, to be chosen by number.
    /// A person of another zone is not found.
    func person(_ text: String, zoneID: Int64, tree: UnitTree) async throws -> Result<Person, Refusal> {
        guard !text.isEmpty else { return .failure(Refusal("员工须关联本园区的人员：请填写姓名或人员编号。")) }
        if let id = Int64(text) {
            guard let person = try await env.store.people.find(id: id, zoneID: zoneID) else {
                return .failure(Refusal("本园区没有人员编号为 \(id) 的人员，未保存。"))
            }
            return .success(person)
        }
        let namesakes = try await env.store.people.search(PeopleQuery(zoneID: zoneID, text: text, pageSize: 200)).people.filter { $0.name == text }
        switch namesakes.count {
        case 0: return .failure(Refusal("本园区没有名为“\(text)”的人员，未保存。"))
        case 1: return .success(namesakes[0])
        default:
            return .failure(Refusal("本园区有 \(namesakes.count) 位名为“\(text)”的人员，请改填其中一位的人员编号：" +
                                    namesakes.map { Self.describe($0, tree) }.joined(separator: "、") + "。未保存。"))
        }
    }

    struct Refusal: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    func assignRole(_ id: Int64, _ form: FormFields, _ principal: Principal) async throws -> Response {
        guard let account = try await manageable(id, principal) else { return Pages.error(.notFound, Self.notHere(principal), principal: principal) }
        guard !Self.adminRoles.contains(account.role) else {
            return try await roles(principal, message: "三员账号不能在此修改。", status: .forbidden)
        }
        guard let role = Role(rawValue: form["role"]), Self.assignableRoles(principal).contains(role) else {
            let allowed = Self.assignableRoles(principal).map(\.label).joined(separator: "、")
            return try await roles(principal, message: "\(Self.own(principal))账号只能分配以下角色：\(allowed)（三员角色不能在此分配）。未保存。",
                                   status: .unprocessableContent)
        }
        var unitID: Int64?, personID: Int64?
        if let zone = principal.zone {
            let tree = try await env.store.units.tree(zoneID: zone.id)
            if role.needsUnit {
                guard let unit = Int64(form["unitID"]).flatMap({ tree[$0] }) else {
                    return try await roles(principal, message: "部门负责人须指定本园区的单位。", status: .unprocessableContent)
                }
                unitID = unit.id
            }
            if role.needsPerson {
                switch try await person(form["person"].trimmingCharacters(in: .whitespaces), zoneID: zone.id, tree: tree) {
                case .success(let person): personID = person.id
                case .failure(let refusal): return try await roles(principal, message: refusal.message, status: .unprocessableContent)
                }
            }
        }
        try await env.store.accounts.assignRole(id: id, role: role, unitID: unitID, personID: personID, actor: principal.account.username)
        // A changed role takes effect now, not at the next login.
        try await env.store.sessions.endAll(accountID: id)
        return try await roles(principal, message: "已将 \(account.username) 设为\(role.label)。", status: .ok)
    }
}
