import Foundation
import Hummingbird
import ZoneCore
import ZoneStore

/// 绩效考核: the year's appraisal from the KPI cascade to final results. 组织人事 sets up indicators,
/// enters actuals, review scores and work logs, records 容错纠错 exemptions, computes, publishes
/// (5 working days) and reviews objections; employees see their own 考核登记表 and object;
/// department heads see their units; leaders decide the proposed consequences.
struct AppraisalController {
    let env: AppEnvironment

    func register(_ routes: inout Routes) {
        routes.get("/appraisals", .viewAppraisals) { _, _, principal in try await list(principal) }
        routes.post("/appraisals", .manageAppraisals) { _, context, principal in
            let name = context.form["name"].trimmingCharacters(in: .whitespaces)
            guard let year = BoundedInt.parse(context.form["year"], in: BoundedInt.years) else {
                return try await list(principal, error: BoundedInt.message("考核年度", BoundedInt.years) + "。", status: .unprocessableContent)
            }
            do {
                let id = try await env.store.appraisals.create(zoneID: try principal.zoneID, year: year, name: name.isEmpty ? "\(year)年度考核" : name,
                                                               actor: principal.account.username)
                return .redirect(to: "/appraisals/\(id)")
            } catch let error as StoreError {
                return try await list(principal, error: error.message + "，未保存。", status: .unprocessableContent)
            }
        }
        routes.get("/appraisals/:id", .viewAppraisals) { request, context, principal in
            try await overview(context.parameters.require("id", as: Int64.self), principal, notice: request.uri.queryParameters["msg"].map(String.init))
        }
        routes.get("/appraisals/:id/indicators", .viewAppraisals) { _, context, principal in
            try await indicators(context.parameters.require("id", as: Int64.self), principal)
        }
        routes.post("/appraisals/:id/indicators", .manageAppraisals) { _, context, principal in
            let id = try context.parameters.require("id", as: Int64.self)
            guard let indicator = AppraisalForms.indicator(context.form) else {
                return try await indicators(id, principal, error: "请完整填写指标：名称、层级、权重与计分规则（数值须为数字），未保存。", status: .unprocessableContent)
            }
            return try await act(id, principal, back: "indicators") {
                _ = try await env.store.appraisals.addIndicator(indicator, appraisalID: id, zoneID: try principal.zoneID, actor: principal.account.username)
            }
        }
        routes.post("/appraisals/:id/indicators/:indicator/delete", .manageAppraisals) { _, context, principal in
            let id = try context.parameters.require("id", as: Int64.self), indicator = try context.parameters.require("indicator", as: Int64.self)
            return try await act(id, principal, back: "indicators") {
                try await env.store.appraisals.removeIndicator(indicator, appraisalID: id, zoneID: try principal.zoneID, actor: principal.account.username)
            }
        }
        routes.post("/appraisals/:id/actuals", .manageAppraisals) { _, context, principal in
            let id = try context.parameters.require("id", as: Int64.self)
            // Another zone's appraisal is not found before its indicators' rules could judge the form.
            guard try await env.store.appraisals.find(id: id, zoneID: try principal.zoneID) != nil else {
                return Pages.error(.notFound, "考核不存在。", principal: principal)
            }
            let rules = Dictionary(uniqueKeysWithValues: try await env.store.appraisals.indicators(appraisalID: id).map { ($0.id, $0.rule) })
            var actuals: [Int64: Int64?] = [:]
            for (key, values) in context.form.values where key.hasPrefix("actual_") {
                guard let indicator = Int64(key.dropFirst(7)), let rule = rules[indicator], let text = values.last else { continue }
                do throws(ValidationError) { actuals[indicator] = .some(try rule.parseActual(text)) } catch {
                    return try await indicators(id, principal, error: error.message + "，未保存。", status: .unprocessableContent)
                }
            }
            return try await act(id, principal, back: "indicators") {
                try await env.store.appraisals.setActuals(actuals, appraisalID: id, zoneID: try principal.zoneID, actor: principal.account.username)
            }
        }
        routes.get("/appraisals/:id/actuals/template.xlsx", .manageAppraisals) { _, context, principal in
            try await actualsTemplate(try context.parameters.require("id", as: Int64.self), principal)
        }
        routes.post("/appraisals/:id/actuals/import", .manageAppraisals) { _, context, principal in
            try await importActuals(try context.parameters.require("id", as: Int64.self), context, principal)
        }
        env.imports.registerDownload(&routes, action: "/appraisals/:id/actuals/import", .manageAppraisals)
        routes.post("/appraisals/:id/inputs", .manageAppraisals) { _, context, principal in
            let id = try context.parameters.require("id", as: Int64.self)
            switch AppraisalForms.inputs(context.form["rows"]) {
            case .failure(let problems):
                return try await overview(id, principal, error: "未保存：" + problems.joined(separator: "；"), status: .unprocessableContent)
            case .success(let inputs):
                return try await act(id, principal) {
                    try await env.store.appraisals.setInputs(inputs, appraisalID: id, zoneID: try principal.zoneID, actor: principal.account.username)
                }
            }
        }
        routes.post("/appraisals/:id/exemptions", .manageAppraisals) { _, context, principal in
            let id = try context.parameters.require("id", as: Int64.self)
            guard let person = Int64(context.form["personID"]), let indicator = Int64(context.form["indicatorID"]) else {
                return try await overview(id, principal, error: "请填写人员编号并选择指标，未保存。", status: .unprocessableContent)
            }
            return try await act(id, principal) {
                try await env.store.appraisals.exempt(personID: person, indicatorID: indicator, reason: context.form["reason"].trimmingCharacters(in: .whitespaces),
                                                      approver: context.form["approver"].trimmingCharacters(in: .whitespaces), appraisalID: id,
                                                      zoneID: try principal.zoneID, actor: principal.account.username)
            }
        }
        routes.post("/appraisals/:id/coefficients", .manageAppraisals) { _, context, principal in
            let id = try context.parameters.require("id", as: Int64.self)
            guard let unit = Int64(context.form["unitID"]), let milli = FixedPoint.parse(context.form["coefficient"], places: 3, limit: 100_000) else {
                return try await overview(id, principal, error: "请选择单位并填写价值系数（如 1.200），未保存。", status: .unprocessableContent)
            }
            return try await act(id, principal) {
                try await env.store.appraisals.assignCoefficient(unitID: unit, milli: milli, appraisalID: id, zoneID: try principal.zoneID,
                                                                 actor: principal.account.username)
            }
        }
        routes.post("/appraisals/:id/approvals", .manageAppraisals) { _, context, principal in
            let id = try context.parameters.require("id", as: Int64.self)
            guard let group = Int64(context.form["groupKey"]) else {
                return try await overview(id, principal, error: "请选择比较组，未保存。", status: .unprocessableContent)
            }
            return try await act(id, principal) {
                try await env.store.appraisals.approveHigherCap(groupKey: group, document: context.form["document"].trimmingCharacters(in: .whitespaces),
                                                                appraisalID: id, zoneID: try principal.zoneID, actor: principal.account.username)
            }
        }
        routes.post("/appraisals/:id/status", .manageAppraisals) { _, context, principal in
            try await advance(context.parameters.require("id", as: Int64.self), to: context.form["to"], principal)
        }
        routes.get("/appraisals/:id/results", .viewAppraisals) { _, context, principal in
            try await results(context.parameters.require("id", as: Int64.self), principal)
        }
        routes.get("/appraisals/:id/results.xlsx", .viewAppraisals) { _, context, principal in
            try await resultsWorkbook(context.parameters.require("id", as: Int64.self), principal)
        }
        // 考核登记表: readable by whoever may see appraisals within their scope, and by the person.
        routes.get("/appraisals/:id/people/:person", .signedIn) { _, context, principal in
            try await card(context.parameters.require("id", as: Int64.self), personID: context.parameters.require("person", as: Int64.self), principal)
        }
        routes.post("/appraisals/:id/objections", .selfService) { _, context, principal in
            let id = try context.parameters.require("id", as: Int64.self)
            guard case .person(let personID) = principal.scope else {
                return Pages.error(.forbidden, "您的账号未关联人员档案，不能申诉。", principal: principal)
            }
            do {
                try await env.store.appraisals.object(personID: personID, reason: context.form["reason"].trimmingCharacters(in: .whitespaces),
                                                      appraisalID: id, zoneID: try principal.zoneID, actor: principal.account.username)
                return .redirect(to: "/appraisals/\(id)/people/\(personID)?msg=objection")
            } catch let error as StoreError {
                return try await card(id, personID: personID, principal, error: error.message, status: .conflict)
            }
        }
        routes.post("/appraisals/:id/objections/:objection", .manageAppraisals) { _, context, principal in
            let id = try context.parameters.require("id", as: Int64.self), objection = try context.parameters.require("objection", as: Int64.self)
            let upheld = context.form["decision"] == "upheld"
            return try await act(id, principal) {
                try await env.store.appraisals.decideObjection(objection, upheld: upheld, newGrade: upheld ? context.form["grade"] : nil,
                                                               reply: context.form["reply"].trimmingCharacters(in: .whitespaces), appraisalID: id,
                                                               zoneID: try principal.zoneID, actor: principal.account.username)
            }
        }
        routes.post("/appraisals/:id/proposals/:proposal", .decideConsequences) { _, context, principal in
            let id = try context.parameters.require("id", as: Int64.self), proposal = try context.parameters.require("proposal", as: Int64.self)
            guard let decision = ConsequenceProposalRow.Decision(rawValue: context.form["decision"]) else {
                return try await overview(id, principal, error: "请选择决定。", status: .unprocessableContent)
            }
            return try await act(id, principal) {
                try await env.store.appraisals.decideProposal(proposal, decision: decision, note: context.form["note"].trimmingCharacters(in: .whitespaces),
                                                              appraisalID: id, zoneID: try principal.zoneID, actor: principal.account.username)
            }
        }
    }

    static let notices = ["saved": "已保存。", "compute": "已计算考核结果，请核对后公示。", "publish": "考核结果已公示。",
                          "final": "考核结果已确定，处理建议已生成，待领导决定。", "objection": "申诉已提交，待组织人事复核。"]

    /// Runs a change and returns to the page, or shows the store's refusal on it.
    func act(_ id: Int64, _ principal: Principal, back: String = "", notice: String = "saved", _ action: () async throws -> Void) async throws -> Response {
        do {
            try await action()
            return .redirect(to: "/appraisals/\(id)\(back.isEmpty ? "" : "/" + back)?msg=\(notice)")
        } catch let error as StoreError {
            if case .notFound = error { return Pages.error(.notFound, error.message, principal: principal) }
            return back == "indicators" ? try await indicators(id, principal, error: error.message, status: .conflict)
                : try await overview(id, principal, error: error.message, status: .conflict)
        }
    }

    func advance(_ id: Int64, to target: String, _ principal: Principal) async throws -> Response {
        let zoneID = try principal.zoneID, actor = principal.account.username, store = env.store
        return try await act(id, principal, notice: Self.notices[target] == nil ? "saved" : target) {
            switch target {
            case "compute": try await store.appraisals.compute(appraisalID: id, zoneID: zoneID, actor: actor)
            case "publish": try await store.appraisals.publish(appraisalID: id, zoneID: zoneID, actor: actor)
            case "final": try await store.appraisals.finalize(appraisalID: id, zoneID: zoneID, actor: actor)
            default: throw StoreError.invalid("未知操作")
            }
        }
    }

    func list(_ principal: Principal, error: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let appraisals = try await env.store.appraisals.all(zoneID: try principal.zoneID)
        let zone = principal.zoneName
        return Pages.response(Layout.page(title: "绩效考核", active: "appraisals", principal: principal, zoneName: zone) {
            HTML.tag("h1") { "绩效考核" }
            Components.flash(error)
            HTML.tag("div", ["class": "card"]) {
                if principal.can(.manageAppraisals) {
                    HTML.tag("form", ["class": "inline", "method": "post", "action": "/appraisals"]) {
                        Components.csrf(principal)
                        HTML.tag("input", ["type": "number", "name": "year", "placeholder": "年度", "aria-label": "考核年度", "min": "2000", "max": "2100"])
                        HTML.tag("input", ["type": "text", "name": "name", "placeholder": "名称，如：2025年度目标绩效考核", "aria-label": "考核名称"])
                        HTML.tag("button", ["type": "submit"]) { "新建年度考核" }
                    }
                }
                HTML.tag("table", ["class": "grid"]) {
                    HTML.tag("tr") { for h in ["年度", "名称", "状态", "公示期至"] { HTML.tag("th") { h } } }
                    for a in appraisals {
                        HTML.tag("tr") {
                            HTML.tag("td") { String(a.year) }
                            HTML.tag("td") { HTML.tag("a", ["href": "/appraisals/\(a.id)"]) { a.name } }
                            HTML.tag("td") { Components.tag(a.status.label, kind: a.status == .final ? "ok" : a.status == .published ? "warn" : "") }
                            HTML.tag("td") { a.publicityEnds ?? "—" }
                        }
                    }
                    if appraisals.isEmpty { HTML.tag("tr") { HTML.tag("td", ["colspan": "4", "class": "hint"]) { "暂无年度考核" } } }
                }
            }
        }, status: status)
    }

    func load(_ id: Int64, _ principal: Principal) async throws -> AppraisalPage.Data? {
        let zoneID = try principal.zoneID, store = env.store
        guard let appraisal = try await store.appraisals.find(id: id, zoneID: zoneID) else { return nil }
        let policy = try await store.policies.require(zoneID: zoneID, version: appraisal.policyVersion).policy
        let results = try await store.appraisals.results(appraisalID: id).filter { principal.scope.allows(personID: $0.personID, unitID: $0.unitID) }
        let visible = Set(results.map(\.personID))
        return AppraisalPage.Data(appraisal: appraisal, policy: policy, tree: try await store.units.tree(zoneID: zoneID), results: results,
                                  groups: try await store.appraisals.groups(appraisalID: id),
                                  departments: try await store.appraisals.departmentResults(appraisalID: id),
                                  indicators: try await store.appraisals.indicators(appraisalID: id),
                                  exemptions: try await store.appraisals.exemptions(appraisalID: id),
                                  approvals: try await store.appraisals.capApprovals(appraisalID: id),
                                  objections: try await store.appraisals.objections(appraisalID: id)
                                      .filter { principal.scope == .zone || visible.contains($0.personID) },
                                  proposals: try await store.appraisals.proposals(appraisalID: id),
                                  inputCount: try await store.appraisals.inputCount(appraisalID: id),
                                  indicatorCounts: try await store.appraisals.indicatorCounts(zoneID: zoneID))
    }

    func render(_ id: Int64, _ principal: Principal, notice: String?, error: String?, status: HTTPResponse.Status,
                _ body: (AppraisalPage) -> HTML) async throws -> Response {
        guard let data = try await load(id, principal) else { return Pages.error(.notFound, "考核不存在。", principal: principal) }
        let zone = principal.zoneName
        let view = AppraisalPage(data: data, principal: principal)
        let calendarWarning = try await HolidayController(env: env).publicityWarning(ends: data.appraisal.publicityEnds)
        return Pages.response(Layout.page(title: data.appraisal.name, active: "appraisals", principal: principal, zoneName: zone) {
            if principal.can(.viewAppraisals) { HTML.tag("div", ["class": "crumbs"]) { HTML.tag("a", ["href": "/appraisals"]) { "绩效考核" } } }
            HTML.tag("h1") { data.appraisal.name }
            Components.flash(notice.flatMap { Self.notices[$0] }, kind: "ok")
            Components.flash(error)
            Components.flash(calendarWarning, kind: "warn")
            view.tabs
            body(view)
        }, status: status)
    }

    func overview(_ id: Int64, _ principal: Principal, notice: String? = nil, error: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        try await render(id, principal, notice: notice, error: error, status: status) { $0.overview }
    }

    func indicators(_ id: Int64, _ principal: Principal, error: String? = nil, status: HTTPResponse.Status = .ok,
                    importText: String = "", importErrors: HeldImports.Errors? = nil, importPreview: HeldImports.Sheet? = nil) async throws -> Response {
        try await render(id, principal, notice: nil, error: error, status: status) { view in
            principal.can(.manageAppraisals)
                ? view.cascade + Self.actualsCard(id).render(principal, text: importText, errors: importErrors, preview: importPreview)
                : view.cascade
        }
    }

    func results(_ id: Int64, _ principal: Principal) async throws -> Response {
        try await render(id, principal, notice: nil, error: nil, status: .ok) { $0.resultList }
    }

    /// 考核登记表 for one person: their sheet line by line, the parts, the grade and any objection.
    func card(_ id: Int64, personID: Int64, _ principal: Principal, error: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        guard principal.can(.viewAppraisals) || principal.can(.selfService) else {
            return Pages.error(.forbidden, "无权访问：需要“查看绩效考核”权限。", principal: principal)
        }
        guard let person = try await env.store.people.find(id: personID, zoneID: try principal.zoneID),
              principal.scope.allows(personID: person.id, unitID: person.unitID) else {
            return Pages.error(.notFound, "无此人员的考核记录，或不在您的查看范围内。", principal: principal)
        }
        let inputs = try await env.store.appraisals.inputs(appraisalID: id)[personID]
        return try await render(id, principal, notice: nil, error: error, status: status) { $0.card(person: person, input: inputs) }
    }

    func resultsWorkbook(_ id: Int64, _ principal: Principal) async throws -> Response {
        guard let data = try await load(id, principal) else { return Pages.error(.notFound, "考核不存在。", principal: principal) }
        let view = AppraisalPage(data: data, principal: principal)
        var sheet = try XLSXSheet(name: "考核结果", header: ["人员编号", "姓名", "单位", "比较组", "KPI得分", "工作日志", "综合得分", "等次", "末位", "一票否决", "待复核并列"],
                                  columnWidths: [10, 10, 24, 24, 10, 10, 10, 10, 6, 8, 10])
        for r in data.results {
            sheet.rows.append([.integer(Int(r.personID)), .text(r.name), .text(data.tree[r.unitID]?.name ?? ""), .text(view.groupName(r.groupKey)),
                               .decimal(Double(r.kpi) / 100), .decimal(Double(r.worklog) / 100), .decimal(Double(r.score) / 100),
                               .text(view.gradeLabel(r.grade)), .text(r.bottomBand ? "是" : ""), .text(r.vetoed ? "是" : ""), .text(r.flagged ? "是" : "")])
        }
        var book = XLSXWorkbook()
        try book.add(sheet)
        return try XLSXResponse.make(book, filename: "\(data.appraisal.name)结果.xlsx")
    }
}
