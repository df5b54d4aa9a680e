import Foundation
import Hummingbird
import ZoneCore
import ZoneStore

/// 全员聘任: appointment rounds from set-up to confirmation. 组织人事 offers posts and runs the
/// round; employees apply with ranked choices before the deadline; department heads order their
/// posts' applicants (双向选择) or enter scores (竞争上岗); results are matched, published and
/// confirmed against the quotas in one transaction.
struct RoundController {
    let env: AppEnvironment
    static let maxChoices = 3
    /// 潍坊: unplaced people train for at least three months before the next round; used when the zone has no policy loaded.
    static let waitingMonths = 3
    /// 考核结果公示 5 个工作日 (SPEC); the same period is used for appointment results.
    static let publicityDays = 5

    func register(_ routes: inout Routes) {
        routes.get("/rounds", .viewRounds) { _, _, principal in try await list(principal, error: nil, status: .ok) }
        routes.post("/rounds", .manageRounds) { _, context, principal in
            let name = context.form["name"].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, let deadline = try? CivilDate(parsing: context.form["deadline"]) else {
                return try await list(principal, error: "请填写批次名称和报名截止日期（yyyy-MM-dd），未保存。", status: .unprocessableContent)
            }
            guard deadline.description >= today() else {
                return try await list(principal, error: "报名截止日期不能早于今天，未保存。", status: .unprocessableContent)
            }
            let id = try await env.store.rounds.create(zoneID: try principal.zoneID, name: name, deadline: deadline,
                                                       actor: principal.account.username)
            return .redirect(to: "/rounds/\(id)")
        }
        routes.get("/rounds/:id", .viewRounds) { request, context, principal in
            try await page(context.parameters.require("id", as: Int64.self), principal,
                           notice: request.uri.queryParameters["msg"].flatMap { Self.notices[String($0)] })
        }
        routes.get("/rounds/:id/results.xlsx", .manageRounds) { _, context, principal in
            try await resultsWorkbook(context.parameters.require("id", as: Int64.self), principal)
        }
        routes.post("/rounds/:id/offers", .manageRounds) { _, context, principal in
            let id = try context.parameters.require("id", as: Int64.self)
            let method = AppointmentMethod(rawValue: context.form["method"])
            let weightText = context.form["examWeight"].isEmpty && method != .competitive ? "50" : context.form["examWeight"]
            guard let postID = Int64(context.form["postID"]), let method, let capacity = BoundedInt.parse(context.form["capacity"], in: BoundedInt.headcounts),
                  let weight = BoundedInt.parse(weightText, in: 0...100) else {
                return try await page(id, principal, error: "请选择岗位与方式，计划人数须为不小于0的整数；竞争上岗须填笔试权重（0–100）。", status: .unprocessableContent)
            }
            let posts = try await env.store.posts.all(zoneID: try principal.zoneID)
            if let post = posts.first(where: { $0.id == postID }), capacity > post.headcount {
                return try await page(id, principal, error: "计划人数（\(capacity)）不能超过岗位数（\(post.headcount)）。", status: .unprocessableContent)
            }
            return try await run(id, principal) {
                try await env.store.rounds.offer(roundID: id, zoneID: try principal.zoneID, postID: postID, method: method,
                                                 capacity: capacity, examWeight: weight, actor: principal.account.username)
            }
        }
        routes.post("/rounds/:id/status", .manageRounds) { _, context, principal in
            try await advance(context.parameters.require("id", as: Int64.self), to: context.form["to"], principal)
        }
        routes.post("/rounds/:id/apply", .applyInRounds) { _, context, principal in
            try await apply(context.parameters.require("id", as: Int64.self), context.form, principal)
        }
        routes.post("/rounds/:id/posts/:post/direct", .manageRounds) { _, context, principal in
            try await direct(context.parameters.require("id", as: Int64.self), postID: context.parameters.require("post", as: Int64.self),
                             context.form, principal)
        }
        routes.post("/rounds/:id/posts/:post/ranking", .rankApplicants) { _, context, principal in
            try await rank(context.parameters.require("id", as: Int64.self), postID: context.parameters.require("post", as: Int64.self),
                           context.form, principal)
        }
    }

    static let notices = ["saved": "已保存。", "open": "已开始报名。", "compute": "已截止报名并完成匹配，请核对后公示。",
                          "publish": "结果已公示。", "confirm": "已确认聘任：受聘人员已按岗位调整，未聘人员转待岗培训。",
                          "objection": "申诉已提交，组织人事将在公示期内答复。", "reviewed": "已答复申诉。"]

    func run(_ id: Int64, _ principal: Principal, notice: String = "saved", _ action: () async throws -> Void) async throws -> Response {
        do {
            try await action()
            return .redirect(to: "/rounds/\(id)?msg=\(notice)")
        } catch let error as StoreError {
            if case .notFound = error { return Pages.error(.notFound, error.message, principal: principal) }
            return try await page(id, principal, error: error.message, status: .conflict)
        }
    }

    func list(_ principal: Principal, error: String?, status: HTTPResponse.Status) async throws -> Response {
        let rounds = try await env.store.rounds.all(zoneID: try principal.zoneID)
        let zone = principal.zoneName
        return Pages.response(Layout.page(title: "全员聘任", active: "rounds", principal: principal, zoneName: zone) {
            HTML.tag("h1") { "全员聘任（聘任批次）" }
            Components.flash(error)
            HTML.tag("div", ["class": "card"]) {
                if principal.can(.manageRounds) {
                    HTML.tag("form", ["class": "inline", "method": "post", "action": "/rounds"]) {
                        Components.csrf(principal)
                        HTML.tag("input", ["type": "text", "name": "name", "placeholder": "批次名称，如：2024年全员聘任", "aria-label": "批次名称"])
                        HTML.tag("input", ["type": "date", "name": "deadline", "aria-label": "报名截止日期"])
                        HTML.tag("button", ["type": "submit"]) { "新建批次" }
                    }
                }
                HTML.tag("table", ["class": "grid"]) {
                    HTML.tag("tr") { for h in ["批次", "状态", "报名截止"] { HTML.tag("th") { h } } }
                    for round in rounds {
                        HTML.tag("tr") {
                            HTML.tag("td") { HTML.tag("a", ["href": "/rounds/\(round.id)"]) { round.name } }
                            HTML.tag("td") { Components.tag(round.status.label, kind: round.status == .confirmed ? "ok" : round.status == .open ? "warn" : "") }
                            HTML.tag("td") { round.deadline }
                        }
                    }
                    if rounds.isEmpty { HTML.tag("tr") { HTML.tag("td", ["colspan": "3", "class": "hint"]) { "暂无聘任批次" } } }
                }
            }
        }, status: status)
    }

    /// Everything the round page shows, loaded once.
    struct Context {
        let round: StoredRound
        let offers: [RoundRepository.Offer]
        let entries: [RoundRepository.Entry]
        let posts: [Int64: Post]
        let tree: UnitTree
        let people: [Int64: Person]
        /// People holding a place in the units whose posts are offered, who have neither applied
        /// nor been named: 全员聘任 must account for everyone.
        let notApplied: [Person]
        /// The 待岗 training period the unplaced will get on confirmation.
        let waitingMonths: Int
        /// The order that settles equal scores, from the round's policy version.
        let tieBreak: [TieBreakKey]
        /// How the round may offer a post (`staffing.methods` of its policy version; every method without one).
        let methods: [AppointmentMethod]
        /// 社会招聘 candidates; the page shows them only to those who may see the post's results.
        let candidates: [StoredCandidate]
        let objections: [StoredObjection]
    }

    func load(_ id: Int64, _ principal: Principal) async throws -> Context? {
        let zoneID = try principal.zoneID
        guard let round = try await env.store.rounds.find(id: id, zoneID: zoneID) else { return nil }
        let entries = try await env.store.rounds.entries(roundID: id)
        let objections = try await env.store.rounds.objections(roundID: id)
        let ids = Set(entries.map(\.personID)).union(round.result.map { Array($0.assignments.keys) + $0.unplaced } ?? [])
            .union(objections.map(\.personID))
        var people: [Int64: Person] = [:]
        for personID in ids { people[personID] = try await env.store.people.find(id: personID, zoneID: zoneID) }
        let offers = try await env.store.rounds.offers(roundID: id)
        let posts = Dictionary(uniqueKeysWithValues: try await env.store.posts.all(zoneID: zoneID).map { ($0.id, $0) })
        let units = Set(offers.compactMap { posts[$0.postID]?.unitID })
        let policy = try await env.store.rounds.policy(of: round, zoneID: zoneID)
        let notApplied = principal.can(.manageRounds)
            ? try await env.store.people.onStrength(zoneID: zoneID).filter { units.contains($0.unitID) && !ids.contains($0.id) } : []
        return Context(round: round, offers: offers, entries: entries, posts: posts,
                       tree: try await env.store.units.tree(zoneID: zoneID), people: people, notApplied: notApplied,
                       waitingMonths: policy?.staffing.waitingMonths ?? Self.waitingMonths,
                       tieBreak: policy?.staffing.tieBreak ?? TieBreakKey.declared,
                       methods: policy?.staffing.methods ?? AppointmentMethod.allCases,
                       candidates: try await env.store.rounds.candidates(roundID: id),
                       objections: objections)
    }

    /// The 待岗 period (潍坊: at least 3 months) of the policy version the round recorded, not of a
    /// version loaded since; 3 for a zone without a policy.
    func waitingMonths(roundID: Int64, zoneID: Int64) async throws -> Int {
        guard let round = try await env.store.rounds.find(id: roundID, zoneID: zoneID) else { throw StoreError.notFound("聘任批次 \(roundID)") }
        return try await env.store.rounds.policy(of: round, zoneID: zoneID)?.staffing.waitingMonths ?? Self.waitingMonths
    }

    func page(_ id: Int64, _ principal: Principal, notice: String? = nil, error: String? = nil, status: HTTPResponse.Status = .ok,
              candidateDraft: RoundPage.CandidateDraft = .init()) async throws -> Response {
        guard let c = try await load(id, principal) else { return Pages.error(.notFound, "聘任批次不存在。", principal: principal) }
        let zone = principal.zoneName
        let view = RoundPage(context: c, principal: principal, today: today(), candidateDraft: candidateDraft)
        let calendarWarning = try await HolidayController(env: env).publicityWarning(ends: c.round.publicityEnds)
        return Pages.response(Layout.page(title: c.round.name, active: "rounds", principal: principal, zoneName: zone) {
            HTML.tag("div", ["class": "crumbs"]) { HTML.tag("a", ["href": "/rounds"]) { "全员聘任" } }
            HTML.tag("h1") { c.round.name }
            Components.flash(notice, kind: "ok")
            Components.flash(error)
            Components.flash(calendarWarning, kind: "warn")
            view.html
        }, status: status)
    }

    /// 聘任结果 (公示名单) and 未聘人员 as a workbook for the file and the notice board.
    func resultsWorkbook(_ id: Int64, _ principal: Principal) async throws -> Response {
        guard let c = try await load(id, principal), let result = c.round.result else {
            return Pages.error(.notFound, "该批次尚无匹配结果。", principal: principal)
        }
        let view = RoundPage(context: c, principal: principal, today: today())
        var placed = try XLSXSheet(name: "聘任结果", header: ["姓名", "单位", "聘任岗位", "岗位层级", "聘期（年）", "综合成绩", "排序说明"],
                                   columnWidths: [10, 24, 20, 10, 10, 10, 36])
        for (personID, postID) in result.assignments.sorted(by: { $0.key < $1.key }) {
            let post = c.posts[postID]
            let index = result.rankings[postID]?.firstIndex { $0.personID == personID }
            let ranked = index.map { result.rankings[postID]![$0] }
            placed.rows.append([.text(view.personName(personID)), .text(post.flatMap { c.tree[$0.unitID]?.name } ?? ""),
                                .text(post?.title ?? ""), post.map { .integer($0.level) } ?? .empty, post.map { .integer($0.termYears) } ?? .empty,
                                ranked?.score.map { .decimal(Double($0) / 100) } ?? .empty,
                                .text(index.map { "第\($0 + 1)名" + (ranked?.tieBreak.map { "（\($0)）" } ?? "") } ?? "直接聘任")])
        }
        for hire in view.hires(result) {
            placed.rows.append([.text(hire.candidate.identity.name), .text(c.posts[hire.postID].flatMap { c.tree[$0.unitID]?.name } ?? ""),
                                .text(c.posts[hire.postID]?.title ?? ""), c.posts[hire.postID].map { .integer($0.level) } ?? .empty,
                                c.posts[hire.postID].map { .integer($0.termYears) } ?? .empty,
                                hire.ranked.score.map { .decimal(Double($0) / 100) } ?? .empty, .text(hire.explanation)])
        }
        var unplaced = try XLSXSheet(name: "未聘人员", header: ["姓名", "原因"], columnWidths: [10, 80])
        for personID in result.unplaced {
            unplaced.rows.append([.text(view.personName(personID)),
                                  .text((result.explanations[personID] ?? []).map { RoundPage.readable($0, page: view) }.joined(separator: "；"))])
        }
        var book = XLSXWorkbook()
        try book.add(placed)
        try book.add(unplaced)
        return try XLSXResponse.make(book, filename: "\(c.round.name)聘任结果.xlsx")
    }

    /// Today in Asia/Shanghai, as the deadline is a Chinese calendar day.
    func today() -> String { env.store.clock.today.description }

    func advance(_ id: Int64, to target: String, _ principal: Principal) async throws -> Response {
        let zoneID = try principal.zoneID, actor = principal.account.username
        return try await run(id, principal, notice: Self.notices[target] == nil ? "saved" : target) {
            switch target {
            case "open":
                // Another zone's round is not found before anything about its offers is told.
                guard try await env.store.rounds.find(id: id, zoneID: zoneID) != nil else { throw StoreError.notFound("聘任批次 \(id)") }
                guard try await !env.store.rounds.offers(roundID: id).isEmpty else { throw StoreError.invalid("请先加入岗位，再开始报名") }
                try await env.store.rounds.setStatus(roundID: id, zoneID: zoneID, from: [.draft], to: .open, actor: actor)
            case "compute":
                if let round = try await env.store.rounds.find(id: id, zoneID: zoneID), round.status == .open, today() <= round.deadline {
                    throw StoreError.invalid("报名截止日期（\(round.deadline)）之后才能计算匹配")
                }
                _ = try await env.store.rounds.compute(roundID: id, zoneID: zoneID, actor: actor)
            case "publish":
                let ends = try await env.store.holidays.calendar().end(of: Self.publicityDays, after: env.store.clock.today)
                try await env.store.rounds.publish(roundID: id, zoneID: zoneID, ends: ends, actor: actor)
            case "confirm":
                try await env.store.rounds.confirm(roundID: id, zoneID: zoneID, waitingMonths: try await waitingMonths(roundID: id, zoneID: zoneID),
                                                   actor: actor)
            default: throw StoreError.invalid("未知操作")
            }
        }
    }

    func apply(_ id: Int64, _ form: FormFields, _ principal: Principal) async throws -> Response {
        guard case .person(let personID) = principal.scope else {
            return Pages.error(.forbidden, "您的账号未关联人员档案，不能报名。", principal: principal)
        }
        guard let c = try await load(id, principal) else { return Pages.error(.notFound, "聘任批次不存在。", principal: principal) }
        guard today() <= c.round.deadline else {
            return try await page(id, principal, error: "报名已于\(c.round.deadline)截止。", status: .conflict)
        }
        let open = Set(c.offers.filter(\.method.takesApplications).map(\.postID))
        let choices = (1...Self.maxChoices).compactMap { Int64(form["choice\($0)"]) }
        guard choices.allSatisfy(open.contains), Set(choices).count == choices.count else {
            return try await page(id, principal, error: "志愿须为本批次开放的不同岗位。", status: .unprocessableContent)
        }
        let entries = choices.enumerated().map { RoundRepository.Entry(kind: "apply", personID: personID, postID: $1, position: $0 + 1, exam: 0, interview: 0) }
        return try await run(id, principal) {
            try await env.store.rounds.replaceEntries(roundID: id, zoneID: try principal.zoneID, kind: "apply", personID: personID,
                                                      postID: nil, entries: entries, allowed: [.open], actor: principal.account.username)
        }
    }

    /// 直接聘任: the named people (in the zone, at most the planned number) are appointed to the post
    /// before matching; they are taken out of the applicant pool.
    func direct(_ id: Int64, postID: Int64, _ form: FormFields, _ principal: Principal) async throws -> Response {
        let zoneID = try principal.zoneID
        guard let c = try await load(id, principal), let offer = c.offers.first(where: { $0.postID == postID && $0.method == .direct }) else {
            return Pages.error(.notFound, "该岗位不是本批次的直接聘任岗位。", principal: principal)
        }
        let ids = form["people"].split(whereSeparator: { ",，、 ".contains($0) }).compactMap { BoundedInt.parse($0, in: BoundedInt.ids) }
        // Counted before any lookup: a pasted list of thousands of ids is refused, not looked up one by one.
        guard ids.count <= offer.capacity, Set(ids).count == ids.count else {
            return try await page(id, principal, error: "人选不能重复，且不超过计划人数（\(offer.capacity)）。", status: .unprocessableContent)
        }
        var entries: [RoundRepository.Entry] = []
        for personID in ids {
            guard try await env.store.people.find(id: personID, zoneID: zoneID) != nil else {
                return try await page(id, principal, error: "人员编号\(personID)不在本园区名册中。", status: .unprocessableContent)
            }
            entries.append(.init(kind: "direct", personID: personID, postID: postID, position: 0, exam: 0, interview: 0))
        }
        return try await run(id, principal) {
            try await env.store.rounds.replaceEntries(roundID: id, zoneID: zoneID, kind: "direct", personID: nil, postID: postID,
                                                      entries: entries, allowed: [.open], actor: principal.account.username)
        }
    }

    /// A head's order (双向选择: position numbers, blank = not ranked) or scores (竞争上岗, in points with two decimals).
    func rank(_ id: Int64, postID: Int64, _ form: FormFields, _ principal: Principal) async throws -> Response {
        guard let c = try await load(id, principal), let offer = c.offers.first(where: { $0.postID == postID }), let post = c.posts[postID] else {
            return Pages.error(.notFound, "岗位不在本批次中。", principal: principal)
        }
        guard principal.scope.allows(unitID: post.unitID) else {
            return Pages.error(.forbidden, "只能为本部门的岗位排序或评分。", principal: principal)
        }
        let applicants = c.entries.filter { $0.kind == "apply" && $0.postID == postID }.map(\.personID)
        var entries: [RoundRepository.Entry] = []
        let kind = offer.method == .mutualSelection ? "order" : "score"
        for personID in applicants {
            if kind == "order" {
                let text = form["pos_\(personID)"].trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty else { continue }
                guard let position = BoundedInt.parse(text, in: 1...BoundedInt.headcounts.upperBound) else {
                    return try await page(id, principal, error: "排序须为 1–1000000 的整数（留空表示不予考虑）。", status: .unprocessableContent)
                }
                entries.append(.init(kind: kind, personID: personID, postID: postID, position: position, exam: 0, interview: 0))
            } else {
                guard let exam = RoundInput.Score.hundredths(form["exam_\(personID)"]),
                      let interview = RoundInput.Score.hundredths(form["interview_\(personID)"]) else {
                    if form["exam_\(personID)"].isEmpty && form["interview_\(personID)"].isEmpty { continue }
                    return try await page(id, principal, error: "成绩须为0–100的数，最多两位小数。", status: .unprocessableContent)
                }
                entries.append(.init(kind: kind, personID: personID, postID: postID, position: 0, exam: exam, interview: interview))
            }
        }
        if kind == "order", Set(entries.map(\.position)).count != entries.count {
            return try await page(id, principal, error: "排序号不能重复。", status: .unprocessableContent)
        }
        return try await run(id, principal) {
            try await env.store.rounds.replaceEntries(roundID: id, zoneID: try principal.zoneID, kind: kind, personID: nil,
                                                      postID: postID, entries: entries, allowed: [.open], actor: principal.account.username)
        }
    }
}
