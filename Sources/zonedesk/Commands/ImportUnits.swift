import ArgumentParser
import ZoneCore
import ZoneStore

struct ImportUnits: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "units",
        abstract: "The zone's org tree (三定方案), one row per unit. Columns: \(UnitImport.columns.joined(separator: ",")).",
        discussion: """
            上级机构 names another row, or an existing unit; write a path from the root (经济开发区/大数据产业园) where a name
            is not unique. Units are matched to the zone's by that path: named units are updated, new ones added, units
            the sheet leaves out are kept and listed. Every quota change is written to the 编制台账 under --document-no.
            """)

    @OptionGroup var options: SheetOptions

    @Option(name: .long, help: "批准文号 recorded in the 编制台账 for every quota the sheet sets or changes (required when it changes any).")
    var documentNo = ""

    @Option(name: .long, help: "批准时间 of --document-no, yyyy-MM-dd.")
    var approvedOn = ""

    @OptionGroup var source: ImportFile

    func run() async throws {
        let table = try source.table()
        let summary = "三定方案导入"
        var approval = ChangeApproval(documentNo: "", approvedOn: nil, summary: summary)
        if !documentNo.isEmpty || !approvedOn.isEmpty {
            switch ChangeApproval.validate(documentNo: documentNo, approvedOn: approvedOn, summary: summary) {
            case .success(let checked): approval = checked
            case .failure(let errors):
                print("--document-no / --approved-on：" + errors.byField.sorted { $0.key < $1.key }.map(\.value).joined(separator: "；")
                      + " / the document number is 1–\(ChangeApproval.maxDocumentNo) characters, the date yyyy-MM-dd")
                throw ExitCode(2)
            }
        }
        try await Import.run(options.database.db, zone: options.zone) { store, zoneID in
            let result = try await store.units.importUnits(table, zoneID: zoneID, approval: approval, actor: "cli")
            print("新建 \(result.created) 个机构，更新 \(result.updated) 个，编制变动 \(result.quotaChanges) 项"
                  + " / \(result.created) created, \(result.updated) updated, \(result.quotaChanges) quota changes")
            if !result.unlisted.isEmpty {
                print("表中未列出、已保留的现有机构 / existing units not in the sheet, kept: " + result.unlisted.joined(separator: "；"))
            }
            return table.rows.count
        }
    }
}
