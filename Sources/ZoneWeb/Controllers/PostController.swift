import Hummingbird
import ZoneCore
import ZoneStore

/// 岗位设置: the post catalogue per unit (分级, 分类, 系数, 聘期).
struct PostController {
    let env: AppEnvironment

    func register(_ routes: inout Routes) {
        routes.get("/posts", .viewUnits) { _, _, principal in try await list(principal, input: PostInput(), errors: FieldErrors(), status: .ok) }
        routes.post("/posts", .managePosts) { _, context, principal in try await create(context.form, principal) }
    }

    func list(_ principal: Principal, input: PostInput, errors: FieldErrors, message: String? = nil, status: HTTPResponse.Status) async throws -> Response {
        let zoneID = principal.account.zoneID ?? 0
        let tree = try await env.store.units.tree(zoneID: zoneID)
        let posts = try await env.store.posts.all(zoneID: zoneID).filter { principal.scope.allows(unitID: $0.unitID) }
        let zone = try await env.zoneName(principal)
        let units = [("", "请选择")] + tree.flattened().map { (String($0.unit.id), String(repeating: "　", count: $0.depth) + $0.unit.name) }
        return Pages.response(Layout.page(title: "岗位设置", active: "posts", principal: principal, zoneName: zone) {
            HTML.tag("h1") { "岗位设置" }
            Components.flash(message)
            HTML.tag("div", ["class": "card"]) {
                HTML.tag("table", ["class": "grid"]) {
                    HTML.tag("tr") {
                        for h in ["单位", "岗位", "层级", "类别", "薪酬系数", "岗位数", "聘期", "领导职务", "任职条件"] { HTML.tag("th") { h } }
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
                        }
                    }
                    if posts.isEmpty { HTML.tag("tr") { HTML.tag("td", ["colspan": "9", "class": "hint"]) { "尚未设置岗位" } } }
                }
            }
            if principal.can(.managePosts) {
                HTML.tag("div", ["class": "card"]) {
                    HTML.tag("h2") { "新增岗位" }
                    HTML.tag("form", ["method": "post", "action": "/posts"]) {
                        Components.csrf(principal)
                        Components.selectField("所属单位", name: "unitID", value: input.unitID, options: units, errors: errors, required: true)
                        Components.field("岗位名称", name: "title", value: input.title, errors: errors, required: true)
                        Components.field("岗位层级", name: "level", value: input.level, errors: errors, hint: "1–9，与档案职级同一尺度（1=一级科员）", required: true)
                        Components.selectField("岗位类别", name: "category", value: input.category,
                                               options: PostCategory.allCases.map { ($0.rawValue, $0.rawValue) }, errors: errors, required: true)
                        Components.field("薪酬系数", name: "payCoefficient", value: input.payCoefficient, errors: errors, hint: "如 1.2，最多三位小数", required: true)
                        Components.field("岗位数", name: "headcount", value: input.headcount, errors: errors, required: true)
                        Components.selectField("聘期", name: "termYears", value: input.termYears.isEmpty ? "3" : input.termYears,
                                               options: [("1", "1年"), ("2", "2年"), ("3", "3年")], errors: errors, required: true)
                        Components.selectField("领导职务", name: "leadership", value: input.leadership,
                                               options: [("", "非领导职务")] + LeadershipRank.allCases.map { ($0.rawValue, $0.rawValue + "级") }, errors: errors)
                        Components.field("任职条件", name: "requirements", value: input.requirements, errors: errors)
                        Components.formButtons(cancel: "/posts")
                    }
                }
            }
        }, status: status)
    }

    func create(_ form: FormFields, _ principal: Principal) async throws -> Response {
        var input = PostInput()
        input.unitID = form["unitID"]; input.title = form["title"]; input.level = form["level"]; input.category = form["category"]
        input.payCoefficient = form["payCoefficient"]; input.headcount = form["headcount"]; input.termYears = form["termYears"]
        input.leadership = form["leadership"]; input.requirements = form["requirements"]
        let zoneID = principal.account.zoneID ?? 0
        let units = Set(try await env.store.units.all(zoneID: zoneID).map(\.id))
        switch input.validate(knownUnits: units) {
        case .failure(let errors):
            return try await list(principal, input: input, errors: errors, message: "请更正标红的字段，未保存任何内容。", status: .unprocessableContent)
        case .success(let post):
            _ = try await env.store.posts.create(post, zoneID: zoneID, actor: principal.account.username)
            return .redirect(to: "/posts")
        }
    }
}
