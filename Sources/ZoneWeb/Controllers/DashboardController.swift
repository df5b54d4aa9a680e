import Hummingbird
import ZoneCore
import ZoneStore

/// 改革驾驶舱 (SPEC §F): the zone's reform at a glance, every figure computed from stored rows and
/// linking to them. The page draws each figure as SVG; `/api/v1/dashboard/:figure` returns the same
/// figure as JSON, so the page and the API can never disagree.
struct DashboardController {
    let env: AppEnvironment

    /// One chart's data: bars (`items`) or lines over periods (`series`).
    struct Figure: Encodable, Sendable {
        struct Item: Encodable, Sendable {
            let label: String
            let value: Int64
            let text: String
            var href: String?
            var kind = ""
        }

        struct Line: Encodable, Sendable {
            let name: String
            let points: [Item]
        }

        let key: String
        let title: String
        var items: [Item] = []
        var series: [Line]?
        /// Lines printed under the chart: what a figure is computed over, and published figures
        /// the rows cannot reproduce, each labelled as such.
        var notes: [String] = []

        /// The same figure with every bar and point linking to `href`: the province view's links go
        /// to its read-only zone page, never to the zone's rows.
        func linking(to href: String) -> Figure {
            var copy = self
            copy.items = items.map { var item = $0; item.href = href; return item }
            copy.series = series?.map { line in Line(name: line.name, points: line.points.map { var point = $0; point.href = href; return point }) }
            return copy
        }
    }

    static let keys = ["establishment", "staff", "appointments", "grades", "pay", "ledgers", "projects"]

    func register(_ routes: inout Routes) {
        routes.get("/dashboard", .viewDashboard) { _, _, principal in try await page(principal) }
        routes.get("/api/v1/dashboard", .viewDashboard) { _, _, principal in
            let zoneID = try principal.zoneID
            return APIResponse.json(encoded: try await env.cache.value("api/dashboard:\(zoneID)", in: env.store.database) {
                try APIResponse.encode(try await figures(zoneID))
            })
        }
        routes.get("/api/v1/dashboard/:figure", .viewDashboard) { _, context, principal in
            let key = context.parameters.get("figure") ?? ""
            guard Self.keys.contains(key) else {
                return APIResponse.error(.notFound, "没有该图表：\(key)；可选：" + Self.keys.joined(separator: "、"), code: "not_found")
            }
            return try APIResponse.json(try await figures(try principal.zoneID, only: key)[0])
        }
    }

    func page(_ principal: Principal) async throws -> Response {
        let figures = try await figures(try principal.zoneID)
        let zone = principal.zoneName
        return Pages.response(Layout.page(title: "改革驾驶舱", active: "dashboard", principal: principal, zoneName: zone) {
            HTML.tag("h1") { "改革驾驶舱" }
            HTML.tag("p", ["class": "hint"]) { "图中数字均由系统内记录计算，点击条形或数据点查看对应记录；同样的数据见 /api/v1/dashboard。" }
            HTML.tag("div", ["class": "actions"]) { HTML.tag("a", ["class": "btn secondary", "href": "/reports/disclosure"]) { "年度信息公开报告" } }
            Self.charts(figures)
        })
    }

    static func charts(_ figures: [Figure]) -> HTML {
        HTML.tag("div", ["class": "charts"]) {
            for figure in figures {
                HTML.tag("div", ["class": "card", "id": figure.key]) {
                    chart(figure)
                    for note in figure.notes { HTML.tag("p", ["class": "hint"]) { note } }
                }
            }
        }
    }

    static func chart(_ figure: Figure) -> HTML {
        if let series = figure.series {
            return SVGChart.trend(title: figure.title, series.map { line in
                SVGChart.Series(name: line.name, points: line.points.map { SVGChart.Point(label: $0.label, value: $0.value, href: $0.href) })
            })
        }
        return SVGChart.bars(title: figure.title, figure.items.map {
            SVGChart.Bar(label: $0.label, value: $0.value, valueText: $0.text, href: $0.href, kind: $0.kind)
        })
    }

    /// Every figure of `zoneID`, or just `only`; each loads only what it draws, once per change of
    /// the data. The zone is the caller's for `/dashboard` and the one asked for on the province view.
    func figures(_ zoneID: Int64, only: String? = nil) async throws -> [Figure] {
        try await env.cache.value("dashboard:\(zoneID):\(only ?? "")", in: env.store.database) {
            try await compute(zoneID: zoneID, only: only)
        }
    }

    private func compute(zoneID: Int64, only: String?) async throws -> [Figure] {
        var out: [Figure] = []
        for key in Self.keys where only == nil || only == key {
            switch key {
            case "establishment": out.append(try await establishment(zoneID))
            case "staff": out.append(try await staff(zoneID))
            case "appointments": out.append(try await appointments(zoneID))
            case "grades": out.append(try await grades(zoneID))
            case "pay": out.append(try await pay(zoneID))
            case "ledgers": out.append(try await ledgerRates(zoneID))
            default: out.append(try await projects(zoneID))
            }
        }
        return out
    }

    func establishment(_ zoneID: Int64) async throws -> Figure {
        let book = try await env.store.quotas.book(zoneID: zoneID)
        let tree = try await env.store.units.tree(zoneID: zoneID)
        let items = book.lines().map { line in
            Figure.Item(label: Self.short(tree[line.unitID]?.name ?? "") + " " + line.label, value: Int64(line.used), text: "\(line.used)/\(line.limit)",
                        href: "/units/\(line.unitID)", kind: line.used > line.limit ? "bad" : line.used == line.limit ? "warn" : "ok")
        }
        return Figure(key: "establishment", title: "编制与职数使用（实有/核定）", items: items)
    }

    /// Unit names cut to fit the chart's label column ("国家能源大规模物理储能…").
    static func short(_ name: String) -> String { name.count <= 9 ? name : name.prefix(8) + "…" }

    func staff(_ zoneID: Int64) async throws -> Figure {
        let people = try await env.store.people.onStrength(zoneID: zoneID)
        let counts = Dictionary(grouping: people, by: \.establishment).mapValues(\.count)
        let items = StaffCategory.allCases.compactMap { category in
            counts[category].map { Figure.Item(label: category.rawValue, value: Int64($0), text: "\($0)人", href: "/people") }
        }
        return Figure(key: "staff", title: "在册人员按编制类型（共\(people.count)人）", items: items)
    }

    func appointments(_ zoneID: Int64) async throws -> Figure {
        let current = try await env.store.appointments.current(zoneID: zoneID).count
        let waiting = try await env.store.appointments.waiting(zoneID: zoneID).count
        let rounds = try await env.store.rounds.all(zoneID: zoneID)
        var items = [Figure.Item(label: "在聘", value: Int64(current), text: "\(current)人", href: "/rounds", kind: "ok"),
                     Figure.Item(label: "待岗培训", value: Int64(waiting), text: "\(waiting)人", href: "/rounds", kind: "warn")]
        for status in StoredRound.Status.allCases {
            let n = rounds.count { $0.status == status }
            if n > 0 { items.append(Figure.Item(label: "批次：" + status.label, value: Int64(n), text: "\(n)个", href: "/rounds")) }
        }
        return Figure(key: "appointments", title: "全员聘任进度", items: items)
    }

    /// The latest appraisal year that has results, with its grades counted under their policy labels (优秀, 合格…).
    func latestGrades(_ zoneID: Int64) async throws -> (appraisal: StoredAppraisal, total: Int, counts: [(label: String, count: Int)])? {
        for appraisal in try await env.store.appraisals.all(zoneID: zoneID).sorted(by: { $0.year > $1.year }) {
            let results = try await env.store.appraisals.results(appraisalID: appraisal.id)
            guard !results.isEmpty else { continue }
            let grades = try await env.store.policies.require(zoneID: zoneID, version: appraisal.policyVersion).policy.appraisal.grades
            let counts = Dictionary(grouping: results, by: \.grade).map { (label: grades[$0.key]?.label ?? $0.key, count: $0.value.count) }
            return (appraisal, results.count, counts.sorted { ($0.count, $1.label) > ($1.count, $0.label) })
        }
        return nil
    }

    func grades(_ zoneID: Int64) async throws -> Figure {
        guard let (appraisal, total, counts) = try await latestGrades(zoneID) else { return Figure(key: "grades", title: "考核等次分布（暂无结果）") }
        let items = counts.map { grade in
            Figure.Item(label: grade.label, value: Int64(grade.count), text: "\(grade.count)人（\(Percent.format(grade.count, of: total))）",
                        href: "/appraisals/\(appraisal.id)/results")
        }
        return Figure(key: "grades", title: "\(appraisal.year)年度考核等次分布（\(appraisal.status.label)）", items: items)
    }

    /// Latest paid run's totals in five equal bands from the lowest to the highest payment.
    func pay(_ zoneID: Int64) async throws -> Figure {
        guard let run = try await env.store.payRuns.all(zoneID: zoneID).filter({ $0.status == .locked }).max(by: { $0.id < $1.id }) else {
            return Figure(key: "pay", title: "绩效工资分布（暂无已发放批次）")
        }
        let totals = try await env.store.payRuns.lines(runID: run.id).map(\.totalFen)
        guard let low = totals.min(), let high = totals.max() else { return Figure(key: "pay", title: "绩效工资分布（\(run.period)）") }
        let bands: Int64 = 5, step = max((high - low + bands) / bands, 1)
        let items = (0..<bands).map { band in
            let from = low + band * step, to = band == bands - 1 ? high : from + step - 1
            let n = totals.count { $0 >= from && (band == bands - 1 ? $0 <= high : $0 < from + step) }
            return Figure.Item(label: Fen.text(from) + "–" + Fen.text(to), value: Int64(n), text: "\(n)人",
                               href: "/pay-runs/\(run.id)")
        }
        return Figure(key: "pay", title: "\(run.period)年绩效工资分布（已发放，\(totals.count)人，合计\(Fen.text(run.paidFen))）", items: items)
    }

    func ledgerRates(_ zoneID: Int64) async throws -> Figure {
        let entries = try await env.store.ledgers.all(zoneID: zoneID)
        let f = LedgerFigures(entries.map(\.record))
        let calendar = try await env.store.holidays.calendar()
        func item(_ label: String, _ tenths: Int?, _ href: String, target: Int? = nil) -> Figure.Item? {
            guard let tenths else { return nil }
            let kind = target.map { abs(tenths - $0) <= 50 ? "ok" : "warn" } ?? ""
            return Figure.Item(label: label, value: Int64(tenths), text: LedgerSummary.tenths(tenths) + (target.map { "（目标\($0 / 10)%）" } ?? ""),
                               href: href, kind: kind)
        }
        var items = [item("剥离率（按已录入台账）", f.stripping.rateTenths, LedgerSummary.href(.stripping)),
                     item("债务化解率", f.fiscal.debtResolvedTenths, LedgerSummary.href(.debts))]
        for method in CaseMethod.allCases {
            items.append(item("721：\(method.rawValue)", f.cases.shareTenths(method), LedgerSummary.href(.cases721, [("method", method.rawValue)]),
                              target: method.targetTenths))
        }
        items.append(item("工作日志完整率", WorkLogCompleteness.tenths(of: entries.map(\.record), calendar: calendar), LedgerSummary.href(.workLogs)))
        var notes: [String] = []
        if f.stripping.stripped + f.stripping.retained > 0 { notes.append("社会事务剥离率 " + LedgerSummary.computedStripping(f.stripping)) }
        if let policy = try await env.store.policies.current(zoneID: zoneID)?.policy, let published = policy.publishedStrippingRate {
            notes.append("社会事务剥离率 " + policy.publishedText(published))
        }
        return Figure(key: "ledgers", title: "改革台账比率", items: items.compactMap { $0 }, notes: notes)
    }

    func projects(_ zoneID: Int64) async throws -> Figure {
        let pipeline = ProjectPipeline(try await env.store.ledgers.all(zoneID: zoneID, kind: .projects).map(\.record))
        let series = ProjectPipeline.Stage.allCases.map { stage in
            Figure.Line(name: stage.label + "项目", points: pipeline.years.map { year in
                let n = pipeline.count(stage, year: year)
                return Figure.Item(label: "\(year)年", value: Int64(n), text: "\(n)个", href: LedgerSummary.href(.projects, [(stage.rawValue, String(year))]))
            })
        }
        return Figure(key: "projects", title: "招商项目推进趋势（签约→开工→投产，按年）", series: series)
    }
}
