import Hummingbird
import ZoneCore
import ZoneStore

/// 年度信息公开报告 (成都芯谷 "定期向社会公布年报"): the year's organisation, reform ledgers,
/// investment, fiscal and appraisal figures in one printable page and one xlsx sheet, built from
/// the same rows as the dashboard. Every line names where its figure comes from.
struct DisclosureController {
    let env: AppEnvironment

    struct Line {
        let section: String
        let item: String
        let value: String
        let href: String
    }

    func register(_ routes: inout Routes) {
        routes.get("/reports/disclosure", .viewDashboard) { request, _, principal in
            let (year, lines) = try await report(request, principal)
            return try await page(year, lines, principal)
        }
        routes.get("/reports/disclosure.xlsx", .viewDashboard) { request, _, principal in
            let (year, lines) = try await report(request, principal)
            var sheet = try XLSXSheet(name: "\(year)年度信息公开", header: ["栏目", "项目", "数据", "来源"], columnWidths: [14, 40, 30, 36])
            sheet.rows = lines.map { [.text($0.section), .text($0.item), .text($0.value), .text($0.href)] }
            var book = XLSXWorkbook()
            try book.add(sheet)
            return try XLSXResponse.make(book, filename: "\(principal.zoneName)\(year)年度信息公开报告.xlsx")
        }
    }

    func report(_ request: Request, _ principal: Principal) async throws -> (Int, [Line]) {
        let zoneID = try principal.zoneID
        let entries = try await env.store.ledgers.all(zoneID: zoneID).map(\.record)
        let pipeline = ProjectPipeline(entries)
        let year = try request.number("year", in: BoundedInt.years, label: "年度") ?? pipeline.years.last ?? Int(env.store.clock.isoTimestamp.prefix(4)) ?? 2025
        let f = LedgerFigures(entries)
        var lines: [Line] = []
        let book = try await env.store.quotas.book(zoneID: zoneID)
        let quota = book.lines().filter { !$0.label.contains("职数") }
        lines.append(Line(section: "机构编制", item: "内设机构及下属单位", value: "\(try await env.store.units.all(zoneID: zoneID).count)个", href: "/units"))
        lines.append(Line(section: "机构编制", item: "核定编制（含员额）/ 实有", value: "\(quota.reduce(0) { $0 + $1.limit })名 / \(quota.reduce(0) { $0 + $1.used })名",
                          href: "/reports/establishment"))
        let policy = try await env.store.policies.current(zoneID: zoneID)?.policy
        for kind in LedgerKind.allCases where kind != .workLogs && kind != .projects {
            for figure in LedgerSummary.figures(kind, f, rows: 0, policy: policy) {
                lines.append(Line(section: kind.group, item: kind.label + "：" + figure.label, value: figure.value, href: figure.href))
            }
        }
        for stage in ProjectPipeline.Stage.allCases {
            let yoy = pipeline.yearOverYear(stage, year: year)
            lines.append(Line(section: "招商与产业", item: "\(year)年\(stage.label)项目（同比）", value: "\(yoy.current)个（\(yoy.text)）",
                              href: LedgerSummary.href(.projects, [(stage.rawValue, String(year))])))
        }
        let dashboard = DashboardController(env: env)
        if let (appraisal, _, counts) = try await dashboard.latestGrades(zoneID) {
            lines.append(Line(section: "考核薪酬", item: "\(appraisal.year)年度考核等次",
                              value: counts.map { "\($0.label)\($0.count)人" }.joined(separator: "，"),
                              href: "/appraisals/\(appraisal.id)/results"))
        }
        if let run = try await env.store.payRuns.all(zoneID: zoneID).filter({ $0.status == .locked }).max(by: { $0.id < $1.id }) {
            lines.append(Line(section: "考核薪酬", item: "\(run.period)年绩效工资发放", value: "\(run.headcount)人，合计\(Fen.text(run.paidFen))",
                              href: "/appraisals/\(run.appraisalID)/results"))
        }
        return (year, lines)
    }

    func page(_ year: Int, _ lines: [Line], _ principal: Principal) async throws -> Response {
        let zone = principal.zoneName
        return Pages.response(Layout.page(title: "\(year)年度信息公开报告", active: "dashboard", principal: principal, zoneName: zone) {
            HTML.tag("h1") { "\(zone)\(year)年度信息公开报告" }
            HTML.tag("div", ["class": "actions"]) {
                HTML.tag("a", ["class": "btn secondary", "href": "/reports/disclosure.xlsx?year=\(year)"]) { "导出 Excel" }
                HTML.tag("a", ["class": "btn secondary", "href": "/reports/disclosure?year=\(year - 1)"]) { "上一年" }
            }
            for section in lines.map(\.section).uniqued() {
                HTML.tag("div", ["class": "card"]) {
                    HTML.tag("h2") { section }
                    HTML.tag("table", ["class": "grid"]) {
                        for line in lines where line.section == section {
                            HTML.tag("tr") {
                                HTML.tag("td") { line.item }
                                HTML.tag("td", ["class": "num"]) { HTML.tag("a", ["href": line.href]) { line.value } }
                            }
                        }
                    }
                }
            }
            HTML.tag("p", ["class": "hint"]) { "本报告数据由系统内台账、名册、考核与薪酬记录自动生成。" }
        })
    }
}
