import Hummingbird
import ZoneCore

/// The page frame: header with zone, user and role; left navigation filtered by permission.
enum Layout {
    struct NavItem {
        let key: String
        let label: String
        let href: String
        let permission: Permission
    }

    static let navigation: [(group: String, items: [NavItem])] = [
        ("业务", [
            NavItem(key: "home", label: "工作台", href: "/", permission: .signedIn),
            NavItem(key: "units", label: "机构编制", href: "/units", permission: .viewUnits),
            NavItem(key: "people", label: "人员名册", href: "/people", permission: .viewPeople),
            NavItem(key: "posts", label: "岗位设置", href: "/posts", permission: .viewUnits),
            NavItem(key: "rounds", label: "全员聘任", href: "/rounds", permission: .viewRounds),
            NavItem(key: "appraisals", label: "绩效考核", href: "/appraisals", permission: .viewAppraisals),
            NavItem(key: "pay", label: "绩效工资", href: "/pay-runs", permission: .viewPay),
            NavItem(key: "mine", label: "我的考核与工资", href: "/my", permission: .selfService),
            NavItem(key: "ledgers", label: "改革台账", href: "/ledgers", permission: .viewLedgers),
            NavItem(key: "dashboard", label: "改革驾驶舱", href: "/dashboard", permission: .viewDashboard),
            NavItem(key: "province", label: "全省园区总览", href: "/province", permission: .viewProvince),
            NavItem(key: "plans", label: "改革方案", href: "/plans", permission: .viewPlans),
            NavItem(key: "reports", label: "报表", href: "/reports", permission: .viewReports),
        ]),
        ("系统", [
            NavItem(key: "zones", label: "园区管理", href: "/admin/zones", permission: .manageAccounts),
            NavItem(key: "accounts", label: "账号管理", href: "/admin/accounts", permission: .manageAccounts),
            NavItem(key: "roles", label: "角色权限", href: "/admin/roles", permission: .manageRoles),
            NavItem(key: "audit", label: "审计日志", href: "/audit", permission: .viewAudit),
            NavItem(key: "holidays", label: "节假日安排", href: "/holidays", permission: .signedIn),
            NavItem(key: "password", label: "修改密码", href: "/password", permission: .signedIn),
            NavItem(key: "totp", label: "动态口令", href: "/totp", permission: .useSecondFactor),
        ]),
    ]

    static func document(title: String, @HTMLBuilder body: () -> [HTML]) -> String {
        "<!DOCTYPE html>" + HTML.tag("html", ["lang": "zh-CN"]) {
            HTML.tag("head") {
                HTML.tag("meta", ["charset": "utf-8"])
                HTML.tag("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
                HTML.tag("title") { title + " · ZoneDesk 园区体制机制改革管理系统" }
                HTML.tag("link", ["rel": "stylesheet", "href": "/static/app.css"])
            }
            HTML.tag("body") { body() }
        }.rendered
    }

    static func page(title: String, active: String, principal: Principal, zoneName: String = "",
                     @HTMLBuilder content: () -> [HTML]) -> String {
        document(title: title) {
            HTML.tag("header", ["class": "top"]) {
                HTML.tag("span", ["class": "brand"]) { "ZoneDesk 园区改革" }
                HTML.tag("span", ["class": "zone"]) { zoneName }
                HTML.tag("span", ["class": "spacer"])
                HTML.tag("span", ["class": "user"]) {
                    principal.account.displayName
                    HTML.tag("span", ["class": "role"]) { principal.role.label }
                }
                HTML.tag("form", ["method": "post", "action": "/logout"]) {
                    Components.csrf(principal)
                    HTML.tag("button", ["type": "submit"]) { "退出" }
                }
            }
            HTML.tag("div", ["class": "shell"]) {
                HTML.tag("nav", ["class": "side"]) {
                    for (group, items) in navigation {
                        let visible = items.filter { principal.can($0.permission) }
                        if !visible.isEmpty {
                            HTML.tag("div", ["class": "group"]) { group }
                            for item in visible {
                                HTML.tag("a", ["href": item.href, "class": item.key == active ? "active" : nil]) { item.label }
                            }
                        }
                    }
                }
                HTML.tag("main") { content() }
            }
        }
    }
}
