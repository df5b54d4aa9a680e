import Hummingbird
import ZoneCore
import ZoneStore

/// 批量导入人员: paste a CSV sheet; all rows or none, with every problem listed by row and column.
struct ImportController {
    let env: AppEnvironment

    func register(_ routes: inout Routes) {
        routes.get("/people/import", .editPeople) { _, _, principal in try await page(principal, text: "", errors: [], message: nil, status: .ok) }
        routes.get("/people/import/template.csv", .editPeople) { _, _, _ in
            let example = "张三,11010519491231002X,13800138000,产业发展局,编外,,,,在岗"
            return Response(status: .ok,
                            headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"people-template.csv\""],
                            body: .init(byteBuffer: ByteBuffer(string: "\u{FEFF}" + PeopleImport.columns.joined(separator: ",") + "\r\n" + example + "\r\n")))
        }
        routes.post("/people/import", .editPeople) { _, context, principal in try await submit(context.form["csv"], principal) }
    }

    func submit(_ text: String, _ principal: Principal) async throws -> Response {
        let table: CSVTable
        do { table = try CSVTable(parsing: text) } catch {
            return try await page(principal, text: text, errors: [], message: error.message + "，未导入任何数据。", status: .unprocessableContent)
        }
        do {
            let people = try await env.store.people.importSheet(table, zoneID: principal.account.zoneID ?? 0, actor: principal.account.username)
            return try await page(principal, text: "", errors: [], message: nil, notice: "已导入 \(people.count) 人。", status: .ok)
        } catch let refused as PeopleImport.Refused {
            return try await page(principal, text: text, errors: refused.errors,
                                  message: "发现 \(refused.errors.count) 处问题，未导入任何数据。请修改后重新提交。", status: .unprocessableContent)
        }
    }

    func page(_ principal: Principal, text: String, errors: [PeopleImport.RowError], message: String?, notice: String? = nil,
              status: HTTPResponse.Status) async throws -> Response {
        let zone = try await env.zoneName(principal)
        return Pages.response(Layout.page(title: "批量导入人员", active: "people", principal: principal, zoneName: zone) {
            HTML.tag("div", ["class": "crumbs"]) { HTML.tag("a", ["href": "/people"]) { "人员名册" } }
            HTML.tag("h1") { "批量导入人员" }
            Components.flash(message)
            Components.flash(notice, kind: "ok")
            if !errors.isEmpty {
                HTML.tag("div", ["class": "card"]) {
                    HTML.tag("h2") { "错误清单" }
                    HTML.tag("table", ["class": "grid"]) {
                        HTML.tag("tr") { HTML.tag("th", ["class": "num"]) { "行号" }; HTML.tag("th") { "列" }; HTML.tag("th") { "问题" } }
                        for error in errors {
                            HTML.tag("tr") {
                                HTML.tag("td", ["class": "num"]) { "\(error.line)" }
                                HTML.tag("td") { error.column }
                                HTML.tag("td") { error.message }
                            }
                        }
                    }
                }
            }
            HTML.tag("div", ["class": "card"]) {
                HTML.tag("p", ["class": "hint"]) {
                    "将 Excel/WPS 表格另存为 CSV（UTF-8）后粘贴到下方，首行为表头：" + PeopleImport.columns.joined(separator: "，")
                        + "。整批校验（身份证号、单位、重复、编制）全部通过才会写入。"
                }
                HTML.tag("a", ["class": "btn secondary", "href": "/people/import/template.csv"]) { "下载模板" }
                HTML.tag("form", ["method": "post", "action": "/people/import"]) {
                    Components.csrf(principal)
                    HTML.tag("textarea", ["name": "csv", "rows": "14", "class": "sheet", "aria-label": "CSV 内容"]) { text }
                    HTML.tag("div", ["class": "actions"]) { HTML.tag("button", ["type": "submit"]) { "校验并导入" } }
                }
            }
        }, status: status)
    }
}
