import Hummingbird
import ZoneCore
import ZoneStore

/// 岗位设置: the post catalogue per unit (分级, 分类, 系数, 聘期, 有效期); posts are edited with
/// optimistic locking and 停用 rather than deleted.
struct PostController {
    let env: AppEnvironment

    func register(_ routes: inout Routes) {
        routes.get("/posts", .viewUnits) { request, _, principal in
            try await list(principal, input: PostInput(), errors: FieldErrors(),
                           notice: request.uri.queryParameters["msg"].flatMap { Self.notices[String($0)] }, status: .ok)
        }
        routes.post("/posts", .managePosts) { _, context, principal in try await create(context.form, principal) }
        routes.get("/posts/import/template.xlsx", .managePosts) { _, _, _ in try Self.template.xlsx(filename: "岗位导入模板.xlsx") }
        routes.post("/posts/import", .managePosts) { _, context, principal in try await importSheet(context, principal) }
        env.imports.registerDownload(&routes, action: "/posts/import", .managePosts)
        routes.get("/posts/export.xlsx", .viewUnits) { _, _, principal in try await export(principal) }
        routes.get("/posts/:id/edit", .managePosts) { _, context, principal in
            guard let post = try await env.store.posts.find(id: context.parameters.require("id", as: Int64.self),
                                                            zoneID: try principal.zoneID) else { return notFound(principal) }
            return try await edit(post, principal, input: PostInput(post), errors: FieldErrors(), status: .ok)
        }
        routes.post("/posts/:id", .managePosts) { _, context, principal in
            try await update(context.parameters.require("id", as: Int64.self), context.form, principal)
        }
        routes.post("/posts/:id/deactivate", .managePosts) { _, context, principal in
            try await deactivate(context.parameters.require("id", as: Int64.self), principal)
        }
    }

    static let notices = ["saved": "已保存。", "deactivated": "岗位已停用，不再加入新的聘任批次。"]

    func notFound(_ principal: Principal) -> Response { Pages.error(.notFound, "岗位不存在。", principal: principal) }

    func list(_ principal: Principal, input: PostInput, errors: FieldErrors, message: String? = nil, notice: String? = nil,
              importText: String = "", importErrors: HeldImports.Errors? = nil, importPreview: HeldImports.Sheet? = nil,
              status: HTTPResponse.Status) async throws -> Response {
        let zoneID = try principal.zoneID
        let tree = try await env.store.units.tree(zoneID: zoneID)
        let posts = try await env.store.posts.all(zoneID: zoneID).filter { principal.scope.allows(unitID: $0.unitID) }
        let zone = principal.zoneName
        let units = [("", "请选择")] + tree.flattened().map { (String($0.unit.id), String(repeating: "　", count: $0.depth) + $0.unit.name) }
        let manages = principal.can(.managePosts)
        return Pages.response(Layout.page(title: "岗位设置", active: "posts", principal: principal, zoneName: zone) {
            HTML.tag("h1") { "岗位设置" }
            HTML.tag("p") { HTML.tag("a", ["class": "btn secondary", "href": "/posts/export.xlsx"]) { "导出 Excel" } }
            Components.flash(notice, kind: "ok")
            Components.flash(message)
            HTML.tag("div", ["class": "card"]) {
                HTML.tag("table", ["class": "grid"]) {
                    HTML.tag("tr") {
                        for h in ["单位", "岗位", "层级", "类别", "薪酬系数", "岗位数", "聘期", "领导职务", "任职条件", "有效期", "状态"] + (manages ? [""] : []) {
                            HTML.tag("th") { h }
                        }
                    }
                    for post in posts {
                        HTML.tag("tr") {
                            HTML.tag("td") { tree[post.unitID]?.name ?? "" }
                            HTML.tag("td") { post.title }
                            HTML.tag("td", ["class": "num"]) { "\(post.level)" }
                            HTML.tag("td") { Components.tag(post.category.rawValue, kind: post.category == .investment ? "warn" : "") }
                            HTML.tag("td", ["class": "num"]) { post.payCoefficientText }
                            HTML.tag("td", ["class": "num"]) { "\(post.headcount)" }
                            HTML.tag("td") { "\(post.termYears)年" }
                            HTML.tag("td") { post.leadership.map { $0.rawValue + "级" } ?? "—" }
                            HTML.tag("td") { post.requirements }
                            HTML.tag("td") { Self.validity(post) }
                            HTML.tag("td") { post.active ? Components.tag("在用", kind: "ok") : Components.tag("已停用") }
                            if manages {
                                HTML.tag("td") { post.active ? HTML.tag("a", ["href": "/posts/\(post.id)/edit"]) { "编辑" } : .empty }
                            }
                        }
                    }
                    if posts.isEmpty { HTML.tag("tr") { HTML.tag("td", ["colspan": "12", "class": "hint"]) { "尚未设置岗位" } } }
                }
            }
            if manages {
                HTML.tag("div", ["class": "card"]) {
                    HTML.tag("h2") { "新增岗位" }
                    HTML.tag("form", ["method": "post", "action": "/posts"]) {
                        Components.csrf(principal)
                        Components.selectField("所属单位", name: "unitID", value: input.unitID, options: units, errors: errors, required: true)
                        Self.editableFields(input, errors: errors)
                        Components.selectField("领导职务", name: "leadership", value: input.leadership,
                                               options: [("", "非领导职务")] + LeadershipRank.allCases.map { ($0.rawValue, $0.rawValue + "级") }, errors: errors)
                        Components.formButtons(cancel: "/posts")
                    }
                }
                Self.card.render(principal, text: importText, errors: importErrors, preview: importPreview)
            }
        }, status: status)
    }

    /// "2025-01-01 至 2027-12-31", open ends shown as such.
    static func validity(_ post: Post) -> String {
        if post.validFrom == nil && post.validTo == nil { return "长期" }
        return (post.validFrom ?? "—") + " 至 " + (post.validTo ?? "长期")
    }

    /// The fields both the new-post and the edit form carry; unit and leadership rank are fixed once
    /// people hold the post, so the edit form shows them read-only.
    static func editableFields(_ input: PostInput, errors: FieldErrors) -> HTML {
        HTML.tag("div") {
            Components.field("岗位名称", name: "title", value: input.title, errors: errors, required: true)
            Components.field("岗位层级", name: "level", value: input.level, errors: errors, hint: "1–9，与档案职级同一尺度（1=一级科员）", required: true)
            Components.selectField("岗位类别", name: "category", value: input.category,
                                   options: PostCategory.allCases.map { ($0.rawValue, $0.rawValue) }, errors: errors, required: true)
            Components.field("薪酬系数", name: "payCoefficient", value: input.payCoefficient, errors: errors, hint: "如 1.2，最多三位小数", required: true)
            Components.field("岗位数", name: "headcount", value: input.headcount, errors: errors, required: true)
            Components.selectField("聘期", name: "termYears", value: input.termYears.isEmpty ? "3" : input.termYears,
                                   options: [("1", "1年"), ("2", "2年"), ("3", "3年")], errors: errors, required: true)
            Components.field("任职条件", name: "requirements", value: input.requirements, errors: errors)
            Components.field("有效期起", name: "validFrom", value: input.validFrom, errors: errors, hint: "yyyy-MM-dd，可不填", type: "date")
            Components.field("有效期止", name: "validTo", value: input.validTo, errors: errors, hint: "可不填", type: "date")
        }
    }

    func edit(_ post: Post, _ principal: Principal, input: PostInput, errors: FieldErrors, message: String? = nil,
              status: HTTPResponse.Status) async throws -> Response {
        let zoneID = try principal.zoneID
        let tree = try await env.store.units.tree(zoneID: zoneID)
        let zone = principal.zoneName
        return Pages.response(Layout.page(title: "编辑岗位：\(post.title)", active: "posts", principal: principal, zoneName: zone) {
            HTML.tag("div", ["class": "crumbs"]) { HTML.tag("a", ["href": "/posts"]) { "岗位设置" } }
            HTML.tag("h1") { "编辑岗位：\(post.title)" }
            Components.flash(message)
            HTML.tag("div", ["class": "card"]) {
                HTML.tag("dl", ["class": "facts"]) {
                    HTML.tag("dt") { "所属单位" }; HTML.tag("dd") { tree[post.unitID]?.name ?? "" }
                    HTML.tag("dt") { "领导职务" }; HTML.tag("dd") { post.leadership.map { $0.rawValue + "级" } ?? "非领导职务" }
                }
                HTML.tag("form", ["method": "post", "action": "/posts/\(post.id)", "novalidate": "novalidate"]) {
                    Components.csrf(principal)
                    HTML.tag("input", ["type": "hidden", "name": "version", "value": String(post.version)])
                    Self.editableFields(input, errors: errors)
                    Components.formButtons(cancel: "/posts")
                }
            }
            if post.active {
                HTML.tag("div", ["class": "card"]) {
                    HTML.tag("h2") { "停用岗位" }
                    HTML.tag("p", ["class": "hint"]) { "停用后岗位保留在目录和聘任记录中，但不能再加入新的聘任批次；仍有人在聘的岗位不能停用。" }
                    HTML.tag("form", ["method": "post", "action": "/posts/\(post.id)/deactivate"]) {
                        Components.csrf(principal)
                        HTML.tag("button", ["type": "submit", "class": "secondary"]) { "停用" }
                    }
                }
            }
        }, status: status)
    }

    static func input(from form: FormFields) -> PostInput {
        var input = PostInput()
        input.unitID = form["unitID"]; input.title = form["title"]; input.level = form["level"]; input.category = form["category"]
        input.payCoefficient = form["payCoefficient"]; input.headcount = form["headcount"]; input.termYears = form["termYears"]
        input.leadership = form["leadership"]; input.requirements = form["requirements"]
        input.validFrom = form["validFrom"]; input.validTo = form["validTo"]
        return input
    }

    func create(_ form: FormFields, _ principal: Principal) async throws -> Response {
        let input = Self.input(from: form)
        let zoneID = try principal.zoneID
        let units = Set(try await env.store.units.all(zoneID: zoneID).map(\.id))
        switch input.validate(knownUnits: units, staffing: try await env.store.policies.current(zoneID: zoneID)?.policy.staffing) {
        case .failure(let errors):
            return try await list(principal, input: input, errors: errors, message: "请更正标红的字段，未保存任何内容。", status: .unprocessableContent)
        case .success(let post):
            _ = try await env.store.posts.create(post, zoneID: zoneID, actor: principal.account.username)
            return .redirect(to: "/posts?msg=saved")
        }
    }

    func update(_ id: Int64, _ form: FormFields, _ principal: Principal) async throws -> Response {
        let zoneID = try principal.zoneID
        guard let post = try await env.store.posts.find(id: id, zoneID: zoneID) else { return notFound(principal) }
        var input = Self.input(from: form)
        input.unitID = String(post.unitID)
        input.leadership = post.leadership?.rawValue ?? ""
        let version = BoundedInt.parse(form["version"], in: BoundedInt.versions) ?? 0
        // Re-render against the version the user edited, so a stale form stays stale until reloaded.
        var edited = post
        edited.version = version
        switch input.validate(knownUnits: [post.unitID], staffing: try await env.store.policies.current(zoneID: zoneID)?.policy.staffing) {
        case .failure(let errors):
            return try await edit(edited, principal, input: input, errors: errors, message: "请更正标红的字段，未保存任何内容。", status: .unprocessableContent)
        case .success(let valid):
            do {
                _ = try await env.store.posts.update(id: id, zoneID: zoneID, to: valid, expectedVersion: version, actor: principal.account.username)
                return .redirect(to: "/posts?msg=saved")
            } catch let error as StoreError {
                return try await edit(edited, principal, input: input, errors: FieldErrors(), message: error.message, status: .conflict)
            }
        }
    }

    func deactivate(_ id: Int64, _ principal: Principal) async throws -> Response {
        let zoneID = try principal.zoneID
        guard let post = try await env.store.posts.find(id: id, zoneID: zoneID) else { return notFound(principal) }
        do {
            try await env.store.posts.deactivate(id: id, zoneID: zoneID, actor: principal.account.username)
            return .redirect(to: "/posts?msg=deactivated")
        } catch let error as StoreError {
            return try await edit(post, principal, input: PostInput(post), errors: FieldErrors(), message: error.message, status: .conflict)
        }
    }
}
