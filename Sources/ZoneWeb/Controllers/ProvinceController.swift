import Hummingbird
import ZoneCore
import ZoneStore

/// 全省园区总览 (SPEC §F "across zones"): for a 省级主管部门 account in a province database, every
/// zone's headline figures side by side and each zone's dashboard read-only. Only counts, rates
/// and totals leave this controller; every link goes to the aggregated zone page, never to rows
/// about people, which the role may not open.
struct ProvinceController {
    let env: AppEnvironment

    func register(_ routes: inout Routes) {
        routes.get("/province", .viewProvince) { _, _, principal in try await page(principal) }
        routes.get("/province/zones/:id", .viewProvince) { _, context, principal in
            try await zonePage(context.parameters.require("id", as: Int64.self), principal)
        }
        routes.get("/api/v1/province", .viewProvince) { _, _, _ in
            let zones = try await zoneFigures()
            let published = try await publishedStripping(zones)
            return try APIResponse.json(ProvinceDTO(zones: zones.map { ZoneDTO($0, publishedStripping: published[$0.zone.id]?.percent) }))
        }
        routes.get("/api/v1/province/zones/:id", .viewProvince) { _, context, _ in
            let id = try context.parameters.require("id", as: Int64.self)
            guard try await env.store.zones.find(id: id) != nil else {
                return APIResponse.error(.notFound, "没有该园区：\(id)", code: "not_found")
            }
            return try APIResponse.json(try await zoneFigures(id))
        }
    }

    static func href(_ zoneID: Int64, _ figure: String? = nil) -> String {
        "/province/zones/\(zoneID)" + (figure.map { "#" + $0 } ?? "")
    }

    /// Every zone's row of the overview, once per change of the data.
    func zoneFigures() async throws -> [ZoneFigures] {
        try await env.cache.value("province", in: env.store.database) { try await env.store.province.figures() }
    }

    /// Each zone's 剥离率 as its policy records it published (`seed_figures.stripping_rate`), with
    /// the "公开数据：…（source）" text: printed beside the rate computed over the zone's rows, never
    /// in its place.
    func publishedStripping(_ zones: [ZoneFigures]) async throws -> [Int64: (percent: PublishedPercent, text: String)] {
        var out: [Int64: (percent: PublishedPercent, text: String)] = [:]
        for z in zones {
            guard let policy = try await env.store.policies.current(zoneID: z.zone.id)?.policy, let rate = policy.publishedStrippingRate else { continue }
            out[z.zone.id] = (rate, policy.publishedText(rate))
        }
        return out
    }

    /// The zone dashboard's figures, every link pointing at the read-only zone page.
    func zoneFigures(_ zoneID: Int64) async throws -> [DashboardController.Figure] {
        try await DashboardController(env: env).figures(zoneID).map { $0.linking(to: Self.href(zoneID, $0.key)) }
    }

    /// "毕节高新技术产业开发区" → "毕节高新区", so chart labels and legends stay short.
    static func shortName(_ name: String) -> String {
        name.replacingOccurrences(of: "高新技术产业开发区", with: "高新区").replacingOccurrences(of: "经济技术开发区", with: "经开区")
    }

    func page(_ principal: Principal) async throws -> Response {
        let zones = try await zoneFigures()
        let published = try await publishedStripping(zones).mapValues(\.text)
        return Pages.response(Layout.page(title: "全省园区总览", active: "province", principal: principal, zoneName: "全省 \(zones.count) 个园区") {
            HTML.tag("h1") { "全省园区总览" }
            HTML.tag("p", ["class": "hint"]) {
                "各园区数字均由本库记录按园区汇总计算，不含个人信息；点击园区名称、条形或数据点查看该园区改革驾驶舱（只读）。同样的数据见 /api/v1/province。"
            }
            if zones.isEmpty {
                HTML.tag("div", ["class": "card"]) { HTML.tag("p") { "本库尚无园区。" } }
            } else {
                HTML.tag("div", ["class": "card scroll"]) { Self.table(zones, published: published) }
                DashboardController.charts(Self.comparisons(zones, published: published))
            }
        })
    }

    func zonePage(_ id: Int64, _ principal: Principal) async throws -> Response {
        guard let zone = try await env.store.zones.find(id: id) else {
            return Pages.error(.notFound, "没有该园区。", principal: principal)
        }
        let figures = try await zoneFigures(id)
        return Pages.response(Layout.page(title: zone.name + " 改革驾驶舱", active: "province", principal: principal, zoneName: zone.name) {
            HTML.tag("p") { HTML.tag("a", ["href": "/province"]) { "← 全省园区总览" } }
            HTML.tag("h1") { zone.name + " 改革驾驶舱" }
            HTML.tag("p", ["class": "hint"]) { "省级只读视图：仅显示汇总数字，不含人员名单与个人信息。同样的数据见 /api/v1/province/zones/\(id)。" }
            DashboardController.charts(figures)
        })
    }

    /// `published`: zone id → its published 剥离率 text, printed under the computed one.
    static func table(_ zones: [ZoneFigures], published: [Int64: String]) -> HTML {
        // Ten columns: cells wrap (table.wrapping) so the table fits the page instead of scrolling.
        HTML.tag("table", ["class": "grid wrapping"]) {
            HTML.tag("tr") {
                for (heading, numeric) in [("园区", false), ("核定编制", true), ("编内实有", true), ("在册人员（按编制类型）", false),
                                           ("在聘 / 待岗", true), ("最新年度考核等次", false), ("最近已发放绩效工资", false),
                                           ("剥离率", false), ("债务化解率", true), ("招商项目 签约 / 开工 / 投产（累计）", false)] {
                    HTML.tag("th", ["class": numeric ? "num" : nil]) { heading }
                }
            }
            for z in zones {
                HTML.tag("tr") {
                    HTML.tag("td") { HTML.tag("a", ["href": href(z.zone.id)]) { z.zone.name } }
                    HTML.tag("td", ["class": "num"]) { z.approved > 0 ? "\(z.quota)（+\(z.approved)）" : "\(z.quota)" }
                    HTML.tag("td", ["class": "num"]) { "\(z.inEstablishment)" }
                    HTML.tag("td") { "共\(z.staffTotal)人：" + staffText(z) }
                    HTML.tag("td", ["class": "num"]) { "\(z.appointed) / \(z.waiting)" }
                    HTML.tag("td") {
                        if let g = z.grades {
                            "\(g.year)年（\(g.status.label)）：" + g.counts.map { "\($0.label)\($0.count)" }.joined(separator: "、")
                        } else { "—" }
                    }
                    HTML.tag("td") { z.pay.map { "\(Fen.text($0.paidFen))（\($0.period)年，\($0.headcount)人）" } ?? "—" }
                    HTML.tag("td") {
                        LedgerSummary.computedStripping(z.ledgers.stripping)
                        if let text = published[z.zone.id] { HTML.tag("br"); text }
                    }
                    HTML.tag("td", ["class": "num"]) { tenths(z.ledgers.fiscal.debtResolvedTenths) }
                    HTML.tag("td") { ProjectPipeline.Stage.allCases.map { String(projectTotal(z, $0)) }.joined(separator: " / ") }
                }
            }
        }
    }

    static func staffText(_ z: ZoneFigures) -> String {
        let parts = StaffCategory.allCases.compactMap { c in z.staff[c].map { "\(c.rawValue)\($0)" } }
        return parts.isEmpty ? "—" : parts.joined(separator: "、")
    }

    static func tenths(_ value: Int?) -> String { value.map(LedgerSummary.tenths) ?? "—" }

    static func projectTotal(_ z: ZoneFigures, _ stage: ProjectPipeline.Stage) -> Int {
        z.projects.years.reduce(0) { $0 + z.projects.count(stage, year: $1) }
    }

    /// One bar per zone for each figure, and the project pipeline per zone over the years.
    static func comparisons(_ zones: [ZoneFigures], published: [Int64: String]) -> [DashboardController.Figure] {
        typealias Figure = DashboardController.Figure
        func bars(_ key: String, _ title: String, _ item: (ZoneFigures) -> (value: Int64, text: String, kind: String)) -> Figure {
            Figure(key: key, title: title, items: zones.map { z in
                let (value, text, kind) = item(z)
                return Figure.Item(label: shortName(z.zone.name), value: value, text: text, href: href(z.zone.id, key), kind: kind)
            })
        }
        var figures = [
            bars("establishment", "编制使用（编内实有/核定）") { z in
                let limit = z.quota + z.approved
                return (Int64(z.inEstablishment), "\(z.inEstablishment)/\(limit)", z.inEstablishment > limit ? "bad" : z.inEstablishment == limit ? "warn" : "ok")
            },
            bars("staff", "在册人员（编外人员单列）") { z in
                (Int64(z.staffTotal), "\(z.staffTotal)人（编外\(z.staff[.contract] ?? 0)人）", "")
            },
            bars("appointments", "全员聘任进度（在聘人数，待岗单列）") { z in
                (Int64(z.appointed), "在聘\(z.appointed)人、待岗\(z.waiting)人", z.waiting > 0 ? "warn" : "ok")
            },
            // Bar texts stay short (the SVG leaves ~120px after the longest bar); years are in the table.
            bars("grades", "最新年度考核：最高等次人数占比") { z in
                guard let g = z.grades, let best = g.counts.first, let share = Percent.tenths(best.count, of: g.total) else { return (0, "暂无结果", "") }
                return (Int64(share), best.label + LedgerSummary.tenths(share), "")
            },
            bars("pay", "最近已发放绩效工资总额（元）") { z in
                guard let pay = z.pay else { return (0, "暂无已发放", "") }
                return (pay.paidFen, Fen.text(pay.paidFen), "")
            },
            bars("ledgers", "社会事务剥离率（按已录入台账计算）") { z in
                (Int64(z.ledgers.stripping.rateTenths ?? 0), tenths(z.ledgers.stripping.rateTenths), "")
            },
        ]
        figures[figures.count - 1].notes = zones.compactMap { z in published[z.zone.id].map { shortName(z.zone.name) + " " + $0 } }
        let years = Set(zones.flatMap(\.projects.years)).sorted()
        for stage in ProjectPipeline.Stage.allCases {
            figures.append(Figure(key: "projects-\(stage.rawValue)", title: "招商项目\(stage.label)数（按年，各园区）", series: zones.map { z in
                Figure.Line(name: shortName(z.zone.name), points: years.map { year in
                    let n = z.projects.count(stage, year: year)
                    return Figure.Item(label: "\(year)年", value: Int64(n), text: "\(n)个", href: href(z.zone.id, "projects"))
                })
            }))
        }
        return figures
    }
}

/// `/api/v1/province`: each zone's figures; rates in tenths of a percent, money in fen.
struct ProvinceDTO: Encodable {
    let zones: [ZoneDTO]
}

struct ZoneDTO: Encodable {
    struct Establishment: Encodable { let quota: Int, approved: Int, used: Int }
    struct Staff: Encodable { let total: Int, byType: [String: Int] }
    struct Appointments: Encodable { let appointed: Int, waiting: Int }
    struct GradeCount: Encodable { let key: String, label: String, count: Int }
    struct Grades: Encodable { let year: Int, status: String, total: Int, counts: [GradeCount] }
    struct Pay: Encodable { let period: String, paidFen: Int64, headcount: Int }
    struct Ledgers: Encodable {
        let strippingRateTenths: Int?, debtResolvedRateTenths: Int?, workLogCompletenessTenths: Int?
        /// The published rate, digit for digit ("60"), beside the computed one; nil when none is recorded.
        let strippingRatePublished: String?
        let cases721ShareTenths: [String: Int]
    }
    struct ProjectYear: Encodable { let year: Int, signed: Int, started: Int, producing: Int }

    let id: Int64
    let code: String
    let name: String
    /// The zone's read-only dashboard for the province user.
    let href: String
    let establishment: Establishment
    let staff: Staff
    let appointments: Appointments
    let grades: Grades?
    let pay: Pay?
    let ledgers: Ledgers
    let projects: [ProjectYear]

    init(_ z: ZoneFigures, publishedStripping: PublishedPercent?) {
        id = z.zone.id
        code = z.zone.code
        name = z.zone.name
        href = ProvinceController.href(z.zone.id)
        establishment = Establishment(quota: z.quota, approved: z.approved, used: z.inEstablishment)
        staff = Staff(total: z.staffTotal, byType: Dictionary(uniqueKeysWithValues: z.staff.map { ($0.key.rawValue, $0.value) }))
        appointments = Appointments(appointed: z.appointed, waiting: z.waiting)
        grades = z.grades.map { g in
            Grades(year: g.year, status: g.status.rawValue, total: g.total, counts: g.counts.map { GradeCount(key: $0.key, label: $0.label, count: $0.count) })
        }
        pay = z.pay.map { Pay(period: $0.period, paidFen: $0.paidFen, headcount: $0.headcount) }
        var cases: [String: Int] = [:]
        for method in CaseMethod.allCases { cases[method.rawValue] = z.ledgers.cases.shareTenths(method) }
        ledgers = Ledgers(strippingRateTenths: z.ledgers.stripping.rateTenths, debtResolvedRateTenths: z.ledgers.fiscal.debtResolvedTenths,
                          workLogCompletenessTenths: z.workLogTenths,
                          strippingRatePublished: publishedStripping?.text, cases721ShareTenths: cases)
        projects = z.projects.years.map { year in
            ProjectYear(year: year, signed: z.projects.count(.signed, year: year), started: z.projects.count(.started, year: year),
                        producing: z.projects.count(.producing, year: year))
        }
    }
}
