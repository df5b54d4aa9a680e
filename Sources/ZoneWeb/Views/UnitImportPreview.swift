import ZoneCore

/// A checked 三定 sheet as the tree it will make: each unit new, updated or unchanged, with the quotas it changes,
/// and the zone's units the sheet leaves out (kept).
enum UnitImportPreview {
    static func render(_ sheet: UnitImport, unlistedNames: [String]) -> HTML {
        let changes = Dictionary(grouping: sheet.quotaChanges, by: \.entry)
        return HTML.tag("div", ["class": "card unit-preview"]) {
            HTML.tag("h2") { "导入后的机构树" }
            if sheet.isUnchanged { Components.flash("表格与现有机构一致，确认后不会有任何变动。", kind: "ok") }
            HTML.tag("table", ["class": "grid"]) {
                HTML.tag("tr") { for h in ["机构", "类别", "性质", "处理", "编制变动"] { HTML.tag("th") { h } } }
                for (index, entry) in sheet.entries.enumerated() {
                    HTML.tag("tr") {
                        HTML.tag("td") {
                            HTML.tag("span", ["class": "indent-\(min(entry.path.count(where: { $0 == UnitImport.pathSeparator }), 6))"])
                            entry.unit.name
                        }
                        HTML.tag("td") { entry.unit.kind.label }
                        HTML.tag("td") { entry.unit.orgType.rawValue }
                        HTML.tag("td") {
                            if entry.existingID == nil { Components.tag("新建", kind: "ok") }
                            else if entry.fieldsChanged || changes[index] != nil { Components.tag("更新", kind: "warn") }
                            else { "不变" }
                        }
                        HTML.tag("td") {
                            (changes[index] ?? []).map { "\($0.item.label) \($0.old.map(String.init) ?? "—") → \($0.new.map(String.init) ?? "取消")" }
                                .joined(separator: "；")
                        }
                    }
                }
            }
            if !unlistedNames.isEmpty {
                HTML.tag("p", ["class": "hint"]) { "表中未列出的现有机构将保留不变（导入不删除机构）：" + unlistedNames.joined(separator: "；") }
            }
        }
    }
}
