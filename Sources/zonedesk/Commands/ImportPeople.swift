import ArgumentParser
import ZoneCore
import ZoneStore

struct ImportPeople: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "people",
        abstract: "Columns: 姓名,身份证号,手机号,单位,编制类型,档案职务,档案职级,领导职务级别,人员状态.")

    @OptionGroup var options: SheetOptions

    @Option(name: .long, help: "Worksheet name in an .xlsx file (default: the first sheet).")
    var sheet: String?

    @Argument(help: ".xlsx or CSV file.")
    var file: String

    func run() async throws {
        let table = try Import.table(file, sheet: sheet)
        try await Import.run(options.database.db, zone: options.zone) { store, zoneID in
            try await store.people.importSheet(table, zoneID: zoneID, actor: "cli").count
        }
    }
}
