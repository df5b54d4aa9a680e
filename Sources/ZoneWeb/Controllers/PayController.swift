import Foundation
import Hummingbird
import ZoneCore
import ZoneStore

/// 绩效工资: runs for a period from a final appraisal. 组织人事 creates a run (preview, with the
/// differences from the last paid period), a leader approves it, 组织人事 locks it (paid). A paid
/// period is never paid again; a correction is a new run that replaces it when locked.
struct PayController {
    let env: AppEnvironment

    func register(_ routes: inout Routes) {
        routes.get("/pay-runs", .viewPay) { request, _, principal in
            try await list(principal, notice: request.uri.queryParameters["msg"].map(String.init))
        }
        routes.post("/pay-runs", .managePay) { _, context, principal in
            switch request(context.form) {
            case .failure(let message): return try await list(principal, error: message, status: .unprocessableContent)
            case .success(let request):
                let store = env.store, zoneID = try principal.zoneID, actor = principal.account.username
                if try await store.appraisals.resultCount(appraisalID: request.appraisalID) >= env.payRunJobThreshold {
                    let token = env.jobs.start(for: principal, failure: "发放批次计算失败") { report in
                        let id = try await store.payRuns.create(request, zoneID: zoneID, actor: actor, progress: { report(Self.progress($0)) })
                        return "/pay-runs/\(id)"
                    }
                    return .redirect(to: "/pay-runs/jobs/\(token)")
                }
                do {
                    let id = try await store.payRuns.create(request, zoneID: zoneID, actor: actor)
                    return .redirect(to: "/pay-runs/\(id)")
                } catch let error as StoreError {
                    return try await list(principal, error: error.message, status: .conflict)
                }
            }
        }
        routes.get("/pay-runs/jobs/:token", .managePay) { _, context, principal in
            try await job(context.parameters.require("token"), principal)
        }
        routes.post("/pay-rewards", .managePay) { _, context, principal in
            guard let person = Int64(context.form["personID"]), let fen = FixedPoint.parse(context.form["amount"], places: 2, limit: Fen.maxPerPerson) else {
                return try await list(principal, error: "请填写人员编号和奖励金额（元，不超过 1,000,000），未保存。", status: .unprocessableContent)
            }
            do {
                try await env.store.payRuns.addReward(period: context.form["period"].trimmingCharacters(in: .whitespaces), personID: person,
                                                      amountFen: Int64(fen), reason: context.form["reason"].trimmingCharacters(in: .whitespaces),
                                                      approval: context.form["approval"].trimmingCharacters(in: .whitespaces), zoneID: try principal.zoneID,
                                                      actor: principal.account.username)
                return .redirect(to: "/pay-runs?msg=reward")
            } catch let error as StoreError {
                return try await list(principal, error: error.message, status: .conflict)
            }
        }
        routes.get("/pay-runs/:id", .viewPay) { request, context, principal in
            let query = request.uri.queryParameters
            return try await page(context.parameters.require("id", as: Int64.self), principal, notice: query["msg"].map(String.init),
                                  unit: try request.number("unit", in: BoundedInt.ids, label: "单位"),
                                  linesPage: try request.number("page", in: 1...BoundedInt.maxPage, label: "页码") ?? 1)
        }
        routes.get("/pay-runs/:id/sheet.xlsx", .viewPay) { _, context, principal in
            try await workbook(context.parameters.require("id", as: Int64.self), principal)
        }
        routes.post("/pay-runs/:id/approve", .approvePay) { _, context, principal in
            let id = try context.parameters.require("id", as: Int64.self)
            return try await act(id, principal, notice: "approved") {
                try await env.store.payRuns.approve(runID: id, zoneID: try principal.zoneID, actor: principal.account.username)
            }
        }
        routes.post("/pay-runs/:id/lock", .managePay) { _, context, principal in
            let id = try context.parameters.require("id", as: Int64.self)
            return try await act(id, principal, notice: "locked") {
                try await env.store.payRuns.lock(runID: id, zoneID: try principal.zoneID, actor: principal.account.username)
            }
        }
        routes.post("/pay-runs/:id/discard", .managePay) { _, context, principal in
            let id = try context.parameters.require("id", as: Int64.self)
            return try await act(id, principal, notice: "discarded") {
                try await env.store.payRuns.discard(runID: id, zoneID: try principal.zoneID, actor: principal.account.username)
            }
        }
        routes.post("/pay-runs/:id/correct", .managePay) { _, context, principal in
            let id = try context.parameters.require("id", as: Int64.self)
            switch request(context.form) {
            case .failure(let message): return try await page(id, principal, error: message, status: .unprocessableContent)
            case .success(let request):
                do {
                    let correction = try await env.store.payRuns.correct(runID: id, with: request, zoneID: try principal.zoneID, actor: principal.account.username)
                    return .redirect(to: "/pay-runs/\(correction)")
                } catch let error as StoreError {
                    return try await page(id, principal, error: error.message, status: .conflict)
                }
            }
        }
    }

    static let notices = ["approved": "已审批，待组织人事发放。", "locked": "已发放并锁定。", "discarded": "该批次已作废。",
                          "reward": "一次性重奖已登记，将随该期间的发放批次计发。"]

    enum Parsed {
        case success(PayRunRequest)
        case failure(String)
    }

    /// The run form: period, appraisal, and either a fixed pool or 毕节's fund basis and zone score (元 with two decimals).
    func request(_ form: FormFields) -> Parsed {
        func fen(_ key: String, limit: Int = Fen.maxTotal) -> Int64? {
            FixedPoint.parse(form[key].trimmingCharacters(in: .whitespaces), places: 2, limit: limit).map(Int64.init)
        }
        guard let appraisal = Int64(form["appraisalID"]) else { return .failure("请选择据以发放的年度考核，未保存。") }
        let pool: PayPool
        if form["poolKind"] == "fund" {
            guard let basis = fen("basis"), let score = FixedPoint.parse(form["zoneScore"], places: 2, limit: Int(ScoreScale.full)) else {
                return .failure("请填写绩效资金基数（元）和园区目标考核得分（0–100），未保存。")
            }
            pool = .fund(basisFen: basis, zoneScore: Int32(score))
        } else {
            guard let amount = fen("amount") else { return .failure("请填写绩效工资总额（元，最多两位小数，不超过 100 亿），未保存。") }
            pool = .fixed(fen: amount)
        }
        return .success(PayRunRequest(period: form["period"].trimmingCharacters(in: .whitespaces), appraisalID: appraisal, pool: pool,
                                      averagePayFen: fen("average", limit: Fen.maxPerPerson), baseTotalFen: fen("baseTotal")))
    }

    static func progress(_ step: PayRunProgress) -> JobProgress {
        switch step {
        case .read(let people): JobProgress("已读取考核结果 \(Thousands.text(people)) 人，正在分配……")
        case .computed(let paid): JobProgress("分配完成（实发 \(Fen.text(paid))），正在写入明细……")
        case .written(let lines, let total):
            JobProgress("正在写入明细 \(Thousands.text(lines)) / \(Thousands.text(total))（\(Percent.format(lines, of: total))）", done: lines, of: total)
        }
    }

    static let jobPage = JobPage(title: "正在计算发放批次", active: "pay",
                                 hint: "本页每秒自动刷新，完成后转到发放表。整个批次在一个事务中写入，中途中断不会留下半个批次。")

    /// The progress page of a background run: reloads itself until the run is stored or refused.
    func job(_ token: String, _ principal: Principal) async throws -> Response {
        switch env.jobs.state(token, for: principal) {
        case nil: return Pages.error(.notFound, "该计算任务不存在或服务已重启，请重新创建发放批次。", principal: principal)
        case .done(let location): return .redirect(to: location)
        case .failed(let message): return try await list(principal, error: message, status: .conflict)
        case .running(let progress): return Self.jobPage.response(progress, principal: principal, zoneName: principal.zoneName)
        }
    }

    func act(_ id: Int64, _ principal: Principal, notice: String, _ action: () async throws -> Void) async throws -> Response {
        do {
            try await action()
            return .redirect(to: "/pay-runs/\(id)?msg=\(notice)")
        } catch let error as StoreError {
            if case .notFound = error { return Pages.error(.notFound, error.message, principal: principal) }
            return try await page(id, principal, error: error.message, status: .conflict)
        }
    }

    func list(_ principal: Principal, notice: String? = nil, error: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let zoneID = try principal.zoneID, store = env.store
        let runs = try await store.payRuns.all(zoneID: zoneID)
        let finals = try await store.appraisals.all(zoneID: zoneID).filter { $0.status == .final }
        // The form pre-fills the zone score of the newest final appraisal, the one it selects first.
        var scores: [Int64: Int32] = [:]
        if let newest = finals.first { scores[newest.id] = try await store.appraisals.zoneScore(appraisalID: newest.id) }
        let policy = try await store.policies.current(zoneID: zoneID)?.policy
        let rewards = try await store.payRuns.rewards(zoneID: zoneID)
        let view = PayPage(principal: principal, policy: policy)
        let zone = principal.zoneName
        return Pages.response(Layout.page(title: "绩效工资", active: "pay", principal: principal, zoneName: zone) {
            HTML.tag("h1") { "绩效工资发放" }
            Components.flash(notice.flatMap { Self.notices[$0] }, kind: "ok")
            Components.flash(error)
            view.runList(runs)
            if principal.can(.managePay) { view.createForm(finals: finals, zoneScores: scores) }
            if policy?.pay.oneOffRewards != nil { view.rewards(rewards) }
        }, status: status)
    }

    func page(_ id: Int64, _ principal: Principal, notice: String? = nil, error: String? = nil, status: HTTPResponse.Status = .ok,
              unit: Int64? = nil, linesPage: Int = 1) async throws -> Response {
        let zoneID = try principal.zoneID, store = env.store
        guard let run = try await store.payRuns.find(id: id, zoneID: zoneID) else { return Pages.error(.notFound, "发放批次不存在。", principal: principal) }
        let previous = try await store.payRuns.previous(of: run, zoneID: zoneID)
        let previousLines = if let previous { try await store.payRuns.lines(runID: previous.id) } else { [PayLineRow]() }
        let data = PayPage.RunData(run: run, packages: try await store.payRuns.packages(runID: id), lines: try await store.payRuns.lines(runID: id),
                                   previous: previous, previousLines: previousLines, tree: try await store.units.tree(zoneID: zoneID),
                                   appraisal: try await store.appraisals.find(id: run.appraisalID, zoneID: zoneID), unit: unit, page: linesPage)
        let policy = try await policy(for: run, zoneID: zoneID)
        let zone = principal.zoneName
        return Pages.response(Layout.page(title: "\(run.period) 绩效工资", active: "pay", principal: principal, zoneName: zone) {
            HTML.tag("div", ["class": "crumbs"]) { HTML.tag("a", ["href": "/pay-runs"]) { "绩效工资" } }
            HTML.tag("h1") { "\(run.period) 绩效工资发放表（第\(run.id)号批次）" }
            Components.flash(notice.flatMap { Self.notices[$0] }, kind: "ok")
            Components.flash(error)
            PayPage(principal: principal, policy: policy).run(data)
        }, status: status)
    }

    /// The policy version the run's appraisal was made under.
    func policy(for run: StoredPayRun, zoneID: Int64) async throws -> ZonePolicy? {
        guard let appraisal = try await env.store.appraisals.find(id: run.appraisalID, zoneID: zoneID) else { return nil }
        return try await env.store.policies.require(zoneID: zoneID, version: appraisal.policyVersion).policy
    }

    /// 绩效工资发放表: a summary per department and every person, money as numbers with 2 decimals.
    func workbook(_ id: Int64, _ principal: Principal) async throws -> Response {
        let zoneID = try principal.zoneID, store = env.store
        guard let run = try await store.payRuns.find(id: id, zoneID: zoneID) else { return Pages.error(.notFound, "发放批次不存在。", principal: principal) }
        let tree = try await store.units.tree(zoneID: zoneID)
        let lines = try await store.payRuns.lines(runID: id)
        let grades = try await policy(for: run, zoneID: zoneID)?.appraisal.grades
        var summary = try XLSXSheet(name: "部门汇总", header: ["单位", "人数", "价值系数", "部门包", "实发绩效", "一次性奖励", "未分配"],
                                    columnWidths: [28, 8, 10, 16, 16, 14, 12])
        for p in try await store.payRuns.packages(runID: id) {
            let members = lines.filter { p.unitID == nil || $0.unitID == p.unitID }
            let performance = members.reduce(Int64(0)) { $0 + $1.performanceFen }, rewards = members.reduce(Int64(0)) { $0 + $1.rewardFen }
            let row: [XLSXCell] = [.text(p.unitID.flatMap { tree[$0]?.name } ?? "全园区（不分部门包）"), .integer(p.headcount),
                                   .decimal(Double(p.coefficientMilli) / 1000), .money(fen: Int(p.packageFen)), .money(fen: Int(performance)),
                                   .money(fen: Int(rewards)), .money(fen: Int(p.unallocatedFen))]
            summary.rows.append(row)
        }
        var people = try XLSXSheet(name: "个人明细", header: ["人员编号", "姓名", "单位", "岗位系数", "考核得分", "等次", "绩效工资", "一次性奖励", "合计"],
                                   columnWidths: [10, 10, 28, 10, 10, 10, 14, 14, 14])
        for l in lines {
            let grade = grades?[l.grade]?.label ?? l.grade
            let row: [XLSXCell] = [.integer(Int(l.personID)), .text(l.name), .text(tree[l.unitID]?.name ?? ""),
                                   .decimal(Double(l.postCoefficientMilli) / 1000), .decimal(Double(l.score) / 100), .text(grade),
                                   .money(fen: Int(l.performanceFen)), .money(fen: Int(l.rewardFen)), .money(fen: Int(l.totalFen))]
            people.rows.append(row)
        }
        var book = XLSXWorkbook()
        try book.add(summary)
        try book.add(people)
        return try XLSXResponse.make(book, filename: "\(run.period)绩效工资发放表（第\(run.id)号）.xlsx")
    }
}
