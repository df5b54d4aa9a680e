import Hummingbird
import ZoneCore
import ZoneStore

/// 人员名册: the paged, searchable register; a person's page; create and edit with validation.
struct PersonController {
    let env: AppEnvironment

    func register(_ routes: inout Routes) {
        routes.get("/people", .viewPeople) { request, _, principal in try await list(request, principal) }
        routes.get("/people/new", .editPeople) { _, _, principal in
            try await form(principal, person: nil, input: PersonInput(), errors: FieldErrors(), message: nil, status: .ok)
        }
        routes.post("/people", .editPeople) { _, context, principal in try await create(context.form, principal) }
        routes.get("/people/:id", .viewPeople) { request, context, principal in
            try await detail(context.parameters.require("id", as: Int64.self), reveal: request.uri.queryParameters["reveal"] == "1",
                             saved: request.uri.queryParameters["msg"] == "saved", principal)
        }
        routes.get("/people/:id/edit", .editPeople) { _, context, principal in
            let id = try context.parameters.require("id", as: Int64.self)
            guard let person = try await scoped(id, principal) else { return notVisible(principal) }
            // The form holds the full ID number and phone: an unmasked read like `?reveal=1`.
            try await env.store.record(AuditEntry(actor: principal.account.username, action: "person.reveal",
                                                  entity: "person", entityID: String(id), detail: "fields=idNumber,phone,birthDate; via=edit"))
            return try await form(principal, person: person, input: PersonInput(person), errors: FieldErrors(), message: nil, status: .ok)
        }
        routes.post("/people/:id", .editPeople) { _, context, principal in
            try await update(context.parameters.require("id", as: Int64.self), context.form, principal)
        }
        // The records show the sealed archive post and rank, so only who may read them sees the history.
        routes.get("/people/:id/history", .unmaskPersonalData) { _, context, principal in
            guard let person = try await scoped(context.parameters.require("id", as: Int64.self), principal) else { return notVisible(principal) }
            return try await history(person, principal)
        }
    }

    /// The person if it exists in the account's zone and scope; nil otherwise (shown as 403, so ids
    /// outside one's scope cannot be probed).
    func scoped(_ id: Int64, _ principal: Principal) async throws -> Person? {
        guard let person = try await env.store.people.find(id: id, zoneID: try principal.zoneID),
              principal.scope.allows(personID: person.id, unitID: person.unitID) else { return nil }
        return person
    }

    func notVisible(_ principal: Principal) -> Response {
        Pages.error(.forbidden, "该人员不存在或不在您的管理范围内。", principal: principal)
    }

    /// Units the account may place people in or filter by.
    func visibleUnits(_ principal: Principal) async throws -> UnitTree {
        let tree = try await env.store.units.tree(zoneID: try principal.zoneID)
        return UnitTree(tree.units.filter { principal.scope.allows(unitID: $0.id) })
    }

    func query(text: String, unit: Int64?, page: Int, pageSize: Int, principal: Principal, tree: UnitTree) throws(ZoneScope.Missing) -> PeopleQuery {
        var units: Set<Int64>? = nil
        var personID: Int64? = nil
        switch principal.scope {
        case .zone: break
        case .units(let ids): units = ids
        case .person(let id): personID = id
        case .none: units = []
        }
        if let unit {
            let sub = tree.subtree(of: unit)
            units = units.map { $0.intersection(sub) } ?? sub
        }
        return PeopleQuery(zoneID: try principal.zoneID, text: text, unitIDs: units, personID: personID,
                           page: page, pageSize: pageSize)
    }

    static let fullIDRefused = "按完整身份证号查询会读出脱敏隐藏的数字，需要“查看完整个人信息”权限；可按姓名或身份证号中显示的数字（如前6位、后4位）查询。"

    /// Runs a register search. Looking a whole ID number up reads the digits its mask hides
    /// (`PersonSearchText`): only who may unmask does it, and every such lookup is audited as a
    /// reveal of the people it finds (or of nobody). nil: refused.
    func search(_ query: PeopleQuery, _ principal: Principal) async throws -> PeoplePage? {
        guard case .fullID(let number) = PersonSearchText(query.text, today: env.store.clock.today) else { return try await env.store.people.search(query) }
        guard principal.can(.unmaskPersonalData) else { return nil }
        let page = try await env.store.people.search(query)
        let detail = "fields=idNumber; via=search; idNumber=\(Masking.mask(number, keepPrefix: 6, keepSuffix: 4)); matches=\(page.total)"
        for id in page.people.isEmpty ? [""] : page.people.map({ String($0.id) }) {
            try await env.store.record(AuditEntry(actor: principal.account.username, action: "person.reveal", entity: "person",
                                                  entityID: id, detail: detail))
        }
        return page
    }

    func list(_ request: Request, _ principal: Principal) async throws -> Response {
        let params = request.uri.queryParameters
        let text = params["q"].map(String.init) ?? ""
        let unit = try request.number("unit", in: BoundedInt.ids, label: "单位")
        let pageNumber = try request.number("page", in: 1...BoundedInt.maxPage, label: "页码") ?? 1
        let tree = try await env.store.units.tree(zoneID: try principal.zoneID)
        guard let page = try await search(query(text: text, unit: unit, page: pageNumber,
                                                pageSize: 20, principal: principal, tree: tree), principal) else {
            return Pages.error(.forbidden, Self.fullIDRefused, principal: principal)
        }
        let zone = principal.zoneName
        let unitOptions = [("", "全部单位")] + tree.flattened().filter { principal.scope.allows(unitID: $0.unit.id) }
            .map { (String($0.unit.id), String(repeating: "　", count: $0.depth) + $0.unit.name) }
        let sealed = !principal.can(.unmaskPersonalData)
        func link(_ p: Int) -> String {
            "/people?" + FormFields.encode([("q", text), ("unit", unit.map(String.init) ?? ""), ("page", String(p))])
        }
        return Pages.response(Layout.page(title: "人员名册", active: "people", principal: principal, zoneName: zone) {
            HTML.tag("h1") { "人员名册（实名制）" }
            HTML.tag("div", ["class": "card"]) {
                HTML.tag("form", ["class": "inline", "method": "get", "action": "/people"]) {
                    HTML.tag("input", ["type": "search", "name": "q", "value": text,
                                       "placeholder": sealed ? "姓名或身份证号中显示的数字" : "姓名、身份证号中显示的数字或完整身份证号"])
                    HTML.tag("select", ["name": "unit", "aria-label": "单位"]) {
                        for (value, label) in unitOptions {
                            HTML.tag("option", ["value": value, "selected": value == (unit.map(String.init) ?? "") ? "selected" : nil]) { label }
                        }
                    }
                    HTML.tag("button", ["type": "submit"]) { "查询" }
                    if principal.can(.editPeople) {
                        HTML.tag("a", ["class": "btn secondary", "href": "/people/new"]) { "新增人员" }
                        HTML.tag("a", ["class": "btn secondary", "href": "/people/import"]) { "批量导入" }
                    }
                    if principal.can(.unmaskPersonalData) {
                        HTML.tag("a", ["class": "btn secondary", "href": "/people/export.xlsx"]) { "导出 Excel" }
                    }
                }
                HTML.tag("table", ["class": "grid"]) {
                    HTML.tag("thead") {
                        HTML.tag("tr") {
                            for h in ["姓名", "性别", "身份证号", "手机号", "单位", "编制类型"] + (sealed ? [] : ["档案职务", "档案职级"]) + ["状态"] {
                                HTML.tag("th") { h }
                            }
                        }
                    }
                    HTML.tag("tbody") {
                        for person in page.people {
                            HTML.tag("tr") {
                                HTML.tag("td") { HTML.tag("a", ["href": "/people/\(person.id)"]) { person.name } }
                                HTML.tag("td") { person.gender.rawValue }
                                HTML.tag("td", ["class": "mono"]) { person.maskedIDNumber }
                                HTML.tag("td", ["class": "mono"]) { person.maskedPhone ?? "—" }
                                HTML.tag("td") { tree[person.unitID]?.name ?? "" }
                                HTML.tag("td") { Components.tag(person.establishment.rawValue, kind: person.establishment == .contract ? "" : "ok") }
                                if !sealed {
                                    HTML.tag("td") { person.archivePost }
                                    HTML.tag("td") { person.archiveRank }
                                }
                                HTML.tag("td") { person.status.rawValue }
                            }
                        }
                        if page.people.isEmpty {
                            HTML.tag("tr") { HTML.tag("td", ["colspan": "9", "class": "hint"]) { "没有符合条件的人员" } }
                        }
                    }
                }
                HTML.tag("div", ["class": "pager"]) {
                    "共 \(page.total) 人，第 \(page.page)/\(page.pageCount) 页"
                    if page.page > 1 {
                        HTML.tag("a", ["href": link(1)]) { "首页" }
                        HTML.tag("a", ["href": link(page.page - 1)]) { "上一页" }
                    }
                    if page.page < page.pageCount {
                        HTML.tag("a", ["href": link(page.page + 1)]) { "下一页" }
                        HTML.tag("a", ["href": link(page.pageCount)]) { "末页" }
                    }
                }
            }
        })
    }

    func detail(_ id: Int64, reveal: Bool, saved: Bool, _ principal: Principal) async throws -> Response {
        guard let person = try await scoped(id, principal) else { return notVisible(principal) }
        let unmasked = reveal && principal.can(.unmaskPersonalData)
        if reveal && !unmasked {
            return Pages.error(.forbidden, "您没有查看完整个人信息的权限。", principal: principal)
        }
        if unmasked {
            // An unmasked read of personal data is audited like a write (PIPL).
            try await env.store.record(AuditEntry(actor: principal.account.username, action: "person.reveal",
                                                  entity: "person", entityID: String(id), detail: "fields=idNumber,phone,birthDate"))
        }
        let tree = try await env.store.units.tree(zoneID: try principal.zoneID)
        let formerUnits = try await env.store.units.abolishedNames(zoneID: try principal.zoneID)
        let unitName = tree[person.unitID]?.name ?? formerUnits[person.unitID].map { $0 + "（已撤销）" } ?? ""
        let zone = principal.zoneName
        let birth = unmasked ? person.birthDate : String(person.birthDate.prefix(4)) + "年"
        // 三分离: the archive post and rank stay sealed in the file; only 组织人事 and 纪工委 read them.
        let sealed = !principal.can(.unmaskPersonalData)
        return Pages.response(Layout.page(title: person.name, active: "people", principal: principal, zoneName: zone) {
            HTML.tag("div", ["class": "crumbs"]) { tree.path(of: person.unitID) }
            HTML.tag("h1") { person.name }
            Components.flash(saved ? "已保存。" : nil, kind: "ok")
            HTML.tag("div", ["class": "card"]) {
                HTML.tag("h2") { "基本信息" }
                HTML.tag("dl", ["class": "facts"]) {
                    HTML.tag("dt") { "姓名" }; HTML.tag("dd") { person.name }
                    HTML.tag("dt") { "性别" }; HTML.tag("dd") { person.gender.rawValue }
                    HTML.tag("dt") { "身份证号" }; HTML.tag("dd", ["class": "mono"]) { unmasked ? person.idNumber : person.maskedIDNumber }
                    HTML.tag("dt") { "出生日期" }; HTML.tag("dd") { birth }
                    HTML.tag("dt") { "手机号" }; HTML.tag("dd", ["class": "mono"]) { (unmasked ? person.phone : person.maskedPhone) ?? "—" }
                    HTML.tag("dt") { "人员状态" }; HTML.tag("dd") { person.status.rawValue }
                    if let departure = person.departure {
                        HTML.tag("dt") { "分流去向" }; HTML.tag("dd") { departure + (person.departedOn.map { "（\($0)）" } ?? "") }
                    }
                }
            }
            HTML.tag("div", ["class": "card"]) {
                HTML.tag("h2") { "编制与档案（档案职务职级封存，仅组织人事与纪工委可见）" }
                HTML.tag("dl", ["class": "facts"]) {
                    HTML.tag("dt") { "所在单位" }; HTML.tag("dd") { unitName }
                    HTML.tag("dt") { "编制类型" }; HTML.tag("dd") { person.establishment.rawValue }
                    HTML.tag("dt") { "档案职务" }; HTML.tag("dd") { sealed ? "（封存）" : person.archivePost.isEmpty ? "—" : person.archivePost }
                    HTML.tag("dt") { "档案职级" }; HTML.tag("dd") { sealed ? "（封存）" : person.archiveRank.isEmpty ? "—" : person.archiveRank }
                    HTML.tag("dt") { "领导职务级别" }; HTML.tag("dd") { person.leadership.map { $0.rawValue + "级（占领导职数）" } ?? "—" }
                    HTML.tag("dt") { "参加工作时间（档案认定）" }; HTML.tag("dd") { sealed ? "（封存）" : person.workStartedOn ?? "未登记" }
                }
            }
            HTML.tag("div", ["class": "actions"]) {
                HTML.tag("a", ["class": "btn secondary", "href": "/people?unit=\(person.unitID)"]) { "返回名册" }
                if principal.can(.unmaskPersonalData) && !unmasked {
                    HTML.tag("a", ["class": "btn secondary", "href": "/people/\(id)?reveal=1"]) { "显示完整信息（将记入审计日志）" }
                }
                if principal.can(.unmaskPersonalData) {
                    HTML.tag("a", ["class": "btn secondary", "href": "/people/\(id)/history"]) { "变更历史" }
                }
                if principal.can(.editPeople) {
                    HTML.tag("a", ["class": "btn", "href": "/people/\(id)/edit"]) { "编辑" }
                }
            }
        })
    }

    func form(_ principal: Principal, person: Person?, input: PersonInput, errors: FieldErrors, message: String?,
              status: HTTPResponse.Status) async throws -> Response {
        let tree = try await visibleUnits(principal)
        let zone = principal.zoneName
        let title = person == nil ? "新增人员" : "编辑人员：\(person!.name)"
        let units = [("", "请选择")] + tree.flattened().map { (String($0.unit.id), String(repeating: "　", count: $0.depth) + $0.unit.name) }
        return Pages.response(Layout.page(title: title, active: "people", principal: principal, zoneName: zone) {
            HTML.tag("h1") { title }
            Components.flash(message)
            HTML.tag("div", ["class": "card"]) {
                HTML.tag("form", ["method": "post", "action": person.map { "/people/\($0.id)" } ?? "/people", "novalidate": "novalidate"]) {
                    Components.csrf(principal)
                    if let person { HTML.tag("input", ["type": "hidden", "name": "version", "value": String(person.version)]) }
                    Components.field("姓名", name: "name", value: input.name, errors: errors, hint: "汉字，可含间隔号“·”", required: true)
                    Components.field("身份证号", name: "idNumber", value: input.idNumber, errors: errors,
                                     hint: "18位，末位可为X；性别与出生日期由身份证号确定", required: true)
                    Components.field("手机号", name: "phone", value: input.phone, errors: errors, hint: "选填，11位手机号")
                    Components.selectField("所在单位", name: "unitID", value: input.unitID, options: units, errors: errors, required: true)
                    Components.selectField("编制类型", name: "establishment", value: input.establishment,
                                           options: [("", "请选择")] + StaffCategory.allCases.map { ($0.rawValue, $0.rawValue) },
                                           errors: errors, required: true)
                    Components.field("档案职务", name: "archivePost", value: input.archivePost, errors: errors)
                    Components.field("档案职级", name: "archiveRank", value: input.archiveRank, errors: errors)
                    Components.field("参加工作时间", name: "workStartedOn", value: input.workStartedOn, errors: errors,
                                     hint: "选填，yyyy-MM-dd，以档案认定为准；聘任同分时按此排序（档案工龄）")
                    Components.selectField("领导职务级别", name: "leadership", value: input.leadership,
                                           options: [("", "无（非领导职务）")] + LeadershipRank.allCases.map { ($0.rawValue, $0.rawValue + "级") },
                                           errors: errors)
                    Components.selectField("人员状态", name: "status", value: input.status,
                                           options: PersonStatus.allCases.map { ($0.rawValue, $0.rawValue) }, errors: errors, required: true)
                    Components.formButtons(cancel: person.map { "/people/\($0.id)" } ?? "/people")
                }
            }
        }, status: status)
    }

    static func input(from form: FormFields) -> PersonInput {
        PersonInput(name: form["name"], idNumber: form["idNumber"], phone: form["phone"], unitID: form["unitID"],
                    establishment: form["establishment"], archivePost: form["archivePost"], archiveRank: form["archiveRank"],
                    status: form["status"], leadership: form["leadership"], workStartedOn: form["workStartedOn"])
    }

    func create(_ fields: FormFields, _ principal: Principal) async throws -> Response {
        let input = Self.input(from: fields)
        let tree = try await visibleUnits(principal)
        switch input.validate(knownUnits: Set(tree.units.map(\.id)), today: env.store.clock.today) {
        case .failure(let errors):
            return try await form(principal, person: nil, input: input, errors: errors, message: "请更正标红的字段，未保存任何内容。", status: .unprocessableContent)
        case .success(let valid):
            do {
                let person = try await env.store.people.create(valid, zoneID: try principal.zoneID, actor: principal.account.username)
                return .redirect(to: "/people/\(person.id)?msg=saved")
            } catch let error as StoreError {
                return try await form(principal, person: nil, input: input, errors: FieldErrors(), message: error.message, status: .conflict)
            }
        }
    }

    func update(_ id: Int64, _ fields: FormFields, _ principal: Principal) async throws -> Response {
        guard let person = try await scoped(id, principal) else { return notVisible(principal) }
        let input = Self.input(from: fields)
        let tree = try await visibleUnits(principal)
        let version = BoundedInt.parse(fields["version"], in: BoundedInt.versions) ?? 0
        // Re-render against the version the user edited, so a stale form stays stale until reloaded.
        var edited = person
        edited.version = version
        switch input.validate(knownUnits: Set(tree.units.map(\.id)), today: env.store.clock.today) {
        case .failure(let errors):
            return try await form(principal, person: edited, input: input, errors: errors, message: "请更正标红的字段，未保存任何内容。", status: .unprocessableContent)
        case .success(let valid):
            do {
                _ = try await env.store.people.update(id: id, zoneID: try principal.zoneID, to: valid,
                                                      expectedVersion: version, actor: principal.account.username)
                return .redirect(to: "/people/\(id)?msg=saved")
            } catch let error as StoreError {
                return try await form(principal, person: edited, input: input, errors: FieldErrors(), message: error.message, status: .conflict)
            }
        }
    }
}
