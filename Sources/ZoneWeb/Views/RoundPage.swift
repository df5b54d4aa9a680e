import ZoneCore
import ZoneStore

/// The body of a round's page, shaped by who is looking: 组织人事 runs it, employees apply,
/// department heads rank, and everyone entitled sees the (published) results.
struct RoundPage {
    let context: RoundController.Context
    let principal: Principal
    let today: String
    /// The candidate form as last submitted, with its errors (empty when not re-showing it).
    var candidateDraft = CandidateDraft()

    var round: StoredRound { context.round }

    func postName(_ id: Int64) -> String {
        guard let post = context.posts[id] else { return "岗位\(id)" }
        return (context.tree[post.unitID]?.name ?? "") + " · " + post.title
    }

    func personName(_ id: Int64) -> String { context.people[id]?.name ?? "人员\(id)" }

    var html: HTML {
        HTML.tag("div") {
            HTML.tag("div", ["class": "actions"]) {
                Components.tag(round.status.label, kind: round.status == .confirmed ? "ok" : "warn")
                HTML.tag("span", ["class": "hint"]) {
                    "报名截止：\(round.deadline)；" + (round.publicityEnds.map { "公示期至：\($0)（\(RoundController.publicityDays)个工作日）；" } ?? "")
                        + "同分排序规则（政策规定）：" + context.tieBreak.map(\.label).joined(separator: " → ")
                }
                if principal.can(.manageRounds) { statusButtons }
            }
            offers
            if round.status == .open && principal.can(.applyInRounds) { applyForm }
            if round.status == .open && principal.can(.rankApplicants) { rankingForms }
            if round.status == .open && principal.can(.manageRounds) { directForm }
            if principal.can(.manageRounds) { candidatesCard }
            if !context.notApplied.isEmpty && round.status != .confirmed {
                HTML.tag("div", ["class": "card"]) {
                    HTML.tag("h2") { "未报名人员（\(context.notApplied.count)人）" }
                    HTML.tag("p", ["class": "hint"]) { "岗位所在单位中尚未报名、也未直接聘任的在册人员；全员聘任须逐一落实去向。" }
                    HTML.tag("p") { context.notApplied.prefix(200).map(\.name).joined(separator: "、") + (context.notApplied.count > 200 ? "……" : "") }
                }
            }
            if let result = round.result, showsResults { results(result) }
            objectionsCard
        }
    }

    var statusButtons: HTML {
        let next: [(StoredRound.Status, String, String)] = [(.draft, "open", "开始报名"), (.open, "compute", "截止并计算匹配"),
                                                            (.computed, "compute", "重新计算"), (.computed, "publish", "公示结果"),
                                                            (.published, "confirm", "确认聘任（核验编制与职数）")]
        return HTML.tag("span", ["class": "actions"]) {
            for (status, target, label) in next where status == round.status {
                HTML.tag("form", ["method": "post", "action": "/rounds/\(round.id)/status"]) {
                    Components.csrf(principal)
                    HTML.tag("input", ["type": "hidden", "name": "to", "value": target])
                    HTML.tag("button", ["type": "submit"]) { label }
                }
            }
        }
    }

    var offers: HTML {
        let applicants = Dictionary(grouping: context.entries.filter { $0.kind == "apply" }, by: \.postID)
        return HTML.tag("div", ["class": "card"]) {
            HTML.tag("h2") { "本批次岗位" }
            HTML.tag("table", ["class": "grid"]) {
                HTML.tag("tr") { for h in ["岗位", "层级", "类别", "方式", "计划人数", "报名人数"] { HTML.tag("th") { h } } }
                for offer in context.offers {
                    HTML.tag("tr") {
                        HTML.tag("td") { postName(offer.postID) }
                        HTML.tag("td", ["class": "num"]) { context.posts[offer.postID].map { "\($0.level)" } ?? "" }
                        HTML.tag("td") { context.posts[offer.postID]?.category.rawValue ?? "" }
                        HTML.tag("td") { offer.method.label + (offer.method == .competitive ? "（笔试\(offer.examWeight)%）" : "") }
                        HTML.tag("td", ["class": "num"]) { "\(offer.capacity)" }
                        HTML.tag("td", ["class": "num"]) { "\(applicants[offer.postID]?.count ?? 0)" }
                    }
                }
                if context.offers.isEmpty { HTML.tag("tr") { HTML.tag("td", ["colspan": "6", "class": "hint"]) { "尚未加入岗位" } } }
            }
            if round.status == .draft && principal.can(.manageRounds) {
                HTML.tag("form", ["class": "inline step", "method": "post", "action": "/rounds/\(round.id)/offers"]) {
                    Components.csrf(principal)
                    HTML.tag("select", ["name": "postID", "aria-label": "岗位"]) {
                        HTML.tag("option", ["value": ""]) { "请选择岗位" }
                        for post in context.posts.values.filter(\.active).sorted(by: { $0.id < $1.id }) {
                            HTML.tag("option", ["value": String(post.id)]) { postName(post.id) + "（\(post.headcount)个）" }
                        }
                    }
                    HTML.tag("select", ["name": "method", "aria-label": "聘任方式"]) {
                        for method in [AppointmentMethod.mutualSelection, .competitive, .direct, .openRecruitment] where context.methods.contains(method) {
                            HTML.tag("option", ["value": method.rawValue]) { method.label }
                        }
                    }
                    HTML.tag("input", ["type": "text", "name": "capacity", "placeholder": "计划人数", "aria-label": "计划人数"])
                    HTML.tag("input", ["type": "text", "name": "examWeight", "placeholder": "笔试权重%（竞争上岗）", "aria-label": "笔试权重"])
                    HTML.tag("button", ["type": "submit", "class": "secondary"]) { "加入本批次" }
                }
            }
        }
    }

    var applyForm: HTML {
        guard case .person(let me) = principal.scope else { return .empty }
        let mine = context.entries.filter { $0.kind == "apply" && $0.personID == me }.sorted { $0.position < $1.position }.map(\.postID)
        let open = context.offers.filter(\.method.takesApplications)
        let closed = today > round.deadline
        return HTML.tag("div", ["class": "card"]) {
            HTML.tag("h2") { "我的志愿" }
            if closed {
                HTML.tag("p", ["class": "hint"]) { "报名已截止。" + (mine.isEmpty ? "您未填报志愿。" : "您的志愿：" + mine.map(postName).joined(separator: " → ")) }
            } else {
                HTML.tag("form", ["class": "inline", "method": "post", "action": "/rounds/\(round.id)/apply"]) {
                    Components.csrf(principal)
                    for n in 1...RoundController.maxChoices {
                        HTML.tag("select", ["name": "choice\(n)", "aria-label": "第\(n)志愿"]) {
                            HTML.tag("option", ["value": ""]) { "第\(n)志愿（可不填）" }
                            for offer in open {
                                HTML.tag("option", ["value": String(offer.postID), "selected": mine.count >= n && mine[n - 1] == offer.postID ? "selected" : nil]) {
                                    postName(offer.postID)
                                }
                            }
                        }
                    }
                    HTML.tag("button", ["type": "submit"]) { "提交志愿" }
                }
            }
        }
    }

    var rankingForms: HTML {
        let mine = context.offers.filter { offer in
            offer.method.takesApplications && context.posts[offer.postID].map { principal.scope.allows(unitID: $0.unitID) } == true
        }
        return HTML.tag("div", ["class": "card"]) {
            HTML.tag("h2") { "应聘人员排序 / 评分" }
            if mine.isEmpty { HTML.tag("p", ["class": "hint"]) { "本批次没有您负责的岗位。" } }
            for offer in mine {
                let applicants = context.entries.filter { $0.kind == "apply" && $0.postID == offer.postID }.map(\.personID)
                let existing = context.entries.filter { ($0.kind == "order" || $0.kind == "score") && $0.postID == offer.postID }
                HTML.tag("form", ["class": "step", "method": "post", "action": "/rounds/\(round.id)/posts/\(offer.postID)/ranking"]) {
                    Components.csrf(principal)
                    HTML.tag("strong") { postName(offer.postID) + "（" + offer.method.label + "，计划\(offer.capacity)人）" }
                    HTML.tag("p", ["class": "hint"]) {
                        offer.method == .mutualSelection
                            ? "填写拟聘排序：1 为最优先，依次递增；留空表示不予考虑。"
                            : "填写笔试、面试成绩（0–100，最多两位小数），综合成绩 = 笔试×\(offer.examWeight)% + 面试×\(100 - offer.examWeight)%。"
                    }
                    if applicants.isEmpty { HTML.tag("p", ["class": "hint"]) { "暂无人报名" } }
                    HTML.tag("table", ["class": "grid"]) {
                        for personID in applicants {
                            let entry = existing.first { $0.personID == personID }
                            HTML.tag("tr") {
                                HTML.tag("td") { personName(personID) }
                                HTML.tag("td") { choice(of: personID, for: offer.postID) }
                                if offer.method == .mutualSelection {
                                    HTML.tag("td") {
                                        HTML.tag("input", ["type": "text", "name": "pos_\(personID)", "value": entry.map { String($0.position) } ?? "",
                                                           "placeholder": "排序号，留空不考虑", "aria-label": "排序号"])
                                    }
                                } else {
                                    HTML.tag("td") {
                                        HTML.tag("input", ["type": "text", "name": "exam_\(personID)", "value": entry.map { Self.points($0.exam) } ?? "",
                                                           "placeholder": "笔试成绩", "aria-label": "笔试成绩"])
                                    }
                                    HTML.tag("td") {
                                        HTML.tag("input", ["type": "text", "name": "interview_\(personID)", "value": entry.map { Self.points($0.interview) } ?? "",
                                                           "placeholder": "面试成绩", "aria-label": "面试成绩"])
                                    }
                                }
                            }
                        }
                    }
                    if !applicants.isEmpty { HTML.tag("button", ["type": "submit", "class": "secondary"]) { "保存" } }
                }
            }
        }
    }

    var readsArchive: Bool { principal.can(.unmaskPersonalData) }

    /// "第1志愿" for an applicant's choice of this post.
    func choice(of personID: Int64, for postID: Int64) -> String {
        context.entries.first { $0.kind == "apply" && $0.personID == personID && $0.postID == postID }.map { "第\($0.position)志愿" } ?? ""
    }

    /// 直接聘任: 组织人事 names the person for a post offered that way (by 人员编号).
    var directForm: HTML {
        let direct = context.offers.filter { $0.method == .direct }
        guard !direct.isEmpty else { return .empty }
        let named = context.entries.filter { $0.kind == "direct" }
        return HTML.tag("div", ["class": "card"]) {
            HTML.tag("h2") { "直接聘任" }
            for entry in named { HTML.tag("p") { postName(entry.postID) + "：" + personName(entry.personID) } }
            for offer in direct {
                HTML.tag("form", ["class": "inline step", "method": "post", "action": "/rounds/\(round.id)/posts/\(offer.postID)/direct"]) {
                    Components.csrf(principal)
                    HTML.tag("strong", ["class": "step-title"]) { postName(offer.postID) }
                    HTML.tag("input", ["type": "text", "name": "people", "placeholder": "人员编号，多人用逗号分隔（不超过计划\(offer.capacity)人）",
                                       "aria-label": "人员编号"])
                    HTML.tag("button", ["type": "submit", "class": "secondary"]) { "确定人选" }
                }
            }
        }
    }

    /// Employees see results once published, and only their own; heads see their posts'; others all.
    var showsResults: Bool {
        if principal.can(.manageRounds) || principal.role == .leader || principal.role == .discipline { return true }
        return round.status == .published || round.status == .confirmed || principal.can(.rankApplicants)
    }

    /// Whether a result line shows: `personID` nil is a 社会招聘 hire, never an employee's own line.
    func visible(_ personID: Int64?, post: Int64?) -> Bool {
        switch principal.scope {
        case .zone: true
        case .person(let me): me == personID
        case .units(let units): post.flatMap { context.posts[$0] }.map { units.contains($0.unitID) } ?? false
        case .none: false
        }
    }

    func results(_ result: RoundEngine.Result) -> HTML {
        HTML.tag("div", ["class": "card"]) {
            HTML.tag("h2") { round.status == .published ? "聘任结果公示" : round.status == .confirmed ? "聘任结果（已确认）" : "匹配结果" }
            if principal.can(.manageRounds) {
                HTML.tag("div", ["class": "actions"]) { HTML.tag("a", ["class": "btn secondary", "href": "/rounds/\(round.id)/results.xlsx"]) { "导出 Excel" } }
            }
            HTML.tag("table", ["class": "grid"]) {
                HTML.tag("tr") {
                    for h in ["姓名", "聘任岗位", "岗位层级", "综合成绩", "排序说明"] + (readsArchive ? ["档案职级", "双轨"] : []) { HTML.tag("th") { h } }
                }
                for (personID, postID) in result.assignments.sorted(by: { $0.key < $1.key }) where visible(personID, post: postID) {
                    let person = context.people[personID]
                    let post = context.posts[postID]
                    let ranked = result.rankings[postID]?.firstIndex { $0.personID == personID }
                    HTML.tag("tr") {
                        HTML.tag("td") { personName(personID) }
                        HTML.tag("td") { postName(postID) }
                        HTML.tag("td", ["class": "num"]) { post.map { "\($0.level)" } ?? "" }
                        HTML.tag("td", ["class": "num"]) { ranked.flatMap { result.rankings[postID]![$0].score }.map(Self.points) ?? "—" }
                        HTML.tag("td") {
                            ranked.map { index in "第\(index + 1)名" + (result.rankings[postID]![index].tieBreak.map { "（\($0)）" } ?? "") } ?? "直接聘任"
                        }
                        // 三分离: the archive rank, and the gap that would reveal it, only for 组织人事 and 纪工委.
                        if readsArchive {
                            HTML.tag("td") { person?.archiveRank ?? "" }
                            HTML.tag("td") { Self.dualTrack(archiveRank: person?.archiveRank ?? "", post: post) }
                        }
                    }
                }
                for hire in hires(result) where visible(nil, post: hire.postID) {
                    HTML.tag("tr") {
                        HTML.tag("td") { hire.candidate.identity.name }
                        HTML.tag("td") { postName(hire.postID) }
                        HTML.tag("td", ["class": "num"]) { context.posts[hire.postID].map { "\($0.level)" } ?? "" }
                        HTML.tag("td", ["class": "num"]) { hire.ranked.score.map(Self.points) ?? "—" }
                        HTML.tag("td") { hire.explanation }
                        if readsArchive { HTML.tag("td") { "—" }; HTML.tag("td") { "—" } }
                    }
                }
            }
            let unplaced = result.unplaced.filter { visible($0, post: nil) || principal.scope == .zone }
            if !unplaced.isEmpty {
                HTML.tag("h2") { "未聘人员（确认后转待岗培训\(context.waitingMonths)个月）" }
                HTML.tag("table", ["class": "grid"]) {
                    HTML.tag("tr") { HTML.tag("th") { "姓名" }; HTML.tag("th") { "原因" } }
                    for personID in unplaced {
                        HTML.tag("tr") {
                            HTML.tag("td") { personName(personID) }
                            HTML.tag("td") { (result.explanations[personID] ?? []).map { Self.readable($0, page: self) }.joined(separator: "；") }
                        }
                    }
                }
            }
        }
    }

    /// "岗位12：…" with the post's name instead of its number.
    static func readable(_ explanation: String, page: RoundPage) -> String {
        guard explanation.hasPrefix("岗位"), let colon = explanation.firstIndex(of: "："),
              let id = Int64(explanation[explanation.index(explanation.startIndex, offsetBy: 2)..<colon]) else { return explanation }
        return page.postName(id) + explanation[colon...]
    }

    /// 低职高聘 / 高职低聘 / 平职 from the archive rank and the post level.
    static func dualTrack(archiveRank: String, post: Post?) -> HTML {
        guard let post, let gap = ArchiveRankScale.gap(archiveRank: archiveRank, postLevel: post.level) else { return HTML.text("—") }
        if gap > 0 { return Components.tag("低职高聘 +\(gap)", kind: "warn") }
        if gap < 0 { return Components.tag("高职低聘 \(gap)", kind: "bad") }
        return Components.tag("平职", kind: "ok")
    }

    static func points(_ hundredths: Int) -> String { FixedPoint.format(hundredths, places: 2) }
}
