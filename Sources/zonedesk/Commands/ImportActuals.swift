import ArgumentParser
import ZoneCore
import ZoneStore

struct ImportActuals: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actuals",
        abstract: "KPI actual values of one appraisal. Columns: 指标编号,指标名称,实际值 (the template on its indicators page).")

    @OptionGroup var options: SheetOptions

    @Option(name: .long, help: "Appraisal id (the number in /appraisals/ID).")
    var appraisal: Int64

    @OptionGroup var source: ImportFile

    func run() async throws {
        let table = try source.table()
        let appraisalID = appraisal
        try await Import.run(options.database.db, zone: options.zone) { store, zoneID in
            guard try await store.appraisals.find(id: appraisalID, zoneID: zoneID) != nil else {
                throw ImportRefused(errors: [ImportRowError(line: 1, column: "", message: "园区中没有编号为 \(appraisalID) 的考核")])
            }
            let targets = try await store.appraisals.indicators(appraisalID: appraisalID)
                .map { ActualsImport.Target(id: $0.id, name: $0.name, rule: $0.rule) }
            let sheet = ActualsImport(table, indicators: targets)
            guard sheet.errors.isEmpty else { throw ImportRefused(errors: sheet.errors) }
            try await store.appraisals.setActuals(sheet.actuals, appraisalID: appraisalID, zoneID: zoneID, actor: "cli")
            return sheet.actuals.count
        }
    }
}
