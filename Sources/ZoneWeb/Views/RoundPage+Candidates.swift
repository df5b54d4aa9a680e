import ZoneCore
import ZoneStore

/// 社会招聘 on the round page: 组织人事 enters external candidates for open-recruitment posts; they
/// are ranked by score and the best fill the planned number when the round is matched.
extension RoundPage {
    struct CandidateDraft {
        var postID = ""
        var input = CandidateInput()
        var errors = FieldErrors()
    }

    /// A hired candidate with the place that decided it.
    struct Hire {
        let candidate: StoredCandidate
        let postID: Int64
        let ranked: RoundEngine.Ranked
        let position: Int

        var explanation: String { "社会招聘第\(position + 1)名" + (ranked.tieBreak.map { "（\($0)）" } ?? "") }
    }

    func hires(_ result: RoundEngine.Result) -> [Hire] {
        let byID = Dictionary(uniqueKeysWithValues: context.candidates.map { ($0.id, $0) })
        return result.hired.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.compactMap { candidateID, postID in
            guard let candidate = byID[candidateID], let ranking = result.candidateRankings[postID],
                  let position = ranking.firstIndex(where: { $0.personID == candidateID }) else { return nil }
            return Hire(candidate: candidate, postID: postID, ranked: ranking[position], position: position)
        }
    }

    var candidatesCard: HTML {
        let posts = context.offers.filter { $0.method == .openRecruitment }
        guard !posts.isEmpty else { return .empty }
        let editable = round.status == .draft || round.status == .open
        let hired = Set(round.result?.hired.keys.map { $0 } ?? [])
        return HTML.tag("div", ["class": "card"]) {
            HTML.tag("h2") { "社会招聘人员" }
            HTML.tag("p", ["class": "hint"]) {
                "按成绩排序（同分按登记顺序），前“计划人数”名拟聘；确认聘任时拟聘人员登记入名册并核验编制，未聘人员不入名册。未录入成绩的不参加排序。"
            }
            HTML.tag("table", ["class": "grid"]) {
                HTML.tag("tr") { for h in ["岗位", "姓名", "性别", "身份证号", "手机号", "成绩", "结果"] + (editable ? [""] : []) { HTML.tag("th") { h } } }
                for candidate in context.candidates {
                    HTML.tag("tr") {
                        HTML.tag("td") { postName(candidate.postID) }
                        HTML.tag("td") { candidate.identity.name }
                        HTML.tag("td") { candidate.identity.gender.rawValue }
                        HTML.tag("td", ["class": "mono"]) { candidate.maskedIDNumber }
                        HTML.tag("td", ["class": "mono"]) { candidate.identity.phone.map { Masking.mask($0, keepPrefix: 3, keepSuffix: 4) } ?? "" }
                        HTML.tag("td", ["class": "num"]) { candidate.score.map(Self.points) ?? "未录入" }
                        HTML.tag("td") {
                            candidate.personID != nil ? Components.tag("已聘，已入名册", kind: "ok")
                                : hired.contains(candidate.id) ? Components.tag("拟聘", kind: "warn") : HTML.text(round.result == nil ? "" : "未聘")
                        }
                        if editable {
                            HTML.tag("td") {
                                HTML.tag("form", ["method": "post", "action": "/rounds/\(round.id)/candidates/\(candidate.id)/delete"]) {
                                    Components.csrf(principal)
                                    HTML.tag("button", ["type": "submit", "class": "secondary"]) { "删除" }
                                }
                            }
                        }
                    }
                }
                if context.candidates.isEmpty { HTML.tag("tr") { HTML.tag("td", ["colspan": "8", "class": "hint"]) { "尚未登记应聘人员" } } }
            }
            if editable {
                HTML.tag("h2") { "登记应聘人员" }
                HTML.tag("form", ["method": "post", "action": "/rounds/\(round.id)/candidates", "novalidate": "novalidate"]) {
                    Components.csrf(principal)
                    Components.selectField("应聘岗位", name: "postID", value: candidateDraft.postID,
                                           options: posts.map { (String($0.postID), postName($0.postID) + "（计划\($0.capacity)人）") },
                                           errors: candidateDraft.errors, required: true)
                    Components.field("姓名", name: "name", value: candidateDraft.input.name, errors: candidateDraft.errors,
                                     hint: "汉字，可含间隔号“·”", required: true)
                    Components.field("身份证号", name: "idNumber", value: candidateDraft.input.idNumber, errors: candidateDraft.errors,
                                     hint: "18位，末位可为X；不得已在名册或本批次中", required: true)
                    Components.field("手机号", name: "phone", value: candidateDraft.input.phone, errors: candidateDraft.errors,
                                     hint: "11位手机号", required: true)
                    Components.field("成绩", name: "score", value: candidateDraft.input.score, errors: candidateDraft.errors,
                                     hint: "0–100，最多两位小数；可稍后删除重登")
                    Components.formButtons(cancel: "/rounds/\(round.id)")
                }
            }
        }
    }
}
