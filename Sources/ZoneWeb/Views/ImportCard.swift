import ZoneCore

/// The import form every kind of sheet shares: template download, file upload (.xlsx or CSV) or pasted CSV,
/// the bad rows (the first `errorRows` on the page, every one in a download), and — once the whole sheet is
/// valid — a preview with a confirm button.
///
/// The preview writes nothing. The checked sheet stays on the server (`HeldImports`) and its confirm button
/// sends only the sheet's token, so a browser need not upload the file twice; the server checks the rows again in
/// the writing transaction. A refused sheet shows its first problems and offers all of them as a download.
struct ImportCard {
    let action: String
    let template: String
    let columns: [String]
    let hint: String
    /// Columns shown masked in the preview (身份证号, 手机号), as everywhere else on screen.
    var masked: Set<String> = ["身份证号", "手机号"]
    /// The confirm asks for the approving document (批准文号 and 批准时间), which the 台账 records for every quota the sheet sets.
    var asksApproval = false

    /// The submit buttons' `mode` values.
    static let previewMode = "preview"
    static let commitMode = "commit"
    /// How many rows the preview lists; the count covers them all.
    static let previewRows = 50
    /// How many problems the page lists; a sheet of 100,000 bad rows would otherwise be a page of 100,000 rows.
    static let errorRows = 200

    func render(_ principal: Principal, text: String, errors: HeldImports.Errors?, preview: HeldImports.Sheet?) -> HTML {
        HTML.tag("div", ["class": "card", "id": "import"]) {
            HTML.tag("h2") { "批量导入" }
            if let errors { errorTable(errors) }
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

    private func errorTable(_ errors: HeldImports.Errors) -> HTML {
        let count = errors.rows.count
        return HTML.tag("p", ["class": "hint"]) {
            HTML.text(count > Self.errorRows ? "共 \(count) 处问题，仅显示前 \(Self.errorRows) 处。" : "共 \(count) 处问题。")
            HTML.tag("a", ["href": "\(action)/errors/\(errors.token)"]) { "下载完整问题清单（.xlsx）" }
        } + HTML.tag("table", ["class": "grid import-errors"]) {
            HTML.tag("tr") { HTML.tag("th", ["class": "num"]) { "行号" }; HTML.tag("th") { "列" }; HTML.tag("th") { "问题" } }
            for error in errors.rows.prefix(Self.errorRows) {
                HTML.tag("tr") {
                    HTML.tag("td", ["class": "num"]) { "\(error.line)" }
                    HTML.tag("td") { error.column }
                    HTML.tag("td") { error.message }
                }
            }
        }
    }

    private func previewTable(_ sheet: HeldImports.Sheet, _ principal: Principal) -> HTML {
        let table = sheet.table
        return HTML.tag("div", ["class": "import-preview"]) {
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
                HTML.tag("input", ["type": "hidden", "name": HeldImports.sheetField, "value": sheet.token])
                if asksApproval {
                    HTML.tag("p") {
                        HTML.tag("label", ["for": "import-document-no"]) { "批准文号：" }
                        HTML.tag("input", ["type": "text", "name": "documentNo", "id": "import-document-no", "required": "required",
                                           "maxlength": String(ChangeApproval.maxDocumentNo), "placeholder": "如：仪编〔2021〕12号"])
                        HTML.tag("label", ["for": "import-approved-on"]) { " 批准时间：" }
                        HTML.tag("input", ["type": "date", "name": "approvedOn", "id": "import-approved-on"])
                    }
                }
                HTML.tag("button", ["type": "submit", "name": "mode", "value": Self.commitMode]) { "确认导入 \(table.rows.count) 行" }
            }
        }
    }
}
