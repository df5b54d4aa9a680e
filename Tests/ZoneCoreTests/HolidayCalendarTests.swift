import Testing
import ZoneCore

private func date(_ text: String) -> CivilDate { try! CivilDate(parsing: text) }

/// The statutory holidays every year has by law, before any State Council notice is loaded.
@Suite("Statutory holidays")
struct StatutoryHolidayTests {
    /// 清明 of 2000–2030 as published (紫金山天文台): the solar term's Beijing day, 4 or 5 April.
    @Test func qingmingFollowsTheSolarTerm() {
        let fifth: Set<Int> = [2001, 2002, 2003, 2005, 2006, 2007, 2010, 2011, 2014, 2015, 2018, 2019, 2022, 2023, 2026, 2027, 2030]
        for year in 2000...2030 {
            let qingming = StatutoryHolidays.days(in: year).first { $0.name == "清明节" }?.date
            #expect(qingming == CivilDate(year: year, month: 4, day: fifth.contains(year) ? 5 : 4), "\(year)")
        }
    }

    /// The lunar festivals against the 2025 and 2026 notices and the known 2027 dates.
    @Test func lunarFestivalsFallOnTheKnownDays() {
        func day(_ year: Int, _ name: String) -> [String] {
            StatutoryHolidays.days(in: year).filter { $0.name.contains(name) }.map(\.date.description)
        }
        #expect(day(2025, "春节") == ["2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31"])
        #expect(day(2026, "春节") == ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19"])
        #expect(day(2027, "春节") == ["2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08"])
        #expect(day(2025, "端午") == ["2025-05-31"] && day(2026, "端午") == ["2026-06-19"] && day(2027, "端午") == ["2027-06-09"])
        #expect(day(2025, "中秋") == ["2025-10-06"] && day(2026, "中秋") == ["2026-09-25"] && day(2027, "中秋") == ["2027-09-15"])
        #expect(day(2027, "清明") == ["2027-04-05"])
    }

    /// Thirteen days a year since the 2024 amendment; 中秋 on 3 October 2028 shares a day with 国庆.
    @Test func theLawGivesThirteenDays() {
        #expect(StatutoryHolidays.days(in: 2027).map(\.date.description) == [
            "2027-01-01", "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-04-05", "2027-05-01", "2027-05-02",
            "2027-06-09", "2027-09-15", "2027-10-01", "2027-10-02", "2027-10-03",
        ])
        let shared = StatutoryHolidays.days(in: 2028).filter { $0.date == date("2028-10-03") }
        #expect(shared.map(\.name) == ["中秋节、国庆节"] && StatutoryHolidays.days(in: 2028).count == 12)
        // Before 2025: 春节 was 初一至初三 and 劳动节 one day.
        #expect(StatutoryHolidays.days(in: 2024).filter { $0.name == "春节" }.first?.date == date("2024-02-10"))
        #expect(StatutoryHolidays.days(in: 2024).count == 11)
    }
}

@Suite("Working days without a notice")
struct WorkingDaysFallbackTests {
    /// December 2026: a 公示 from 2026-12-31 no longer counts 元旦 2027 as a working day.
    @Test func newYear2027IsNeverAWorkingDay() {
        let calendar = WorkingDays(notices: [])
        #expect(!calendar.isWorkingDay(date("2027-01-01")))
        #expect(calendar.end(of: 5, after: date("2026-12-31")) == date("2027-01-08"))
        #expect(calendar.estimateWarning(from: date("2026-12-31"), through: date("2027-01-08"))
                == "2026年、2027年节假日安排尚未导入，公示截止日按法定节日推算，可能需调整")
        // A plain calendar is weekends only (the statutory fallback belongs to the notice-built one).
        #expect(WorkingDays().isWorkingDay(date("2027-01-01")))
    }

    /// A loaded notice decides its year; other years still fall back to the law.
    @Test func aNoticeDecidesItsYearOnly() {
        let notice = HolidayNotice(year: 2027, source: "测试通知", days: [
            .init(date: date("2027-01-01"), kind: .off, name: "元旦"), .init(date: date("2027-01-04"), kind: .off, name: "元旦"),
            .init(date: date("2027-01-09"), kind: .work, name: "元旦"),
        ])
        let calendar = WorkingDays(notices: [notice])
        #expect(!calendar.isWorkingDay(date("2027-01-04")) && calendar.isWorkingDay(date("2027-01-09")))
        #expect(!calendar.isWorkingDay(date("2028-01-01")))
        #expect(calendar.yearsWithoutNotice(from: date("2027-12-30"), through: date("2028-01-06")) == [2028])
        #expect(calendar.estimateWarning(from: date("2027-01-05"), through: date("2027-01-12")) == nil)
    }
}

@Suite("Holiday notice files")
struct HolidayNoticeImportTests {
    static let header = "日期,安排,节日,通知文号\n"

    static func statutoryRows(_ year: Int, source: String = "国办发明电〔2026〕1号") -> String {
        HolidayNoticeImport.template(year: year).map { ($0.dropLast() + [source]).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    @Test func aCompleteFileLoads() throws {
        let text = Self.header + Self.statutoryRows(2027) + "2027-01-02,放假,元旦,国办发明电〔2026〕1号\n2027-02-20,上班,春节,国办发明电〔2026〕1号\n"
        let sheet = HolidayNoticeImport(try CSVTable(parsing: text))
        #expect(sheet.errors.isEmpty)
        let notice = try #require(sheet.notice)
        #expect(notice.year == 2027 && notice.source == "国办发明电〔2026〕1号")
        #expect(notice.daysOff.count == 14 && notice.makeUpWorkdays == [date("2027-02-20")])
    }

    @Test func everyProblemIsListedAndNothingLoads() throws {
        let rows = Self.statutoryRows(2027).split(separator: "\n").dropFirst().joined(separator: "\n") + "\n"
        let text = Self.header + rows + """
            2027-02-22,上班,春节,国办发明电〔2026〕1号
            2027-02-21,休息,春节,国办发明电〔2026〕1号
            2027-02-21,放假,春节,国办发明电〔2026〕1号
            2028-01-01,放假,元旦,国办发明电〔2026〕1号
            2027-03-01,放假,,另一通知
            2027-13-01,放假,元旦,国办发明电〔2026〕1号

            """
        let sheet = HolidayNoticeImport(try CSVTable(parsing: text))
        #expect(sheet.notice == nil)
        let messages = sheet.errors.map(\.description)
        #expect(messages.contains { $0.contains("2027-01-01（元旦）未列为放假") })
        #expect(messages.contains { $0.contains("2027-02-22 不是周六或周日") })
        #expect(messages.contains { $0.contains("应为“放假”或“上班”，实际为“休息”") })
        #expect(messages.contains { $0.contains("2027-02-21 与第") })
        #expect(messages.contains { $0.contains("一个文件只能是一个年度") })
        #expect(messages.contains { $0.contains("节日：必填") })
        #expect(messages.contains { $0.contains("一个文件只能是一份通知") })
        #expect(messages.contains { $0.contains("日期格式应为") })
        let missing = HolidayNoticeImport(try CSVTable(parsing: "日期,安排\n2027-01-01,放假\n"))
        #expect(missing.errors.map(\.description) == ["第1行 节日：缺少必需的列", "第1行 通知文号：缺少必需的列"])
    }
}
