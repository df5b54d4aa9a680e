import ArgumentParser
import ZoneCore
import ZoneStore

struct ImportPeople: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "people",
        abstract: "Columns: 姓名,身份证号,手机号,单位,编制类型,档案职务,档案职级,领导职务级别,人员状态[,参加工作时间].")

    @OptionGroup var options: SheetOptions

    @OptionGroup var source: ImportFile

    func run() async throws {
        let table = try source.table()
        try await Import.run(options.database.db, zone: options.zone) { store, zoneID in
            try await store.people.importSheet(table, zoneID: zoneID, actor: "cli").count
        }
    }
}
