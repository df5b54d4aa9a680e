import ArgumentParser
import Foundation
import ZoneCore
import ZoneStore

/// `zonedesk holidays`: the holiday calendar publicity periods count on. Each November the State
/// Council publishes next year's notice; `template` writes the year's statutory days as a starting
/// file, the clerk adds the notice's bridging days and 调休上班 Saturdays, and `import` loads it.
struct Holidays: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "节假日安排 / the holiday calendar: list it, write a year's template, import a year's State Council notice.",
        subcommands: [List.self, Template.self, Load.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the loaded notices, and say which years fall back to the statutory days.")

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let store = try await Store.open(DatabaseLocation(database.db))
            let stored: [HolidayRepository.Stored]
            let today = store.clock.today
            do { stored = try await store.holidays.all() } catch {
                try? await store.close()
                throw error
            }
            try await store.close()
            for item in stored {
                let notice = item.notice
                print("\(notice.year)年：\(notice.source)（放假 \(notice.daysOff.count) 天，调休上班 \(notice.makeUpWorkdays.count) 天；"
                      + "\(item.loadedBy) 导入于 \(item.loadedAt)） / \(notice.year): \(notice.daysOff.count) days off, "
                      + "\(notice.makeUpWorkdays.count) make-up workdays")
                for day in notice.days { print("  \(day.date) \(day.kind.label) \(day.name)") }
            }
            let loaded = Set(stored.map(\.notice.year))
            for year in [today.year, today.year + 1] where !loaded.contains(year) {
                print("\(year)年节假日安排尚未导入，公示截止日按法定节日推算，可能需调整 / no notice loaded for \(year): "
                      + "publicity periods count the statutory days only and may need adjusting")
            }
        }
    }

    struct Template: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write a year's template (CSV): its statutory days, to complete from the notice.")

        @Option(name: .long, help: "Year, e.g. 2027.")
        var year: Int

        @Option(name: [.short, .long], help: "Output CSV file (default: standard output).")
        var output: String?

        func run() throws {
            guard HolidayNoticeImport.years.contains(year) else {
                print("年度应在\(HolidayNoticeImport.years.lowerBound)–\(HolidayNoticeImport.years.upperBound)之间 / "
                      + "the year must be within \(HolidayNoticeImport.years.lowerBound)–\(HolidayNoticeImport.years.upperBound)")
                throw ExitCode(2)
            }
            let csv = CSVTable.rendered(header: HolidayNoticeImport.columns, rows: HolidayNoticeImport.template(year: year))
            guard let output else { return print(csv, terminator: "") }
            try csv.write(toFile: output, atomically: true, encoding: .utf8)
            print("已写入 \(year) 年模板 \(output) / template written")
        }
    }

    /// Named `import` on the command line (`import` is a Swift keyword).
    struct Load: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Load a year's notice (CSV or .xlsx: \(HolidayNoticeImport.columns.joined(separator: ","))), replacing that year; all rows or none.")

        @OptionGroup var database: DatabaseOptions

        @OptionGroup var source: ImportFile

        func run() async throws {
            let sheet = HolidayNoticeImport(try source.table())
            guard let notice = sheet.notice else {
                print("导入被拒绝，未写入任何数据 / import refused, nothing written — \(sheet.errors.count) problem(s):")
                for error in sheet.errors { print("  " + error.description) }
                throw ExitCode(2)
            }
            let store = try await Store.open(DatabaseLocation(database.db))
            let previous: HolidayNotice?
            do { previous = try await store.holidays.load(notice, actor: "cli") } catch {
                try? await store.close()
                throw error
            }
            try await store.close()
            print("已导入 \(notice.year) 年节假日安排：放假 \(notice.daysOff.count) 天，调休上班 \(notice.makeUpWorkdays.count) 天"
                  + (previous == nil ? "" : "（替换原有安排）") + " / loaded \(notice.year): \(notice.daysOff.count) days off, "
                  + "\(notice.makeUpWorkdays.count) make-up workdays" + (previous == nil ? "" : " (replacing the previous one)"))
        }
    }
}
