import Hummingbird
import ZoneCore
import ZoneStore

/// 改革台账: every ledger's list, form, CSV import, xlsx export and per-row history, driven by the
/// ledger's declared columns (`LedgerKind.fields`). Rows are scoped: a department head sees the
/// rows of their units, an employee their own 月工作日志.
struct LedgerController {
    let env: AppEnvironment

    func register(_ routes: inout Routes) {
        routes.get("/ledgers", .viewLedgers) { _, _, principal in try await overview(principal) }
        routes.get("/ledgers/:kind", .viewLedgers) { request, context, principal in
            guard let kind = Self.kind(context) else { return notFound(principal) }
            return try await list(kind, filters: Self.filters(request), principal, input: LedgerInput(kind: kind), errors: FieldErrors(),
                                  notice: request.uri.queryParameters["msg"].flatMap { Self.notices[String($0)] })
        }
        routes.post("/ledgers/:kind", .editLedgers) { _, context, principal in
            guard let kind = Self.kind(context) else { return notFound(principal) }
            return try await create(kind, context.form, principal)
        }
        routes.post("/ledgers/:kind/import", .editLedgers) { _, context, principal in
            guard let kind = Self.kind(context) else { return notFound(principal) }
            return try await importSheet(kind, context, principal)
        }
        env.imports.registerDownload(&routes, action: "/ledgers/:kind/import", .editLedgers)
        routes.get("/ledgers/:kind/template.xlsx", .editLedgers) { _, context, principal in
            guard let kind = Self.kind(context) else { return notFound(principal) }
            return try await template(kind, principal)
        }
        routes.get("/ledgers/:kind/export.xlsx", .viewLedgers) { request, context, principal in
            guard let kind = Self.kind(context) else { return notFound(principal) }
            return try await export(kind, filters: Self.filters(request), principal)
        }
        routes.get("/ledgers/:kind/:id/edit", .editLedgers) { _, context, principal in
            guard let entry = try await scopedEntry(context, principal) else { return notFound(principal) }
            return try await edit(entry, principal, input: LedgerInput(entry.record), version: entry.version, errors: FieldErrors())
        }
        routes.post("/ledgers/:kind/:id", .editLedgers) { _, context, principal in
            guard let entry = try await scopedEntry(context, principal) else { return notFound(principal) }
            return try await update(entry, context.form, principal)
        }
        routes.get("/ledgers/:kind/:id/history", .viewLedgers) { _, context, principal in
            guard let entry = try await scopedEntry(context, principal) else { return notFound(principal) }
            return try await history(entry, principal)
        }
    }

    static let notices = ["saved": "已保存。"]

    static func kind(_ context: AppContext) -> LedgerKind? { context.parameters.get("kind").flatMap(LedgerKind.init(rawValue:)) }

    func notFound(_ principal: Principal) -> Response { Pages.error(.notFound, "台账或记录不存在，或不在您的管理范围内。", principal: principal) }

    // MARK: Scope and references

    /// Rows an account may see: all of the zone, its units' rows, or its own work logs.
    static func visible(_ record: LedgerRecord, _ scope: Scope) -> Bool {
        switch scope {
        case .zone: true
        case .units(let ids): record.unitID.map(ids.contains) ?? false
        case .person(let own): record.personID == own
        case .none: false
        }
    }

    /// The ledgers an account has any business with: employees only keep work logs.
    static func kinds(for principal: Principal) -> [LedgerKind] {
        if case .person = principal.scope { return [.workLogs] }
        return LedgerKind.allCases
    }

    func rows(_ kind: LedgerKind?, _ principal: Principal) async throws -> [LedgerEntry] {
        try await env.store.ledgers.all(zoneID: try principal.zoneID, kind: kind).filter { Self.visible($0.record, principal.scope) }
    }

    func scopedEntry(_ context: AppContext, _ principal: Principal) async throws -> LedgerEntry? {
        guard let kind = Self.kind(context), let id = context.parameters.get("id", as: Int64.self),
              let entry = try await env.store.ledgers.find(id: id, zoneID: try principal.zoneID),
              entry.kind == kind, Self.visible(entry.record, principal.scope) else { return nil }
        return entry
    }

    /// Units and people in the account's scope, which are all a form or a sheet may name.
    func references(_ principal: Principal) async throws -> LedgerReferences {
        let zoneID = try principal.zoneID
        let units = try await env.store.units.all(zoneID: zoneID).filter { principal.scope.allows(unitID: $0.id) }
        let people = try await env.store.people.onStrength(zoneID: zoneID).filter { principal.scope.allows(personID: $0.id, unitID: $0.unitID) }
        return LedgerReferences(units: Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0.name) }),
                                people: Dictionary(uniqueKeysWithValues: people.map {
                                    ($0.id, LedgerReferences.PersonRef(name: $0.name, unitID: $0.unitID, idNumber: $0.idNumber))
                                }))
    }

    // MARK: Filters ("the rows behind a figure")

    /// `?field=value` keeps rows whose stored value equals the value or starts with it and a dash
    /// (`signed=2024` is every date in 2024); `unit` and `person` match the row's references.
    static func filters(_ request: Request) -> [(String, String)] {
        request.uri.queryParameters.map { (String($0.key), String($0.value)) }.filter { $0.0 != "msg" }.sorted { $0.0 < $1.0 }
    }

    static func matches(_ record: LedgerRecord, _ filters: [(String, String)]) -> Bool {
        filters.allSatisfy { key, value in
            switch key {
            case "unit": record.unitID.map(String.init) == value
            case "person": record.personID.map(String.init) == value
            default:
                record.kind.field(key) == nil || record[key] == value || record[key].hasPrefix(value + "-")
            }
        }
    }

    static func query(_ filters: [(String, String)]) -> String {
        filters.isEmpty ? "" : "?" + FormFields.encode(filters)
    }

    // MARK: Handlers

    func create(_ kind: LedgerKind, _ form: FormFields, _ principal: Principal) async throws -> Response {
        let input = Self.input(kind, form)
        switch input.validate(try await references(principal), source: .form) {
        case .failure(let errors):
            return try await list(kind, filters: [], principal, input: input, errors: errors, message: "请更正标红的字段，未保存任何内容。",
                                  status: .unprocessableContent)
        case .success(let record):
            do {
                _ = try await env.store.ledgers.create(record, zoneID: try principal.zoneID, actor: principal.account.username)
                return .redirect(to: "/ledgers/\(kind.rawValue)?msg=saved")
            } catch let error as StoreError {
                return try await list(kind, filters: [], principal, input: input, errors: FieldErrors(), message: error.message, status: .conflict)
            }
        }
    }

    func update(_ entry: LedgerEntry, _ form: FormFields, _ principal: Principal) async throws -> Response {
        let input = Self.input(entry.kind, form)
        let version = BoundedInt.parse(form["version"], in: BoundedInt.versions) ?? 0
        switch input.validate(try await references(principal), source: .form) {
        case .failure(let errors):
            return try await edit(entry, principal, input: input, version: version, errors: errors, message: "请更正标红的字段，未保存任何内容。",
                                  status: .unprocessableContent)
        case .success(let record):
            do {
                _ = try await env.store.ledgers.update(id: entry.id, zoneID: try principal.zoneID, to: record, expectedVersion: version,
                                                       actor: principal.account.username)
                return .redirect(to: "/ledgers/\(entry.kind.rawValue)?msg=saved")
            } catch let error as StoreError {
                return try await edit(entry, principal, input: input, version: version, errors: FieldErrors(), message: error.message, status: .conflict)
            }
        }
    }

    /// `mode=preview` checks the sheet and lists its rows; any other post (the confirm button, or a script) writes.
    func importSheet(_ kind: LedgerKind, _ context: AppContext, _ principal: Principal) async throws -> Response {
        let text = context.form["csv"], action = Self.importCard(kind).action
        func refuse(_ errors: [ImportRowError], _ message: String) async throws -> Response {
            try await list(kind, filters: [], principal, input: LedgerInput(kind: kind), errors: FieldErrors(), message: message,
                           importText: text, importErrors: env.imports.hold(errors, action: action, for: principal), status: .unprocessableContent)
        }
        let table: CSVTable
        do { table = try env.imports.table(from: context, action: action, for: principal) } catch { return try await refuse([], error.message + "，未导入任何数据。") }
        let sheet = LedgerImport(table, kind: kind, references: try await references(principal))
        guard sheet.errors.isEmpty else {
            return try await refuse(sheet.errors, "发现 \(sheet.errors.count) 处问题，未导入任何数据。请修改后重新提交。")
        }
        if context.form["mode"] == ImportCard.previewMode {
            return try await list(kind, filters: [], principal, input: LedgerInput(kind: kind), errors: FieldErrors(),
                              importPreview: env.imports.hold(table, action: action, for: principal))
        }
        do {
            try await env.store.ledgers.createAll(sheet.records, zoneID: try principal.zoneID, actor: principal.account.username)
        } catch let error as StoreError {
            return try await refuse([], error.message + "，未导入任何数据。")
        }
        return try await list(kind, filters: [], principal, input: LedgerInput(kind: kind), errors: FieldErrors(),
                              notice: "已导入 \(sheet.records.count) 条记录。")
    }

    /// The ledger's columns with one example row; 责任单位 shows a unit the account may name.
    func template(_ kind: LedgerKind, _ principal: Principal) async throws -> Response {
        let unit = try await references(principal).units.values.sorted().first ?? "产业发展局"
        let example = kind.fields.map { field in field.kind == .unit ? unit : field.example }
        return try ImportTemplate(sheetName: kind.label, header: kind.fields.map(\.label), example: example)
            .xlsx(filename: "\(kind.label)导入模板.xlsx")
    }

    static func input(_ kind: LedgerKind, _ form: FormFields) -> LedgerInput {
        LedgerInput(kind: kind, raw: Dictionary(uniqueKeysWithValues: kind.fields.map { ($0.key, form[$0.key]) }))
    }

    func export(_ kind: LedgerKind, filters: [(String, String)], _ principal: Principal) async throws -> Response {
        let entries = try await rows(kind, principal).filter { Self.matches($0.record, filters) }
        let refs = try await LedgerNames.load(env, principal)
        var book = XLSXWorkbook()
        try book.add(try SheetExports.ledger(kind, entries, refs))
        return try XLSXResponse.make(book, filename: "\(principal.zoneName)\(kind.label).xlsx")
    }
}
