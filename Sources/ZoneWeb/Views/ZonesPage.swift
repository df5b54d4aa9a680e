import ZoneCore
import ZoneStore

/// 园区管理: the zones of this database with what each has set up so far, and — for the province's
/// system admin — the form that creates a zone from its policy file.
struct ZonesPage {
    let summaries: [ZoneSummary]
    let principal: Principal
    let mayCreate: Bool
    var form = Form()
    var errors = FieldErrors()

    struct Form {
        var code = ""
        var name = ""
        var policy = ""
    }

    var html: HTML {
        HTML.tag("div") {
            HTML.tag("div", ["class": "card"]) {
                HTML.tag("table", ["class": "grid"]) {
                    HTML.tag("tr") { for h in ["代码", "园区名称", "政策版本", "机构", "人员", "账号"] { HTML.tag("th") { h } } }
                    for summary in summaries {
                        HTML.tag("tr") {
                            HTML.tag("td") { summary.zone.code }
                            HTML.tag("td") { summary.zone.name }
                            HTML.tag("td") { summary.policyVersion.map { "第\($0)版" } ?? "—" }
                            HTML.tag("td", ["class": "num"]) { String(summary.units) }
                            HTML.tag("td", ["class": "num"]) { String(summary.people) }
                            HTML.tag("td", ["class": "num"]) { String(summary.accounts) }
                        }
                    }
                }
            }
            if mayCreate { createForm } else {
                HTML.tag("p", ["class": "hint"]) { "新园区由省级系统管理员创建；本园区的机构与人员在“机构编制”“人员名册”中导入。" }
            }
        }
    }

    private var createForm: HTML {
        HTML.tag("div", ["class": "card"]) {
            HTML.tag("h2") { "新建园区" }
            HTML.tag("p", ["class": "hint"]) {
                "按园区的政策文件创建：政策文件作为第1版载入，同时创建系统管理员、安全管理员、审计管理员三个账号（三员分立），"
                    + "一次性密码只显示一次。随后由该园区导入三定方案（机构编制）与人员名册。"
            }
            HTML.tag("form", ["method": "post", "action": "/admin/zones"]) {
                Components.csrf(principal)
                Components.field("园区代码", name: "code", value: form.code, errors: errors,
                                 hint: "小写字母与数字，可用连字符，须与政策文件的 code 一致，如 yizheng、chengdu-xingu", required: true)
                Components.field("园区名称", name: "name", value: form.name, errors: errors, hint: "2–\(ZoneRegistration.maxName)字", required: true)
                HTML.tag("div", ["class": errors["policy"] == nil ? "field" : "field invalid"]) {
                    Components.label("政策文件（YAML）", for: "policy", required: false)
                    HTML.tag("textarea", ["id": "policy", "name": "policy", "rows": "10", "class": "sheet",
                                          "aria-invalid": errors["policy"] == nil ? nil : "true"]) { form.policy }
                    HTML.tag("span", ["class": errors["policy"] == nil ? "hint" : "error"]) {
                        errors["policy"] ?? "留空则使用系统随附的 policies/<代码>.yaml（bijie、xinyu、weifang、yizheng、chengdu-xingu）"
                    }
                }
                HTML.tag("div", ["class": "field"]) { HTML.tag("span"); HTML.tag("button", ["type": "submit"]) { "创建园区" } }
            }
        }
    }

    /// The one-time passwords of a zone just created, shown once.
    static func created(_ created: ZoneSetup.Created) -> HTML {
        HTML.tag("div", ["class": "card", "role": "status"]) {
            HTML.tag("h2") { "已创建园区 \(created.zone.name)（\(created.zone.code)）" }
            HTML.tag("p", ["class": "hint"]) {
                "政策 \(created.policy.name) v\(created.policy.version) 已作为第1版载入。以下初始密码仅显示一次，请分别线下交给三员本人；首次登录须修改密码，并绑定动态口令。"
            }
            HTML.tag("table", ["class": "grid"]) {
                HTML.tag("tr") { for h in ["用户名", "角色", "初始密码"] { HTML.tag("th") { h } } }
                for admin in created.admins {
                    HTML.tag("tr") {
                        HTML.tag("td") { admin.username }
                        HTML.tag("td") { admin.role.label }
                        HTML.tag("td") { HTML.tag("code") { admin.password } }
                    }
                }
            }
        }
    }

    static func problems(_ refused: ZoneSetup.Refused) -> HTML {
        HTML.tag("div", ["class": "flash error", "role": "alert"]) {
            HTML.tag("p") { refused.message + "，未写入任何内容。" }
            if !refused.problems.isEmpty {
                HTML.tag("ul") { for problem in refused.problems { HTML.tag("li") { problem } } }
            }
        }
    }
}
