import ZoneCore
import ZoneStore

/// 申诉 on the round page: the people a published round affects object during the 公示期;
/// 组织人事 answers each one, and the round cannot be confirmed while one is pending.
extension RoundPage {
    /// Whether the account may read every objection (组织人事, leadership, 纪工委); employees read their own.
    var readsAllObjections: Bool { principal.scope == .zone }

    func mayObject(_ me: Int64) -> Bool {
        guard round.status == .published, principal.can(.objectInRounds), let ends = round.publicityEnds, today <= ends else { return false }
        let inResult = round.result.map { $0.assignments[me] != nil || $0.unplaced.contains(me) } ?? false
        return inResult || context.entries.contains { $0.personID == me }
    }

    var objectionsCard: HTML {
        var me: Int64?
        if case .person(let id) = principal.scope { me = id }
        let shown = context.objections.filter { readsAllObjections || $0.personID == me }
        let canFile = me.map(mayObject) ?? false
        guard !shown.isEmpty || canFile else { return .empty }
        let pending = context.objections.filter { $0.status == .pending }.count
        return HTML.tag("div", ["class": "card"]) {
            HTML.tag("h2") { "申诉" + (readsAllObjections && pending > 0 ? "（\(pending)件待处理，处理完毕前不能确认聘任）" : "") }
            if !shown.isEmpty {
                HTML.tag("table", ["class": "grid"]) {
                    HTML.tag("tr") { for h in ["申诉人", "提交时间", "理由", "处理", "答复"] { HTML.tag("th") { h } } }
                    for objection in shown {
                        HTML.tag("tr") {
                            HTML.tag("td") { personName(objection.personID) }
                            HTML.tag("td") { AuditController.beijing(objection.filedAt) }
                            HTML.tag("td") { objection.reason }
                            HTML.tag("td") {
                                Components.tag(objection.status.label, kind: objection.status == .pending ? "warn" : objection.status == .corrected ? "bad" : "ok")
                            }
                            HTML.tag("td") {
                                if objection.status == .pending && principal.can(.manageRounds) && round.status == .published {
                                    reviewForm(objection)
                                } else {
                                    objection.reply + (objection.reviewedAt.map { "（\(AuditController.beijing($0))）" } ?? "")
                                }
                            }
                        }
                    }
                }
            }
            if canFile {
                HTML.tag("form", ["class": "step", "method": "post", "action": "/rounds/\(round.id)/objections"]) {
                    Components.csrf(principal)
                    HTML.tag("strong") { "对聘任结果提出申诉（公示期至\(round.publicityEnds ?? "")）" }
                    HTML.tag("textarea", ["name": "reason", "rows": "3", "class": "sheet", "aria-label": "申诉理由",
                                          "placeholder": "请写明申诉事项和理由（最多500字）"]) { "" }
                    HTML.tag("button", ["type": "submit"]) { "提交申诉" }
                }
            }
        }
    }

    func reviewForm(_ objection: StoredObjection) -> HTML {
        HTML.tag("form", ["class": "inline", "method": "post", "action": "/rounds/\(round.id)/objections/\(objection.id)/review"]) {
            Components.csrf(principal)
            HTML.tag("select", ["name": "decision", "aria-label": "处理结果"]) {
                HTML.tag("option", ["value": StoredObjection.Status.upheld.rawValue]) { "维持原结果" }
                HTML.tag("option", ["value": StoredObjection.Status.corrected.rawValue]) { "更正（退回重新排序、匹配并公示）" }
            }
            HTML.tag("input", ["type": "text", "name": "reply", "placeholder": "答复意见", "aria-label": "答复意见"])
            HTML.tag("button", ["type": "submit", "class": "secondary"]) { "答复" }
        }
    }
}
