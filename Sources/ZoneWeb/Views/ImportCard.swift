import ZoneCore

/// The import form every kind of sheet shares: template download, file upload (.xlsx or CSV) or pasted CSV,
/// the list of every bad row, and — once the whole sheet is valid — a preview with a confirm button.
///
/// The preview writes nothing. Its confirm button sends the checked rows back as CSV in a hidden field, so a
/// browser need not upload the file twice, and the server checks them again in the writing transaction.
struct ImportCard {
    let action: String
    let template: String
    let columns: [String]
    let hint: String
    /// Columns shown masked in the preview (身份证号, 手机号), as everywhere else on screen.
    var masked: Set<String> = ["身份证号", "手机号"]

    /// The submit buttons' `mode` values.
    static let previewMode = "preview"
    static let commitMode = "commit"
    /// How many rows the preview lists; the count covers them all.
    static let previewRows = 50

    func render(_ principal: Principal, text: String, errors: [ImportRowError], preview: CSVTable?) -> HTML {
        HTML.tag("div", ["class": "card", "id": "import"]) {
            HTML.tag("h2") { "批量导入" }
            if !errors.isEmpty { Self.errorTable(errors) }
            if let preview { previewTable(preview, principal) }
            HTML.tag("p", ["class": "hint"]) {
                "上传 Excel（.xlsx）或 CSV（UTF-8 或 GBK）文件，或粘贴 CSV 内容；首行为表头：" + columns.joined(separator: "，") + "。"
                    + hint + "先校验预览，整批全部通过后确认才会写入。"
            }
            HTML.tag("a", ["class": "btn secondary", "href": template]) { "下载模板（.xlsx）" }
            HTML.tag("form", ["method": "post", "action": action, "enctype": "multipart/form-data"]) {
                Components.csrf(principal)
                HTML.tag("p") {
                    HTML.tag("label", ["for": "import-file"]) { "文件：" }
                    HTML.tag("input", ["type": "file", "name": "file", "id": "import-file", "accept": ".xlsx,.csv,text/csv"])
                }
                HTML.tag("textarea", ["name": "csv", "rows": "8", "class": "sheet", "aria-label": "CSV 内容"]) { text }
                HTML.tag("div", ["class": "actions"]) {
                    HTML.tag("button", ["type": "submit", "name": "mode", "value": Self.previewMode]) { "校验并预览" }
                }
            }
        }
    }

    static func errorTable(_ errors: [ImportRowError]) -> HTML {
        HTML.tag("table", ["class": "grid import-errors"]) {
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

    private func previewTable(_ table: CSVTable, _ principal: Principal) -> HTML {
        HTML.tag("div", ["class": "import-preview"]) {
            Components.flash("校验通过：共 \(table.rows.count) 行，尚未写入。请核对后确认导入。", kind: "ok")
            HTML.tag("table", ["class": "grid"]) {
                HTML.tag("tr") {
                    HTML.tag("th", ["class": "num"]) { "行号" }
                    for title in table.header { HTML.tag("th") { title } }
                }
                for (row, line) in zip(table.rows, table.lines).prefix(Self.previewRows) {
                    HTML.tag("tr") {
                        HTML.tag("td", ["class": "num"]) { "\(line)" }
                        for (title, value) in zip(table.header, row) {
                            HTML.tag("td") { masked.contains(title) ? Masking.mask(value, keepPrefix: 3, keepSuffix: 4) : value }
                        }
                    }
                }
            }
            if table.rows.count > Self.previewRows { HTML.tag("p", ["class": "hint"]) { "仅显示前 \(Self.previewRows) 行。" } }
            HTML.tag("form", ["method": "post", "action": action, "enctype": "multipart/form-data"]) {
                Components.csrf(principal)
                HTML.tag("input", ["type": "hidden", "name": "csv", "value": CSVTable.rendered(header: table.header, rows: table.rows)])
                HTML.tag("button", ["type": "submit", "name": "mode", "value": Self.commitMode]) { "确认导入 \(table.rows.count) 行" }
            }
        }
    }
}
