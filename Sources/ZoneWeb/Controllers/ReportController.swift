import Hummingbird
import ZoneCore
import ZoneStore

/// Establishment reports: 实名制公示表 and the 机构编制 summary, on screen and printable.
struct ReportController {
    let env: AppEnvironment

    func register(_ routes: inout Routes) {
        routes.get("/reports", .viewReports) { _, _, principal in try await index(principal) }
        routes.get("/reports/roster", .viewReports) { _, _, principal in try await roster(principal) }
        routes.get("/reports/establishment", .viewReports) { _, _, principal in try await establishment(principal) }
        routes.get("/reports/roster.xlsx", .viewReports) { _, _, principal in try await rosterWorkbook(principal) }
        routes.get("/reports/establishment.xlsx", .viewReports) { _, _, principal in try await establishmentWorkbook(principal) }
        routes.get("/reports/appointments", .viewReports) { _, _, principal in try await appointments(principal) }
        routes.get("/reports/waiting", .viewReports) { _, _, principal in try await waiting(principal) }
    }

    func index(_ principal: Principal) async throws -> Response {
        let zone = principal.zoneName
        return Pages.response(Layout.page(title: "报表", active: "reports", principal: principal, zoneName: zone) {
            HTML.tag("h1") { "报表" }
            HTML.tag("div", ["class": "card"]) {
                HTML.tag("ul") {
                    HTML.tag("li") { HTML.tag("a", ["href": "/reports/roster"]) { "实名制公示表" }; "（按单位列出编制数、实有数与在编人员，身份证号脱敏）" }
                    HTML.tag("li") { HTML.tag("a", ["href": "/reports/establishment"]) { "机构编制情况汇总表" }; "（各单位编制、员额、领导职数核定与使用）" }
                    HTML.tag("li") { HTML.tag("a", ["href": "/reports/appointments"]) { "聘任与双轨情况表" }; "（现聘岗位、聘期，低职高聘/高职低聘，聘期届满提醒）" }
                    HTML.tag("li") { HTML.tag("a", ["href": "/reports/waiting"]) { "待岗人员名单" }; "（未聘人员及培训期限）" }
                }
            }
        })
    }

    /// Data every report shares.
    struct Data {
        let tree: UnitTree
        let book: QuotaBook
        let people: [Person]
    }

    func data(_ principal: Principal) async throws -> Data {
        let zoneID = try principal.zoneID
        let book = try await env.store.quotas.book(zoneID: zoneID)
        let people = try await env.store.people.onStrength(zoneID: zoneID)
        return Data(tree: book.tree, book: book, people: people)
    }

    func roster(_ principal: Principal) async throws -> Response {
        let d = try await data(principal)
        let zone = principal.zoneName
        let lines = Dictionary(grouping: d.book.lines(), by: \.unitID)
        let byUnit = Dictionary(grouping: d.people.filter { $0.establishment != .contract }, by: \.unitID)
        return Pages.response(Layout.page(title: "实名制公示表", active: "reports", principal: principal, zoneName: zone) {
            HTML.tag("h1") { "\(zone) 机构编制实名制公示表" }
            HTML.tag("div", ["class": "actions"]) { HTML.tag("a", ["class": "btn secondary", "href": "/reports/roster.xlsx"]) { "导出 Excel" } }
            HTML.tag("p", ["class": "hint"]) { "编内人员按所在单位列出；身份证号按个人信息保护要求脱敏。共用上级编制的内设机构，其人员列于本单位，编制数见上级单位。" }
            for (unit, depth) in d.tree.flattened() {
                let staff = byUnit[unit.id] ?? []
                let quotas = lines[unit.id] ?? []
                if !staff.isEmpty || !quotas.isEmpty {
                    HTML.tag("div", ["class": "card"]) {
                        HTML.tag("h2") {
                            String(repeating: "　", count: depth) + unit.name
                            HTML.tag("span", ["class": "hint"]) {
                                "　" + (quotas.isEmpty ? "共用上级编制" : quotas.map { "\($0.label) \($0.limit)" }.joined(separator: "，"))
                                    + "；本单位在编 \(staff.count) 人"
                            }
                        }
                        if !staff.isEmpty {
                            HTML.tag("table", ["class": "grid"]) {
                                HTML.tag("tr") { for h in ["序号", "姓名", "性别", "身份证号", "编制类型", "档案职务", "档案职级"] { HTML.tag("th") { h } } }
                                for (index, person) in staff.enumerated() {
                                    HTML.tag("tr") {
                                        HTML.tag("td", ["class": "num"]) { "\(index + 1)" }
                                        HTML.tag("td") { person.name }
                                        HTML.tag("td") { person.gender.rawValue }
                                        HTML.tag("td", ["class": "mono"]) { person.maskedIDNumber }
                                        HTML.tag("td") { person.establishment.rawValue }
                                        HTML.tag("td") { person.archivePost }
                                        HTML.tag("td") { person.archiveRank }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        })
    }

    func establishment(_ principal: Principal) async throws -> Response {
        let d = try await data(principal)
        let zone = principal.zoneName
        let lines = Dictionary(grouping: d.book.lines(), by: \.unitID)
        let all = d.book.lines()
        return Pages.response(Layout.page(title: "机构编制情况汇总表", active: "reports", principal: principal, zoneName: zone) {
            HTML.tag("h1") { "\(zone) 机构编制情况汇总表" }
            HTML.tag("div", ["class": "actions"]) { HTML.tag("a", ["class": "btn secondary", "href": "/reports/establishment.xlsx"]) { "导出 Excel" } }
            HTML.tag("div", ["class": "stats"]) {
                Components.stat("机构数", "\(d.tree.units.count)")
                Components.stat("核定编制（含员额）", "\(all.filter { !$0.label.contains("职数") }.reduce(0) { $0 + $1.quota })")
                Components.stat("审批增加", "\(all.filter { !$0.label.contains("职数") }.reduce(0) { $0 + $1.approved })")
                Components.stat("编内实有", "\(all.filter { !$0.label.contains("职数") }.reduce(0) { $0 + $1.used })")
                Components.stat("领导职数", "\(all.filter { $0.label.contains("职数") }.reduce(0) { $0 + $1.quota })")
            }
            HTML.tag("div", ["class": "card"]) {
                HTML.tag("table", ["class": "grid"]) {
                    HTML.tag("tr") {
                        for h in ["单位", "类别", "性质", "经费形式", "规格", "核定项目"] { HTML.tag("th") { h } }
                        for h in ["核定", "审批增加", "实有", "空缺"] { HTML.tag("th", ["class": "num"]) { h } }
                    }
                    for (unit, depth) in d.tree.flattened() {
                        let unitLines = lines[unit.id] ?? []
                        for (i, line) in (unitLines.isEmpty ? [nil] : unitLines.map(Optional.some)).enumerated() {
                            HTML.tag("tr") {
                                HTML.tag("td") { i == 0 ? String(repeating: "　", count: depth) + unit.name : "" }
                                HTML.tag("td") { i == 0 ? unit.kind.label : "" }
                                HTML.tag("td") { i == 0 ? unit.orgType.rawValue : "" }
                                HTML.tag("td") { i == 0 ? unit.funding?.rawValue ?? "—" : "" }
                                HTML.tag("td") { i == 0 ? unit.rank : "" }
                                HTML.tag("td") { line?.label ?? "共用上级" }
                                HTML.tag("td", ["class": "num"]) { line.map { "\($0.quota)" } ?? "" }
                                HTML.tag("td", ["class": "num"]) { line.map { $0.approved > 0 ? "\($0.approved)" : "" } ?? "" }
                                HTML.tag("td", ["class": "num"]) { line.map { "\($0.used)" } ?? "" }
                                HTML.tag("td", ["class": "num"]) {
                                    if let line { line.vacancy < 0 ? Components.tag("超 \(-line.vacancy)", kind: "bad") : HTML.text("\(line.vacancy)") }
                                }
                            }
                        }
                    }
                }
            }
        })
    }

    /// 实名制公示表 as a sheet: one row per person in establishment, ID numbers masked, as text.
    func rosterWorkbook(_ principal: Principal) async throws -> Response {
        let d = try await data(principal)
        let zone = principal.zoneName
        let lines = Dictionary(grouping: d.book.lines(), by: \.unitID)
        let byUnit = Dictionary(grouping: d.people.filter { $0.establishment != .contract }, by: \.unitID)
        var sheet = try XLSXSheet(name: "实名制公示表", header: ["单位", "核定编制", "序号", "姓名", "性别", "身份证号", "编制类型", "档案职务", "档案职级"],
                                  columnWidths: [30, 24, 6, 10, 6, 22, 10, 14, 16])
        for (unit, _) in d.tree.flattened() {
            let quota = (lines[unit.id] ?? []).map { "\($0.label) \($0.limit)" }.joined(separator: "，")
            for (index, person) in (byUnit[unit.id] ?? []).enumerated() {
                sheet.rows.append([.text(unit.name), .text(quota.isEmpty ? "共用上级编制" : quota), .integer(index + 1), .text(person.name),
                                   .text(person.gender.rawValue), .text(person.maskedIDNumber), .text(person.establishment.rawValue),
                                   .text(person.archivePost), .text(person.archiveRank)])
            }
        }
        var book = XLSXWorkbook()
        try book.add(sheet)
        return try XLSXResponse.make(book, filename: "\(zone)实名制公示表.xlsx")
    }

    func establishmentWorkbook(_ principal: Principal) async throws -> Response {
        let d = try await data(principal)
        let zone = principal.zoneName
        let lines = Dictionary(grouping: d.book.lines(), by: \.unitID)
        var sheet = try XLSXSheet(name: "机构编制汇总", header: ["单位", "类别", "性质", "经费形式", "规格", "核定项目", "核定", "审批增加", "实有", "空缺"],
                                  columnWidths: [30, 12, 10, 10, 8, 18, 8, 10, 8, 8])
        for (unit, _) in d.tree.flattened() {
            let unitCells: [XLSXCell] = [.text(unit.name), .text(unit.kind.label), .text(unit.orgType.rawValue),
                                         .text(unit.funding?.rawValue ?? ""), .text(unit.rank)]
            let unitLines = lines[unit.id] ?? []
            if unitLines.isEmpty { sheet.rows.append(unitCells + [.text("共用上级"), .empty, .empty, .empty, .empty]) }
            for line in unitLines {
                sheet.rows.append(unitCells + [.text(line.label), .integer(line.quota), .integer(line.approved), .integer(line.used), .integer(line.vacancy)])
            }
        }
        var book = XLSXWorkbook()
        try book.add(sheet)
        return try XLSXResponse.make(book, filename: "\(zone)机构编制汇总表.xlsx")
    }

    /// Current appointments with the dual track (三分离). The archive rank, and the gap that would
    /// reveal it, only for those who may read the archive; terms ending within 90 days are flagged.
    func appointments(_ principal: Principal) async throws -> Response {
        let zoneID = try principal.zoneID
        let list = try await env.store.appointments.current(zoneID: zoneID)
        let tree = try await env.store.units.tree(zoneID: zoneID)
        let zone = principal.zoneName
        let archive = principal.can(.unmaskPersonalData)
        let soon = env.store.clock.today.adding(months: 3).description
        let track = DualTrack(list.map { ($0.person.archiveRank, $0.post.level) })
        return Pages.response(Layout.page(title: "聘任与双轨情况表", active: "reports", principal: principal, zoneName: zone) {
            HTML.tag("h1") { "聘任与双轨情况表" }
            HTML.tag("div", ["class": "stats"]) {
                Components.stat("在聘人数", "\(list.count)")
                if archive {
                    Components.stat("低职高聘", "\(track.higher)")
                    Components.stat("高职低聘", "\(track.lower)")
                }
                Components.stat("三个月内聘期届满", "\(list.filter { $0.endsOn <= soon }.count)")
            }
            HTML.tag("div", ["class": "card"]) {
                HTML.tag("table", ["class": "grid"]) {
                    HTML.tag("tr") {
                        for h in ["姓名", "单位", "聘任岗位", "岗位层级", "聘期起", "聘期止"] + (archive ? ["档案职级", "双轨"] : []) { HTML.tag("th") { h } }
                    }
                    for item in list {
                        HTML.tag("tr") {
                            HTML.tag("td") { HTML.tag("a", ["href": "/people/\(item.person.id)"]) { item.person.name } }
                            HTML.tag("td") { tree[item.post.unitID]?.name ?? "" }
                            HTML.tag("td") { item.post.title }
                            HTML.tag("td", ["class": "num"]) { "\(item.post.level)" }
                            HTML.tag("td") { item.startsOn }
                            HTML.tag("td") { item.endsOn <= soon ? Components.tag(item.endsOn + " 将届满", kind: "warn") : HTML.text(item.endsOn) }
                            if archive {
                                HTML.tag("td") { item.person.archiveRank }
                                HTML.tag("td") { RoundPage.dualTrack(archiveRank: item.person.archiveRank, post: item.post) }
                            }
                        }
                    }
                    if list.isEmpty { HTML.tag("tr") { HTML.tag("td", ["colspan": "8", "class": "hint"]) { "尚无聘任记录（聘任批次确认后生成）" } } }
                }
            }
        })
    }

    func waiting(_ principal: Principal) async throws -> Response {
        let zoneID = try principal.zoneID
        let list = try await env.store.appointments.waiting(zoneID: zoneID)
        let tree = try await env.store.units.tree(zoneID: zoneID)
        let zone = principal.zoneName
        return Pages.response(Layout.page(title: "待岗人员名单", active: "reports", principal: principal, zoneName: zone) {
            HTML.tag("h1") { "待岗人员名单" }
            HTML.tag("p", ["class": "hint"]) { "未聘人员转入待岗，参加不少于3个月的培训，期满后参加新一轮竞聘、分流或按政策处理；人员始终保留在名册中。" }
            HTML.tag("div", ["class": "card"]) {
                HTML.tag("table", ["class": "grid"]) {
                    HTML.tag("tr") { for h in ["姓名", "原单位", "编制类型", "培训期至"] { HTML.tag("th") { h } } }
                    for item in list {
                        HTML.tag("tr") {
                            HTML.tag("td") { HTML.tag("a", ["href": "/people/\(item.person.id)"]) { item.person.name } }
                            HTML.tag("td") { tree[item.person.unitID]?.name ?? "" }
                            HTML.tag("td") { item.person.establishment.rawValue }
                            HTML.tag("td") { item.until ?? "—" }
                        }
                    }
                    if list.isEmpty { HTML.tag("tr") { HTML.tag("td", ["colspan": "4", "class": "hint"]) { "无待岗人员" } } }
                }
            }
        })
    }
}
