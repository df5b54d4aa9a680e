import Hummingbird
import ZoneCore
import ZoneStore

/// 改革方案: drafts of the future organisation, compared with today, approved by leadership and
/// applied by 组织人事 in one transaction.
struct PlanController {
    let env: AppEnvironment

    func register(_ routes: inout Routes) {
        routes.get("/plans", .viewPlans) { _, _, principal in try await list(principal, error: nil, status: .ok) }
        routes.post("/plans", .editPlans) { _, context, principal in
            let name = context.form["name"].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, name.count <= 60 else {
                return try await list(principal, error: "方案名称必填（最多60字），未保存。", status: .unprocessableContent)
            }
            let plan = try await env.store.plans.create(zoneID: try principal.zoneID, name: name, actor: principal.account.username)
            return .redirect(to: "/plans/\(plan.id)")
        }
        routes.get("/plans/:id", .viewPlans) { request, context, principal in
            try await page(context.parameters.require("id", as: Int64.self), principal,
                           notice: request.uri.queryParameters["msg"].flatMap { Self.notices[String($0)] })
        }
        routes.post("/plans/:id/steps", .editPlans) { _, context, principal in
            try await addStep(context.parameters.require("id", as: Int64.self), context.form, principal)
        }
        routes.post("/plans/:id/steps/remove", .editPlans) { _, context, principal in
            try await removeStep(context.parameters.require("id", as: Int64.self), context.form, principal)
        }
        routes.post("/plans/:id/approve", .approvePlans) { _, context, principal in
            try await transition(context.parameters.require("id", as: Int64.self), principal, notice: "approved") {
                try await env.store.plans.approve(id: $0, zoneID: try principal.zoneID, actor: principal.account.username)
            }
        }
        routes.post("/plans/:id/apply", .editPlans) { _, context, principal in
            try await transition(context.parameters.require("id", as: Int64.self), principal, notice: "applied") {
                try await env.store.plans.apply(id: $0, zoneID: try principal.zoneID, actor: principal.account.username)
            }
        }
    }

    static let notices = ["saved": "已保存。", "approved": "方案已批准。", "applied": "方案已实施，机构与人员已按方案调整。"]

    func list(_ principal: Principal, error: String?, status: HTTPResponse.Status) async throws -> Response {
        let plans = try await env.store.plans.all(zoneID: try principal.zoneID)
        let zone = principal.zoneName
        return Pages.response(Layout.page(title: "改革方案", active: "plans", principal: principal, zoneName: zone) {
            HTML.tag("h1") { "机构改革方案" }
            Components.flash(error)
            HTML.tag("div", ["class": "card"]) {
                HTML.tag("p", ["class": "hint"]) { "方案是未来机构的草案：新设、合并、撤销机构，调整人员与编制。草案不改动现有数据；经领导批准后由组织人事一次性实施。" }
                if principal.can(.editPlans) {
                    HTML.tag("form", ["class": "inline", "method": "post", "action": "/plans"]) {
                        Components.csrf(principal)
                        HTML.tag("input", ["type": "text", "name": "name", "placeholder": "方案名称，如：大部制改革方案", "aria-label": "方案名称"])
                        HTML.tag("button", ["type": "submit"]) { "新建方案" }
                    }
                }
                HTML.tag("table", ["class": "grid"]) {
                    HTML.tag("tr") { for h in ["方案", "状态", "步骤数", "起草人", "批准人", "实施人"] { HTML.tag("th") { h } } }
                    for plan in plans {
                        HTML.tag("tr") {
                            HTML.tag("td") { HTML.tag("a", ["href": "/plans/\(plan.id)"]) { plan.plan.name } }
                            HTML.tag("td") { Self.statusTag(plan.status) }
                            HTML.tag("td", ["class": "num"]) { "\(plan.plan.operations.count)" }
                            HTML.tag("td") { plan.createdBy }
                            HTML.tag("td") { plan.approvedBy ?? "—" }
                            HTML.tag("td") { plan.appliedBy ?? "—" }
                        }
                    }
                    if plans.isEmpty { HTML.tag("tr") { HTML.tag("td", ["colspan": "6", "class": "hint"]) { "暂无方案" } } }
                }
            }
        }, status: status)
    }

    static func statusTag(_ status: StoredPlan.Status) -> HTML {
        Components.tag(status.label, kind: status == .applied ? "ok" : status == .approved ? "warn" : "")
    }

    func page(_ id: Int64, _ principal: Principal, notice: String? = nil, error: String? = nil,
              status: HTTPResponse.Status = .ok) async throws -> Response {
        let zoneID = try principal.zoneID
        guard let stored = try await env.store.plans.find(id: id, zoneID: zoneID) else {
            return Pages.error(.notFound, "方案不存在。", principal: principal)
        }
        // An applied plan shows what it did, frozen when applied; re-running it on today's data
        // would describe units that no longer exist.
        let preview = stored.outcome == nil ? try await PlanPreview(plan: stored.plan, store: env.store, zoneID: zoneID) : nil
        let rows = stored.outcome?.rows ?? preview!.comparison.rows
        let diverted = stored.outcome?.diverted.map { ($0.destination, $0.count) } ?? preview!.comparison.diverted
        let names = stored.outcome.map(PlanNames.init(outcome:)) ?? preview!.names
        let zone = principal.zoneName
        let draft = stored.status == .draft && principal.can(.editPlans)
        return Pages.response(Layout.page(title: stored.plan.name, active: "plans", principal: principal, zoneName: zone) {
            HTML.tag("div", ["class": "crumbs"]) { HTML.tag("a", ["href": "/plans"]) { "改革方案" } }
            HTML.tag("h1") { stored.plan.name + " " }
            Components.flash(notice, kind: "ok")
            Components.flash(error)
            if let preview {
                if let planError = preview.error { Components.flash("方案无法套用到现有数据：" + planError.description) }
                if !preview.overages.isEmpty { Components.flash("按此方案实施后将出现：" + preview.overages.map(\.message).joined(separator: "；")) }
                if let growth = preview.establishmentGrowth { Components.flash(growth) }
                for miss in preview.targets where miss.met == false { Components.flash("本方案未达到政策目标：" + miss.message) }
            }
            HTML.tag("div", ["class": "actions"]) {
                Self.statusTag(stored.status)
                if stored.status == .draft && principal.can(.approvePlans) {
                    HTML.tag("form", ["method": "post", "action": "/plans/\(id)/approve"]) {
                        Components.csrf(principal)
                        HTML.tag("button", ["type": "submit"]) { "批准方案" }
                    }
                }
                if stored.status == .approved && principal.can(.editPlans) {
                    HTML.tag("form", ["method": "post", "action": "/plans/\(id)/apply"]) {
                        Components.csrf(principal)
                        HTML.tag("button", ["type": "submit"]) { "实施方案（一次性调整机构与人员）" }
                    }
                }
            }
            if let preview, !preview.targets.isEmpty {
                HTML.tag("div", ["class": "card"]) {
                    HTML.tag("h2") { "领导职数目标（政策 organization.leadership_targets）" }
                    HTML.tag("ul") { for check in preview.targets { HTML.tag("li") { check.message } } }
                }
            }
            HTML.tag("div", ["class": "card"]) {
                HTML.tag("h2") { "改革前后对比" }
                HTML.tag("table", ["class": "grid"]) {
                    HTML.tag("tr") {
                        HTML.tag("th") { "指标" }
                        for h in ["改革前", "改革后", "增减"] { HTML.tag("th", ["class": "num"]) { h } }
                    }
                    for row in rows {
                        HTML.tag("tr") {
                            HTML.tag("td") { row.label }
                            HTML.tag("td", ["class": "num"]) { row.before }
                            HTML.tag("td", ["class": "num"]) { row.after }
                            HTML.tag("td", ["class": "num"]) { row.change }
                        }
                    }
                    for (destination, count) in diverted {
                        HTML.tag("tr") {
                            HTML.tag("td") { "分流至：" + destination }
                            HTML.tag("td", ["class": "num"]) { "" }
                            HTML.tag("td", ["class": "num"]) { "\(count)" }
                            HTML.tag("td", ["class": "num"]) { "" }
                        }
                    }
                }
                HTML.tag("p", ["class": "hint"]) {
                    (stored.outcome == nil ? "按今日数据预演。" : "实施时冻结的数据。")
                        + "口径：机构数不含园区本级与党工委/管委会；增减率 =（改革后−改革前）÷改革前，至多一位小数；占比至多两位小数；均四舍五入。"
                }
            }
            HTML.tag("div", ["class": "card"]) {
                HTML.tag("h2") { "方案步骤" }
                HTML.tag("table", ["class": "grid"]) {
                    HTML.tag("tr") { HTML.tag("th", ["class": "num"]) { "#" }; HTML.tag("th") { "内容" }; HTML.tag("th") { "" } }
                    for (index, operation) in stored.plan.operations.enumerated() {
                        HTML.tag("tr") {
                            HTML.tag("td", ["class": "num"]) { "\(index + 1)" }
                            HTML.tag("td") { names.describe(operation) }
                            HTML.tag("td") {
                                if draft {
                                    HTML.tag("form", ["method": "post", "action": "/plans/\(id)/steps/remove"]) {
                                        Components.csrf(principal)
                                        HTML.tag("input", ["type": "hidden", "name": "version", "value": String(stored.version)])
                                        HTML.tag("input", ["type": "hidden", "name": "index", "value": String(index)])
                                        HTML.tag("button", ["type": "submit", "class": "secondary"]) { "删除" }
                                    }
                                }
                            }
                        }
                    }
                    if stored.plan.operations.isEmpty { HTML.tag("tr") { HTML.tag("td", ["colspan": "3", "class": "hint"]) { "尚未添加步骤" } } }
                }
            }
            if draft, let preview { PlanStepForms(planID: id, version: stored.version, principal: principal, after: preview.after, names: names).html }
        }, status: status)
    }

    func addStep(_ id: Int64, _ form: FormFields, _ principal: Principal) async throws -> Response {
        let zoneID = try principal.zoneID
        guard let stored = try await env.store.plans.find(id: id, zoneID: zoneID) else {
            return Pages.error(.notFound, "方案不存在。", principal: principal)
        }
        let step: PlanOperation
        do {
            step = try PlanStepParser(form: form, plan: stored.plan).operation()
        } catch {
            return try await page(id, principal, error: error.message + "。未保存。", status: .unprocessableContent)
        }
        // A step must apply on top of the steps before it, on today's data, before it is saved.
        let next = RestructuringPlan(name: stored.plan.name, operations: stored.plan.operations + [step])
        let today = try await env.store.plans.snapshot(zoneID: zoneID)
        if case .failure(let error) = Result(catching: { () throws(PlanError) in try next.apply(to: today) }) {
            return try await page(id, principal, error: error.description + "。未保存。", status: .unprocessableContent)
        }
        return try await save(stored, operations: next.operations, form: form, principal)
    }

    func removeStep(_ id: Int64, _ form: FormFields, _ principal: Principal) async throws -> Response {
        guard let stored = try await env.store.plans.find(id: id, zoneID: try principal.zoneID) else {
            return Pages.error(.notFound, "方案不存在。", principal: principal)
        }
        guard let index = BoundedInt.parse(form["index"], in: 0...Int(Int32.max)), stored.plan.operations.indices.contains(index) else {
            return try await page(id, principal, error: "步骤不存在。", status: .unprocessableContent)
        }
        var operations = stored.plan.operations
        operations.remove(at: index)
        return try await save(stored, operations: operations, form: form, principal)
    }

    func save(_ stored: StoredPlan, operations: [PlanOperation], form: FormFields, _ principal: Principal) async throws -> Response {
        do {
            _ = try await env.store.plans.save(id: stored.id, zoneID: stored.zoneID, operations: operations,
                                               expectedVersion: BoundedInt.parse(form["version"], in: BoundedInt.versions) ?? 0, actor: principal.account.username)
            return .redirect(to: "/plans/\(stored.id)?msg=saved")
        } catch let error as StoreError {
            return try await page(stored.id, principal, error: error.message, status: .conflict)
        }
    }

    func transition(_ id: Int64, _ principal: Principal, notice: String, _ action: (Int64) async throws -> Void) async throws -> Response {
        do {
            try await action(id)
            return .redirect(to: "/plans/\(id)?msg=\(notice)")
        } catch let error as StoreError {
            if case .notFound = error { return Pages.error(.notFound, "方案不存在。", principal: principal) }
            return try await page(id, principal, error: error.message, status: .conflict)
        }
    }
}
