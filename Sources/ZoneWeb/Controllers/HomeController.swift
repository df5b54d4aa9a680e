import Hummingbird
import ZoneCore
import ZoneStore

/// 工作台: the zone's headline figures, or the admin's duties for the three admin roles.
struct HomeController {
    let env: AppEnvironment

    func register(_ routes: inout Routes) {
        routes.get("/", .signedIn) { request, _, principal in try await home(request, principal) }
    }

    func home(_ request: Request, _ principal: Principal) async throws -> Response {
        let zone = principal.zoneName
        var usage: EstablishmentUsage?
        var beforeReform: EstablishmentBeforeReform?
        // The zone's figures; the province's accounts (no zone) see only their own duties here.
        if let zoneID = principal.zone?.id, principal.can(.viewUnits), principal.scope == .zone {
            usage = EstablishmentUsage(book: try await env.store.quotas.book(zoneID: zoneID))
            beforeReform = try await env.store.policies.current(zoneID: zoneID)?.policy.establishmentBeforeReform
        }
        let notice: String? = request.uri.queryParameters["msg"] == "password" ? "密码已修改。" : nil
        // The owner's side of a reset: whoever holds a reset password cannot make this disappear.
        let resets = try await env.store.accounts.resets(accountID: principal.account.id)
        // Reminders for 组织人事: terms ending within three months, and people waiting for a post.
        var reminders: [(String, String)] = []
        if let zoneID = principal.zone?.id, principal.can(.manageRounds) {
            let soon = env.store.clock.today.adding(months: 3).description
            let ending = try await env.store.appointments.current(zoneID: zoneID).filter { $0.endsOn <= soon }.count
            let waiting = try await env.store.appointments.waiting(zoneID: zoneID).count
            if ending > 0 { reminders.append(("\(ending) 人聘期将在三个月内届满", "/reports/appointments")) }
            if waiting > 0 { reminders.append(("\(waiting) 人待岗培训中", "/reports/waiting")) }
        }
        return Pages.response(Layout.page(title: "工作台", active: "home", principal: principal, zoneName: zone) {
            HTML.tag("h1") { "工作台" }
            Components.flash(notice, kind: "ok")
            if !resets.isEmpty {
                HTML.tag("div", ["class": "card"]) {
                    HTML.tag("h2") { "本账号的密码重置记录" }
                    HTML.tag("ul") {
                        for reset in resets {
                            HTML.tag("li") {
                                if let approvedBy = reset.approvedBy, let approvedAt = reset.approvedAt {
                                    "\(AuditController.beijing(approvedAt))：\(reset.requestedBy) 申请、\(approvedBy) 批准重置密码"
                                } else {
                                    "\(AuditController.beijing(reset.requestedAt))：\(reset.requestedBy) 申请重置密码，待安全管理员批准"
                                }
                            }
                        }
                    }
                    HTML.tag("p", ["class": "hint"]) { "如非您本人申请，请立即联系安全管理员与审计管理员（每次重置与登录都记入审计日志）。" }
                }
            }
            if !reminders.isEmpty {
                HTML.tag("div", ["class": "card"]) {
                    HTML.tag("h2") { "待办提醒" }
                    HTML.tag("ul") {
                        for (text, href) in reminders { HTML.tag("li") { HTML.tag("a", ["href": href]) { text } } }
                    }
                }
            }
            if let usage {
                HTML.tag("div", ["class": "stats"]) {
                    Components.stat("核定编制", "\(usage.totalQuota)", href: "/units")
                    Components.stat("编内实有", "\(usage.totalUsed)", href: "/units")
                    Components.stat("空编", "\(usage.totalQuota + usage.totalApproved - usage.totalUsed)", href: "/units")
                    Components.stat("编外人员", "\(usage.totalContract)", href: "/people")
                    Components.stat("在册人员", "\(usage.totalStaff)", href: "/people")
                    Components.stat("编内占在册比", Percent.format(usage.totalUsed, of: usage.totalStaff), href: "/units")
                    if let beforeReform {
                        Components.stat("核定编制占改革前编制", beforeReform.share(of: usage.totalQuota), href: "/units")
                    }
                }
                if let beforeReform {
                    // The denominator is no register's (the pre-reform units are gone): the zone entered it.
                    HTML.tag("p", ["class": "hint"]) {
                        "核定编制占改革前编制：按已录入核定编制 \(usage.totalQuota) 名 ÷ 改革前编制 \(beforeReform.establishment) 名计算"
                            + "（改革前编制录入于本园区政策文件“\(beforeReform.label)”）；公开数据：\(beforeReform.published)。"
                    }
                }
            }
            HTML.tag("div", ["class": "card"]) {
                HTML.tag("h2") { "您可以" }
                HTML.tag("ul") {
                    for (_, items) in Layout.navigation {
                        for item in items where item.key != "home" && principal.can(item.permission) {
                            HTML.tag("li") { HTML.tag("a", ["href": item.href]) { item.label } }
                        }
                    }
                    if case .person(let id) = principal.scope {
                        HTML.tag("li") { HTML.tag("a", ["href": "/people/\(id)"]) { "查看我的档案" } }
                    }
                }
                if principal.scope == .none && principal.role.permissions.isDisjoint(with: [.manageAccounts, .manageRoles, .viewAudit, .viewProvince]) {
                    HTML.tag("p", ["class": "hint"]) { "您的账号尚未分配角色范围，请联系安全管理员。" }
                }
            }
        })
    }
}
