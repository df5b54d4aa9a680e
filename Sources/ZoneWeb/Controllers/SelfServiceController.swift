import Hummingbird
import ZoneCore
import ZoneStore

/// 员工自助: one's own appraisal results (with the 考核登记表 and the objection form there) and pay
/// slips. Only the signed-in person's records are read; nobody else's are reachable from here.
struct SelfServiceController {
    let env: AppEnvironment

    func register(_ routes: inout Routes) {
        routes.get("/my", .selfService) { _, _, principal in try await page(principal) }
    }

    func page(_ principal: Principal) async throws -> Response {
        guard case .person(let personID) = principal.scope, let person = try await env.store.people.find(id: personID, zoneID: try principal.zoneID) else {
            return Pages.error(.forbidden, "您的账号未关联人员档案。", principal: principal)
        }
        let store = env.store, zoneID = try principal.zoneID
        var years: [(StoredAppraisal, AppraisalResultRow?, String)] = []
        for appraisal in try await store.appraisals.all(zoneID: zoneID) where appraisal.status == .published || appraisal.status == .final {
            let result = try await store.appraisals.results(appraisalID: appraisal.id).first { $0.personID == personID }
            let grades = try await store.policies.require(zoneID: zoneID, version: appraisal.policyVersion).policy.appraisal.grades
            years.append((appraisal, result, result.map { grades[$0.grade]?.label ?? $0.grade } ?? "未参评"))
        }
        let slips = try await store.payRuns.slips(personID: personID, zoneID: zoneID)
        let zone = principal.zoneName
        return Pages.response(Layout.page(title: "我的考核与工资", active: "mine", principal: principal, zoneName: zone) {
            HTML.tag("h1") { "我的考核与工资：\(person.name)" }
            HTML.tag("div", ["class": "card"]) {
                HTML.tag("h2") { "年度考核" }
                HTML.tag("table", ["class": "grid"]) {
                    HTML.tag("tr") { for h in ["年度", "状态", "综合得分", "等次", ""] { HTML.tag("th") { h } } }
                    for (appraisal, result, grade) in years {
                        HTML.tag("tr") {
                            HTML.tag("td") { appraisal.name }
                            HTML.tag("td") { appraisal.status.label + (appraisal.status == .published ? "（至\(appraisal.publicityEnds ?? "")）" : "") }
                            HTML.tag("td", ["class": "num"]) { result.map { ScoreScale.text(Int32($0.score)) } ?? "—" }
                            HTML.tag("td") { grade }
                            HTML.tag("td") { HTML.tag("a", ["href": "/appraisals/\(appraisal.id)/people/\(personID)"]) { "考核登记表" + (appraisal.status == .published ? " / 申诉" : "") } }
                        }
                    }
                    if years.isEmpty { HTML.tag("tr") { HTML.tag("td", ["colspan": "5", "class": "hint"]) { "暂无已公示的考核结果" } } }
                }
            }
            HTML.tag("div", ["class": "card"]) {
                HTML.tag("h2") { "工资条（绩效工资）" }
                HTML.tag("table", ["class": "grid"]) {
                    HTML.tag("tr") {
                        for h in ["期间", "批次"] { HTML.tag("th") { h } }
                        for h in ["岗位系数", "考核得分", "绩效工资", "一次性奖励", "合计"] { HTML.tag("th", ["class": "num"]) { h } }
                    }
                    for (run, line) in slips {
                        HTML.tag("tr") {
                            HTML.tag("td") { run.period }
                            HTML.tag("td") { "第\(run.id)号 " + (run.status == .reversed ? "（已被更正，作废）" : "已发放") }
                            HTML.tag("td", ["class": "num"]) { FixedPoint.format(line.postCoefficientMilli, places: 3) }
                            HTML.tag("td", ["class": "num"]) { ScoreScale.text(Int32(line.score)) }
                            HTML.tag("td", ["class": "num"]) { Fen.text(line.performanceFen) }
                            HTML.tag("td", ["class": "num"]) { Fen.text(line.rewardFen) }
                            HTML.tag("td", ["class": "num"]) { Fen.text(line.totalFen) }
                        }
                    }
                    if slips.isEmpty { HTML.tag("tr") { HTML.tag("td", ["colspan": "7", "class": "hint"]) { "暂无已发放的工资条" } } }
                }
            }
        })
    }
}
