import Hummingbird
import ZoneCore
import ZoneStore

/// The ledger pages: overview, one ledger's rows with its forms, the edit form and a row's history.
extension LedgerController {
    func overview(_ principal: Principal) async throws -> Response {
        let entries = try await rows(nil, principal)
        let figures = LedgerFigures(entries.map(\.record))
        let counts = Dictionary(grouping: entries, by: \.kind).mapValues(\.count)
        let kinds = Self.kinds(for: principal)
        let policy = try await env.store.policies.current(zoneID: try principal.zoneID)?.policy
        let zone = principal.zoneName
        return Pages.response(Layout.page(title: "改革台账", active: "ledgers", principal: principal, zoneName: zone) {
            HTML.tag("h1") { "改革台账" }
            HTML.tag("p", ["class": "hint"]) { "各项改革数据逐条登记，驾驶舱和年度报告中的数字都由这些记录计算得出，点击数字可查看对应记录。" }
            for group in kinds.map(\.group).uniqued() {
                HTML.tag("h2") { group }
                HTML.tag("div", ["class": "ledger-cards"]) {
                    for kind in kinds where kind.group == group {
                        HTML.tag("div", ["class": "card ledger-card"]) {
                            HTML.tag("h3") { HTML.tag("a", ["href": "/ledgers/\(kind.rawValue)"]) { kind.label } }
                            HTML.tag("div", ["class": "hint"]) { "\(counts[kind] ?? 0) 条记录" }
                            HTML.tag("div", ["class": "stats"]) {
                                for figure in LedgerSummary.figures(kind, figures, rows: counts[kind] ?? 0, policy: policy) {
                                    Components.stat(figure.label, figure.value, href: figure.href)
                                }
                            }
                        }
                    }
                }
            }
        })
    }

    func list(_ kind: LedgerKind, filters: [(String, String)], _ principal: Principal, input: LedgerInput, errors: FieldErrors,
              message: String? = nil, notice: String? = nil, importText: String = "", importErrors: HeldImports.Errors? = nil,
              importPreview: HeldImports.Sheet? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let all = try await rows(kind, principal)
        let entries = all.filter { Self.matches($0.record, filters) }
        let names = try await LedgerNames.load(env, principal)
        let edits = principal.can(.editLedgers)
        let refs = edits ? try await references(principal) : nil
        let zone = principal.zoneName
        let policy = try await env.store.policies.current(zoneID: try principal.zoneID)?.policy
        let figures = LedgerSummary.figures(kind, LedgerFigures(entries.map(\.record)), rows: entries.count, policy: policy)
        return Pages.response(Layout.page(title: kind.label, active: "ledgers", principal: principal, zoneName: zone) {
            HTML.tag("div", ["class": "crumbs"]) { HTML.tag("a", ["href": "/ledgers"]) { "改革台账" } }
            HTML.tag("h1") { kind.label }
            Components.flash(notice, kind: "ok")
            Components.flash(message)
            HTML.tag("div", ["class": "stats"]) {
                for figure in figures { Components.stat(figure.label, figure.value, href: figure.href) }
            }
            if !filters.isEmpty {
                HTML.tag("p", ["class": "hint"]) {
                    "筛选：" + filters.map { key, value in "\(kind.field(key)?.label ?? key) = \(value)" }.joined(separator: "，") + "，共 \(entries.count) 条（全部 \(all.count) 条）。"
                    HTML.tag("a", ["href": "/ledgers/\(kind.rawValue)"]) { "显示全部" }
                }
            }
            HTML.tag("div", ["class": "actions"]) {
                HTML.tag("a", ["class": "btn secondary", "href": "/ledgers/\(kind.rawValue)/export.xlsx" + Self.query(filters)]) { "导出 Excel" }
            }
            HTML.tag("div", ["class": "card scroll"]) {
                HTML.tag("table", ["class": "grid"]) {
                    HTML.tag("tr") {
                        HTML.tag("th", ["class": "num"]) { "序号" }
                        for field in kind.fields { HTML.tag("th") { field.label } }
                        HTML.tag("th") { "" }
                    }
                    for (index, entry) in entries.enumerated() {
                        HTML.tag("tr") {
                            HTML.tag("td", ["class": "num"]) { "\(index + 1)" }
                            for field in kind.fields {
                                HTML.tag("td", ["class": Self.isNumeric(field) ? "num" : nil]) { names.text(field, entry.record) }
                            }
                            HTML.tag("td", ["class": "nowrap"]) {
                                if edits { HTML.tag("a", ["href": "/ledgers/\(kind.rawValue)/\(entry.id)/edit"]) { "编辑" }; " " }
                                HTML.tag("a", ["href": "/ledgers/\(kind.rawValue)/\(entry.id)/history"]) { "历史" }
                            }
                        }
                    }
                    if entries.isEmpty { HTML.tag("tr") { HTML.tag("td", ["colspan": "\(kind.fields.count + 2)", "class": "hint"]) { "暂无记录" } } }
                }
            }
            if let refs {
                HTML.tag("div", ["class": "card"]) {
                    HTML.tag("h2") { "新增记录" }
                    HTML.tag("form", ["method": "post", "action": "/ledgers/\(kind.rawValue)", "novalidate": "novalidate"]) {
                        Components.csrf(principal)
                        Self.fields(kind, input, refs, errors: errors)
                        Components.formButtons(cancel: "/ledgers/\(kind.rawValue)")
                    }
                }
                Self.importCard(kind).render(principal, text: importText, errors: importErrors, preview: importPreview)
            }
        }, status: status)
    }

    static func isNumeric(_ field: LedgerField) -> Bool {
        switch field.kind {
        case .count, .money, .area, .percent: true
        default: false
        }
    }

    /// One input per column: selects for choices, units and people; typed inputs for the rest.
    static func fields(_ kind: LedgerKind, _ input: LedgerInput, _ refs: LedgerReferences, errors: FieldErrors) -> HTML {
        HTML.tag("div") {
            for field in kind.fields {
                let value = input.raw[field.key] ?? ""
                switch field.kind {
                case .choice(let options):
                    Components.selectField(field.label, name: field.key, value: value, options: [("", "请选择")] + options.map { ($0, $0) },
                                           errors: errors, required: field.required)
                case .unit:
                    Components.selectField(field.label, name: field.key, value: value,
                                           options: [("", "（不指定）")] + refs.units.sorted { $0.key < $1.key }.map { (String($0.key), $0.value) },
                                           errors: errors, required: field.required)
                case .person:
                    Components.selectField(field.label, name: field.key, value: value,
                                           options: [("", "请选择")] + refs.people.sorted { $0.key < $1.key }.map { (String($0.key), $0.value.name) },
                                           errors: errors, required: field.required)
                case .date:
                    Components.field(field.label, name: field.key, value: value, errors: errors, hint: field.hint.isEmpty ? "yyyy-MM-dd" : field.hint,
                                     type: "date", required: field.required)
                case .money:
                    Components.field(field.label, name: field.key, value: value, errors: errors, hint: "单位：元，最多两位小数", required: field.required)
                default:
                    Components.field(field.label, name: field.key, value: value, errors: errors, hint: field.hint, required: field.required)
                }
            }
        }
    }

    static func importCard(_ kind: LedgerKind) -> ImportCard {
        ImportCard(action: "/ledgers/\(kind.rawValue)/import", template: "/ledgers/\(kind.rawValue)/template.xlsx",
                   columns: kind.fields.map(\.label), hint: "责任单位填单位名称，人员填身份证号，金额以元计。", masked: [])
    }

    func edit(_ entry: LedgerEntry, _ principal: Principal, input: LedgerInput, version: Int, errors: FieldErrors, message: String? = nil,
              status: HTTPResponse.Status = .ok) async throws -> Response {
        let kind = entry.kind
        let refs = try await references(principal)
        let zone = principal.zoneName
        return Pages.response(Layout.page(title: "编辑\(kind.label)记录", active: "ledgers", principal: principal, zoneName: zone) {
            HTML.tag("div", ["class": "crumbs"]) {
                HTML.tag("a", ["href": "/ledgers"]) { "改革台账" }
                " / "
                HTML.tag("a", ["href": "/ledgers/\(kind.rawValue)"]) { kind.label }
            }
            HTML.tag("h1") { "编辑\(kind.label)记录" }
            Components.flash(message)
            HTML.tag("div", ["class": "card"]) {
                HTML.tag("form", ["method": "post", "action": "/ledgers/\(kind.rawValue)/\(entry.id)", "novalidate": "novalidate"]) {
                    Components.csrf(principal)
                    HTML.tag("input", ["type": "hidden", "name": "version", "value": String(version)])
                    Self.fields(kind, input, refs, errors: errors)
                    Components.formButtons(cancel: "/ledgers/\(kind.rawValue)")
                }
            }
        }, status: status)
    }

    func history(_ entry: LedgerEntry, _ principal: Principal) async throws -> Response {
        let records = try await env.store.ledgers.history(id: entry.id)
        let zone = principal.zoneName
        let kind = entry.kind
        return Pages.response(Layout.page(title: "\(kind.label)记录历史", active: "ledgers", principal: principal, zoneName: zone) {
            HTML.tag("div", ["class": "crumbs"]) {
                HTML.tag("a", ["href": "/ledgers"]) { "改革台账" }
                " / "
                HTML.tag("a", ["href": "/ledgers/\(kind.rawValue)"]) { kind.label }
            }
            HTML.tag("h1") { "\(kind.label)：\(entry.record[kind.titleKey]) 的修改历史" }
            HTML.tag("p", ["class": "hint"]) { "来自审计日志（哈希链防篡改），当前为第\(entry.version)版。" }
            AuditController.history(records) { $0.action == "ledger.create" ? "登记" : "修改" }
        })
    }
}

extension Sequence where Element: Hashable {
    /// The elements in first-seen order without repeats.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
