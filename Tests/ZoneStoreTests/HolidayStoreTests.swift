import Testing
import ZoneCore
@testable import ZoneStore

private func date(_ text: String) -> CivilDate { try! CivilDate(parsing: text) }

/// The holiday calendar in the database: the 2025 and 2026 notices are there from migration 13 and give
/// the answers the code table gave; a year's notice is replaced whole, audited, or not at all.
@Suite("Holiday calendar store")
struct HolidayStoreTests {
    /// The seeded notices: each festival's length as published, 调休上班 only on weekends, every statutory day off.
    @Test(arguments: TestDatabase.backends)
    func theSeededNoticesMatchThePublishedOnes(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { store in
            let stored = try await store.holidays.all()
            #expect(stored.map(\.notice.year) == [2025, 2026] && stored.allSatisfy { $0.loadedBy == "migration" })
            for item in stored {
                for day in item.notice.makeUpWorkdays { #expect(day.isWeekend, "\(day)") }
                let off = Set(item.notice.daysOff)
                for statutory in StatutoryHolidays.days(in: item.notice.year) { #expect(off.contains(statutory.date), "\(statutory.date)") }
            }
            #expect(stored.map { "\($0.notice.year):\($0.notice.daysOff.count)/\($0.notice.makeUpWorkdays.count)" } == ["2025:28/5", "2026:33/6"])
            let calendar = try await store.holidays.calendar()
            #expect(!calendar.isWorkingDay(date("2026-02-23")) && calendar.isWorkingDay(date("2026-01-04")))
            // 2026: Tuesday 09-29 → 09-30, 10-08, 10-09, 10-10 (make-up Saturday), 10-12.
            #expect(calendar.end(of: 5, after: date("2026-09-29")) == date("2026-10-12"))
            // 2025: Friday 09-26 → 09-28 (make-up Sunday), 09-29, 09-30, 10-09, 10-10.
            #expect(calendar.end(of: 5, after: date("2025-09-26")) == date("2025-10-10"))
            // 春节 2026: Friday 02-13 → 02-14 (make-up Saturday), then 02-24 … 02-27 after the nine days off.
            #expect(calendar.end(of: 5, after: date("2026-02-13")) == date("2026-02-27"))
        }
    }

    /// 2027-01-01 is a day off before the 2027 notice and after it; loading a year again replaces it
    /// whole, with an audit record each time.
    @Test(arguments: TestDatabase.backends)
    func aYearIsLoadedAndReplacedWhole(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { store in
            let before = try await store.holidays.calendar()
            #expect(!before.isWorkingDay(date("2027-01-01")))
            #expect(before.end(of: 5, after: date("2026-12-31")) == date("2027-01-08"))
            #expect(before.yearsWithoutNotice(from: date("2026-12-31"), through: date("2027-01-08")) == [2027])

            let statutory = StatutoryHolidays.days(in: 2027).map { HolidayNotice.Day(date: $0.date, kind: .off, name: $0.name) }
            let first = HolidayNotice(year: 2027, source: "第一版", days: statutory + [.init(date: date("2027-01-09"), kind: .work, name: "元旦")])
            #expect(try await store.holidays.load(first, actor: "sysadmin") == nil)
            let second = HolidayNotice(year: 2027, source: "第二版", days: statutory + [.init(date: date("2027-01-04"), kind: .off, name: "元旦")])
            #expect(try await store.holidays.load(second, actor: "sysadmin")?.source == "第一版")
            let after = try await store.holidays.calendar()
            #expect(!after.isWorkingDay(date("2027-01-01")) && !after.isWorkingDay(date("2027-01-04")) && !after.isWorkingDay(date("2027-01-09")))
            #expect(after.end(of: 5, after: date("2026-12-31")) == date("2027-01-11"))
            #expect(try await store.holidays.all().last?.notice == second)
            let audit = try await store.database.reader.raw(
                "SELECT actor, entity_id, detail FROM audit_log WHERE action = 'holidays.load' ORDER BY seq").all()
            #expect(try audit.map { try $0.decode(column: "detail", as: String.self) } == [
                "source=第一版; days_off=13; workdays=1; replaced=false", "source=第二版; days_off=14; workdays=0; replaced=true",
            ])
            #expect(try audit.allSatisfy { try $0.decode(column: "actor", as: String.self) == "sysadmin" && $0.decode(column: "entity_id", as: String.self) == "2027" })
        }
    }

    /// A load that fails part-way (two rows for one day reach the database) leaves the year as it was.
    @Test(arguments: TestDatabase.backends)
    func aFailedLoadWritesNothing(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { store in
            let kept = try #require(try await store.holidays.all().first { $0.notice.year == 2026 })
            let broken = HolidayNotice(year: 2026, source: "重复行", days: [.init(date: date("2026-01-01"), kind: .off, name: "元旦"),
                                                                        .init(date: date("2026-01-01"), kind: .off, name: "元旦")])
            await #expect(throws: (any Error).self) { try await store.holidays.load(broken, actor: "sysadmin") }
            #expect(try await store.holidays.all().first { $0.notice.year == 2026 } == kept)
            #expect(try await store.database.reader.raw("SELECT seq FROM audit_log WHERE action = 'holidays.load'").all().isEmpty)
        }
    }
}
