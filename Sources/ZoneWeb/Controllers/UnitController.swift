import Hummingbird
import ZoneCore
import ZoneStore

/// 机构编制: the unit tree with 编制 use, and one unit's page.
struct UnitController {
    let env: AppEnvironment

    func register(_ routes: inout Routes) {
        routes.get("/units", .viewUnits) { _, _, principal in try await list(principal) }
        routes.get("/units/:id", .viewUnits) { request, context, principal in
            try await detail(context.parameters.require("id", as: Int64.self), principal,
                             message: request.uri.queryParameters["msg"] == "saved" ? "已保存。" : nil)
        }
        routes.post("/units/:id/establishment", .editEstablishment) { _, context, principal in
            try await setQuota(context.parameters.require("id", as: Int64.self), context.form, principal, leadership: false)
        }
        routes.post("/units/:id/leadership", .editEstablishment) { _, context, principal in
            try await setQuota(context.parameters.require("id", as: Int64.self), context.form, principal, leadership: true)
        }
        routes.post("/units/:id/approvals", .editEstablishment) { _, context, principal in
            try await addApproval(context.parameters.require("id", as: Int64.self), context.form, principal)
        }
        routes.post("/units/:id/correct", .editEstablishment) { _, context, principal in
            try await correct(context.parameters.require("id", as: Int64.self), context.form, principal)
        }
        registerImport(&routes)
    }

    /// One read of the zone's quota book, and the figures the pages derive from it.
    struct Snapshot: Sendable {
        let book: QuotaBook
        let usage: EstablishmentUsage
        let totals: [Int64: EstablishmentUsage.Totals]

        var tree: UnitTree { book.tree }
        var quotas: [Int64: [EstablishmentCategory: Int]] { book.establishment }
    }

    /// Counting every person by unit and category is the costly part; it is recomputed only after a write.
    func snapshot(zoneID: Int64) async throws -> Snapshot {
        try await env.cache.value("units:\(zoneID)", in: env.store.database) {
            let book = try await env.store.quotas.book(zoneID: zoneID)
            let usage = EstablishmentUsage(book: book)
            return Snapshot(book: book, usage: usage, totals: usage.rollup(book.tree))
        }
    }

    func list(_ principal: Principal) async throws -> Response {
        let zone = principal.zoneName
        let snap = try await snapshot(zoneID: try principal.zoneID)
        let rows = snap.tree.flattened().filter { principal.scope.allows(unitID: $0.unit.id) }
        return Pages.response(Layout.page(title: "机构编制", active: "units", principal: principal, zoneName: zone) {
            HTML.tag("h1") { "机构编制" }
            HTML.tag("div", ["class": "actions"]) {
                if principal.can(.editEstablishment) { HTML.tag("a", ["class": "btn secondary", "href": Self.card.action]) { "导入三定方案" } }
                HTML.tag("a", ["class": "btn secondary", "href": "/units/export.xlsx"]) { "导出三定方案（.xlsx）" }
            }
            HTML.tag("div", ["class": "stats"]) {
                Components.stat("机构数", "\(rows.count)")
                Components.stat("核定编制", "\(snap.usage.totalQuota)")
                Components.stat("编内实有", "\(snap.usage.totalUsed)")
                Components.stat("空编", "\(snap.usage.totalQuota + snap.usage.totalApproved - snap.usage.totalUsed)")
                Components.stat("编外人员", "\(snap.usage.totalContract)")
                Components.stat("在册人员", "\(snap.usage.totalStaff)")
            }
            HTML.tag("div", ["class": "card"]) {
                HTML.tag("h2") { "机构树与编制使用" }
                HTML.tag("p", ["class": "hint"]) { "各行数字含下属单位。内设机构未单独核编的，共用上级单位编制，编内人员计入上级核编数。空编 = 核定 + 审批增加 − 编内实有。" }
                HTML.tag("table", ["class": "grid"]) {
                    HTML.tag("thead") {
                        HTML.tag("tr") {
                            for h in ["单位名称", "类别", "性质", "经费形式", "规格"] { HTML.tag("th") { h } }
                            for h in ["核定编制", "编内实有", "空编", "编外", "在册"] { HTML.tag("th", ["class": "num"]) { h } }
                        }
                    }
                    HTML.tag("tbody") {
                        for (unit, depth) in rows {
                            unitRow(unit, depth: depth, snap: snap)
                        }
                    }
                }
            }
        })
    }

    func unitRow(_ unit: Unit, depth: Int, snap: Snapshot) -> HTML {
        let total = snap.totals[unit.id] ?? EstablishmentUsage.Totals()
        let holder = EstablishmentUsage.holder(of: unit.id, tree: snap.tree, quotas: snap.quotas)
        let shares = total.quota == 0 && holder != nil
        return HTML.tag("tr") {
            HTML.tag("td") {
                HTML.tag("span", ["class": "indent-\(min(depth, 6))"])
                HTML.tag("a", ["href": "/units/\(unit.id)"]) { unit.name }
            }
            HTML.tag("td") { unit.kind.label }
            HTML.tag("td") { unit.orgType.rawValue }
            HTML.tag("td") { unit.funding?.rawValue ?? "—" }
            HTML.tag("td") { unit.rank }
            if shares {
                HTML.tag("td", ["class": "num", "colspan": "3"]) { Components.tag("共用上级编制", kind: "") }
            } else {
                HTML.tag("td", ["class": "num"]) { "\(total.quota)" }
                HTML.tag("td", ["class": "num"]) { "\(total.used)" }
                HTML.tag("td", ["class": "num"]) {
                    if total.vacancy < 0 { Components.tag("超编 \(-total.vacancy)", kind: "bad") }
                    else if total.vacancy == 0 && total.quota > 0 { Components.tag("满编", kind: "warn") }
                    else if total.approved > 0 { "\(total.vacancy)（含审批\(total.approved)）" }
                    else { "\(total.vacancy)" }
                }
            }
            HTML.tag("td", ["class": "num"]) { "\(total.contract)" }
            HTML.tag("td", ["class": "num"]) {
                HTML.tag("a", ["href": "/people?unit=\(unit.id)"]) { "\(total.staff)" }
            }
        }
    }

    func detail(_ id: Int64, _ principal: Principal, message: String? = nil, error: String? = nil,
                status: HTTPResponse.Status = .ok) async throws -> Response {
        let zoneID = try principal.zoneID
        let snap = try await snapshot(zoneID: zoneID)
        guard let unit = snap.tree[id] else { return Pages.error(.notFound, "单位不存在。", principal: principal) }
        guard principal.scope.allows(unitID: id) else {
            return Pages.error(.forbidden, "无权查看本部门以外的单位。", principal: principal)
        }
        let zone = principal.zoneName
        let book = snap.book
        let lines = book.lines().filter { $0.unitID == id }
        let approvals = try await env.store.quotas.approvals(zoneID: zoneID).filter { $0.unitID == id }
        let holder = EstablishmentUsage.holder(of: id, tree: snap.tree, quotas: snap.quotas)
        let editable = principal.can(.editEstablishment)
        let register = try await env.store.units.register(unitID: id, zoneID: zoneID)
        let ledger = try await env.store.units.establishmentChanges(unitID: id, zoneID: zoneID)
        return Pages.response(Layout.page(title: unit.name, active: "units", principal: principal, zoneName: zone) {
            HTML.tag("div", ["class": "crumbs"]) { snap.tree.path(of: id) }
            HTML.tag("h1") { unit.name }
            Components.flash(message, kind: "ok")
            Components.flash(error)
            HTML.tag("div", ["class": "card"]) {
                HTML.tag("dl", ["class": "facts"]) {
                    HTML.tag("dt") { "类别" }; HTML.tag("dd") { unit.kind.label }
                    HTML.tag("dt") { "单位性质" }; HTML.tag("dd") { unit.orgType.rawValue }
                    HTML.tag("dt") { "经费形式" }; HTML.tag("dd") { unit.funding?.rawValue ?? "—" }
                    HTML.tag("dt") { "机构规格" }; HTML.tag("dd") { unit.rank }
                    HTML.tag("dt") { "统一社会信用代码" }; HTML.tag("dd") { register.map { $0.register.creditCode.isEmpty ? "—" : $0.register.creditCode } ?? "—" }
                    HTML.tag("dt") { "设立文件与时间" }; HTML.tag("dd") { register.map { $0.register.establishedBy.isEmpty ? "—" : $0.register.establishedBy } ?? "—" }
                    HTML.tag("dt") { "经济职能" }; HTML.tag("dd") { unit.isEconomic ? "是" : "否" }
                    HTML.tag("dt") { "编制所属" }; HTML.tag("dd") { holder.flatMap { snap.tree[$0]?.name } ?? "未核定编制" }
                    HTML.tag("dt") { "平编管理" }; HTML.tag("dd") { book.flatUnits.contains(id) ? "是（\((book.organization?.atQuota ?? .oneOutOneIn).label)）" : "否" }
                }
            }
            HTML.tag("div", ["class": "card"]) {
                HTML.tag("h2") { "核定编制、员额与领导职数" }
                if lines.isEmpty {
                    HTML.tag("p", ["class": "hint"]) { "本单位未单独核定，使用上级单位的编制与职数。" }
                } else {
                    HTML.tag("table", ["class": "grid"]) {
                        HTML.tag("tr") {
                            HTML.tag("th") { "项目" }
                            for h in ["核定数", "审批增加", "实有", "空缺"] { HTML.tag("th", ["class": "num"]) { h } }
                        }
                        for line in lines {
                            HTML.tag("tr") {
                                HTML.tag("td") { line.label }
                                HTML.tag("td", ["class": "num"]) { "\(line.quota)" }
                                HTML.tag("td", ["class": "num"]) { line.approved > 0 ? "\(line.approved)" : "—" }
                                HTML.tag("td", ["class": "num"]) { "\(line.used)" }
                                HTML.tag("td", ["class": "num"]) {
                                    if line.vacancy < 0 { Components.tag("超 \(-line.vacancy)", kind: "bad") }
                                    else if line.vacancy == 0 { Components.tag("满编", kind: "warn") }
                                    else { "\(line.vacancy)" }
                                }
                            }
                        }
                    }
                }
                if editable { quotaForms(id, principal) }
            }
            HTML.tag("div", ["class": "card"]) {
                HTML.tag("h2") { "编制台账" }
                EstablishmentLedgerTable.render(ledger)
            }
            if editable, let register { UnitCorrectionForm.render(unit, register: register.register, version: register.version, principal: principal) }
            HTML.tag("div", ["class": "card"]) {
                HTML.tag("h2") { "编制使用审批" }
                if approvals.isEmpty { HTML.tag("p", ["class": "hint"]) { "无审批记录。超编或超职数的聘用须先登记审批。" } }
                else {
                    HTML.tag("table", ["class": "grid"]) {
                        HTML.tag("tr") { for h in ["文号", "类别", "增加", "批准机关", "批准日期", "说明"] { HTML.tag("th") { h } } }
                        for a in approvals {
                            HTML.tag("tr") {
                                HTML.tag("td") { a.docNumber }
                                HTML.tag("td") { a.quotaClass + (a.kind == .leadership ? "领导职数" : a.quotaClass == "员额" ? "" : "编制") }
                                HTML.tag("td", ["class": "num"]) { "\(a.extra)" }
                                HTML.tag("td") { a.approver }
                                HTML.tag("td") { a.approvedOn }
                                HTML.tag("td") { a.note }
                            }
                        }
                    }
                }
                if editable { approvalForm(id, principal) }
            }
            HTML.tag("div", ["class": "card"]) {
                HTML.tag("h2") { "下属单位" }
                let children = snap.tree.children(of: id)
                if children.isEmpty { HTML.tag("p", ["class": "hint"]) { "无" } }
                HTML.tag("ul") {
                    for child in children { HTML.tag("li") { HTML.tag("a", ["href": "/units/\(child.id)"]) { child.name } } }
                }
                HTML.tag("a", ["class": "btn secondary", "href": "/people?unit=\(id)"]) { "查看本单位及下属人员（\(snap.totals[id]?.staff ?? 0)人）" }
            }
        }, status: status)
    }

    func quotaForms(_ id: Int64, _ principal: Principal) -> HTML {
        HTML.tag("div", ["class": "actions"]) {
            HTML.tag("form", ["class": "inline", "method": "post", "action": "/units/\(id)/establishment"]) {
                Components.csrf(principal)
                HTML.tag("select", ["name": "category", "aria-label": "编制类别"]) {
                    for c in EstablishmentCategory.allCases { HTML.tag("option", ["value": c.rawValue]) { c == .postCap ? "员额" : c.rawValue + "编制" } }
                }
                HTML.tag("input", ["type": "text", "name": "quota", "placeholder": "核定数（留空为取消）", "aria-label": "核定数"])
                Self.approvalFields
                HTML.tag("button", ["type": "submit", "class": "secondary"]) { "核定编制" }
            }
            HTML.tag("form", ["class": "inline", "method": "post", "action": "/units/\(id)/leadership"]) {
                Components.csrf(principal)
                HTML.tag("select", ["name": "class", "aria-label": "职数类别"]) {
                    for c in LeadershipClass.allCases { HTML.tag("option", ["value": c.rawValue]) { c.label } }
                }
                HTML.tag("input", ["type": "text", "name": "quota", "placeholder": "职数（留空为取消）", "aria-label": "职数"])
                Self.approvalFields
                HTML.tag("button", ["type": "submit", "class": "secondary"]) { "核定职数" }
            }
        }
    }

    /// What every quota change records in the 编制台账.
    static var approvalFields: HTML {
        HTML.tag("input", ["type": "text", "name": "documentNo", "placeholder": "批准文号（必填）", "aria-label": "批准文号", "required": "required"])
            + HTML.tag("input", ["type": "text", "name": "approvedOn", "placeholder": "批准时间 yyyy-MM-dd", "aria-label": "批准时间"])
            + HTML.tag("input", ["type": "text", "name": "summary", "placeholder": "变动摘要（选填）", "aria-label": "变动摘要"])
    }

    func approvalForm(_ id: Int64, _ principal: Principal) -> HTML {
        HTML.tag("form", ["class": "inline", "method": "post", "action": "/units/\(id)/approvals"]) {
            Components.csrf(principal)
            HTML.tag("select", ["name": "class", "aria-label": "审批类别"]) {
                for c in EstablishmentCategory.allCases { HTML.tag("option", ["value": "e:" + c.rawValue]) { c == .postCap ? "员额" : c.rawValue + "编制" } }
                for c in LeadershipClass.allCases { HTML.tag("option", ["value": "l:" + c.rawValue]) { c.label } }
            }
            HTML.tag("input", ["type": "text", "name": "extra", "placeholder": "增加名额", "aria-label": "增加名额"])
            HTML.tag("input", ["type": "text", "name": "docNumber", "placeholder": "批准文号", "aria-label": "批准文号"])
            HTML.tag("input", ["type": "text", "name": "approver", "placeholder": "批准机关", "aria-label": "批准机关"])
            HTML.tag("input", ["type": "text", "name": "approvedOn", "placeholder": "批准日期 yyyy-MM-dd", "aria-label": "批准日期"])
            HTML.tag("input", ["type": "text", "name": "note", "placeholder": "说明（选填）", "aria-label": "说明"])
            HTML.tag("button", ["type": "submit", "class": "secondary"]) { "登记审批" }
        }
    }

    /// Units of the account's zone only; a unit id from another zone is treated as missing.
    func ownUnit(_ id: Int64, _ principal: Principal) async throws -> Unit? {
        try await env.store.units.tree(zoneID: try principal.zoneID)[id]
    }

    func setQuota(_ id: Int64, _ form: FormFields, _ principal: Principal, leadership: Bool) async throws -> Response {
        guard try await ownUnit(id, principal) != nil else { return Pages.error(.notFound, "单位不存在。", principal: principal) }
        let text = form["quota"].trimmingCharacters(in: .whitespaces)
        let quota = BoundedInt.parse(text, in: BoundedInt.headcounts)
        guard text.isEmpty || quota != nil else {
            return try await detail(id, principal, error: BoundedInt.message("核定数", BoundedInt.headcounts) + "，未保存。", status: .unprocessableContent)
        }
        let approval: ChangeApproval
        switch ChangeApproval.validate(documentNo: form["documentNo"], approvedOn: form["approvedOn"], summary: form["summary"]) {
        case .failure(let errors):
            return try await detail(id, principal, error: errors.byField.sorted { $0.key < $1.key }.map(\.value).joined(separator: "；") + "。未保存。",
                                    status: .unprocessableContent)
        case .success(let valid): approval = valid
        }
        if leadership {
            guard let quotaClass = LeadershipClass(rawValue: form["class"]) else {
                return try await detail(id, principal, error: "职数类别无效，未保存。", status: .unprocessableContent)
            }
            try await env.store.quotas.setLeadership(unitID: id, zoneID: try principal.zoneID, quotaClass: quotaClass, quota: quota, approval: approval,
                                                     actor: principal.account.username)
        } else {
            guard let category = EstablishmentCategory(rawValue: form["category"]) else {
                return try await detail(id, principal, error: "编制类别无效，未保存。", status: .unprocessableContent)
            }
            do {
                try await env.store.quotas.setEstablishment(unitID: id, zoneID: try principal.zoneID, category: category, quota: quota, approval: approval,
                                                         actor: principal.account.username)
            } catch let error as StoreError {
                return try await detail(id, principal, error: error.message + "，未保存。", status: .unprocessableContent)
            }
        }
        return .redirect(to: "/units/\(id)?msg=saved")
    }

    func addApproval(_ id: Int64, _ form: FormFields, _ principal: Principal) async throws -> Response {
        guard try await ownUnit(id, principal) != nil else { return Pages.error(.notFound, "单位不存在。", principal: principal) }
        var problems: [String] = []
        let raw = form["class"]
        let kind: QuotaApproval.Kind? = raw.hasPrefix("e:") ? .establishment : raw.hasPrefix("l:") ? .leadership : nil
        let quotaClass = String(raw.dropFirst(2))
        let known = kind == .establishment ? EstablishmentCategory(rawValue: quotaClass) != nil : LeadershipClass(rawValue: quotaClass) != nil
        if kind == nil || !known { problems.append("审批类别无效") }
        let extra = BoundedInt.parse(form["extra"], in: 1...BoundedInt.headcounts.upperBound) ?? 0
        if extra <= 0 { problems.append(BoundedInt.message("增加名额", 1...BoundedInt.headcounts.upperBound)) }
        let doc = form["docNumber"].trimmingCharacters(in: .whitespaces), approver = form["approver"].trimmingCharacters(in: .whitespaces)
        if doc.isEmpty { problems.append("批准文号必填") }
        if approver.isEmpty { problems.append("批准机关必填") }
        var date: CivilDate?
        do { date = try CivilDate(parsing: form["approvedOn"]) } catch { problems.append("批准日期：" + error.message) }
        guard problems.isEmpty, let kind, let date else {
            return try await detail(id, principal, error: problems.joined(separator: "；") + "。未保存。", status: .unprocessableContent)
        }
        _ = try await env.store.quotas.addApproval(unitID: id, zoneID: try principal.zoneID, kind: kind, quotaClass: quotaClass, extra: extra, docNumber: doc, approver: approver,
                                                   approvedOn: date, note: form["note"], actor: principal.account.username)
        return .redirect(to: "/units/\(id)?msg=saved")
    }

    /// 更正 name, 机构规格 and 统一社会信用代码, version-checked: a form older than the unit's last change is refused.
    func correct(_ id: Int64, _ form: FormFields, _ principal: Principal) async throws -> Response {
        guard try await ownUnit(id, principal) != nil else { return Pages.error(.notFound, "单位不存在。", principal: principal) }
        switch UnitCorrection.validate(name: form["name"], rank: form["rank"], creditCode: form["creditCode"]) {
        case .failure(let errors):
            return try await detail(id, principal, error: errors.byField.sorted { $0.key < $1.key }.map(\.value).joined(separator: "；") + "。未保存。",
                                    status: .unprocessableContent)
        case .success(let correction):
            do {
                try await env.store.units.correct(unitID: id, zoneID: try principal.zoneID, correction,
                                                  expectedVersion: BoundedInt.parse(form["version"], in: BoundedInt.versions) ?? 0,
                                                  actor: principal.account.username)
            } catch let error as StoreError {
                return try await detail(id, principal, error: error.message + "，未保存。", status: .conflict)
            }
            return .redirect(to: "/units/\(id)?msg=saved")
        }
    }
}
