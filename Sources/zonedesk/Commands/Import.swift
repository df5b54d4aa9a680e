import ArgumentParser
import Foundation
import ZoneCore
import ZoneStore

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import people from a CSV sheet: all rows or none, with a row-by-row error report.",
        subcommands: [People.self])

    struct People: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Columns: 姓名,身份证号,手机号,单位,编制类型,档案职务,档案职级,领导职务级别,人员状态 (UTF-8).")

        @OptionGroup var database: DatabaseOptions

        @Option(name: .long, help: "Zone code, e.g. bijie.")
        var zone: String

        @Argument(help: "CSV file.")
        var file: String

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                print("无法读取文件或文件不是 UTF-8 编码 / cannot read file as UTF-8: \(file)")
                throw ExitCode(2)
            }
            let table: CSVTable
            do { table = try CSVTable(parsing: text) } catch {
                print("文件格式错误 / malformed file: \(error.message)")
                throw ExitCode(2)
            }
            let store = try await Store.open(DatabaseLocation(database.db))
            let outcome: Result<[Person], PeopleImport.Refused>
            do {
                guard let zoneRecord = try await store.zones.find(code: zone) else {
                    try await store.close()
                    print("园区不存在 / no such zone: \(zone)")
                    throw ExitCode(2)
                }
                outcome = .success(try await store.people.importSheet(table, zoneID: zoneRecord.id, actor: "cli"))
            } catch let refused as PeopleImport.Refused {
                outcome = .failure(refused)
            }
            try await store.close()
            switch outcome {
            case .success(let people):
                print("已导入 \(people.count) 人 / imported \(people.count) people")
            case .failure(let refused):
                print("导入被拒绝，未写入任何数据 / import refused, nothing written — \(refused.errors.count) problem(s):")
                for error in refused.errors { print("  " + error.description) }
                throw ExitCode(2)
            }
        }
    }
}
