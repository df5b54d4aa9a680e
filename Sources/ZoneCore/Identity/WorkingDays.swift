/// Working days for publicity periods (公示) and work-log months: Saturdays, Sundays and holidays are
/// skipped, make-up working weekends (调休上班) count.
///
/// Built from the stored State Council notices (`init(notices:)`), a year without a notice falls back
/// to the statutory days (`StatutoryHolidays`): 元旦 2027 is a day off before the 2027 notice is
/// loaded; only that year's 调休 is unknown, and `yearsWithoutNotice` lets a page say so.
/// `init(holidays:workingWeekends:)` is a plain calendar with exactly the listed exceptions.
///
/// ```swift
/// let calendar = WorkingDays(notices: storedNotices)
/// calendar.end(of: 5, after: CivilDate(year: 2026, month: 12, day: 31)!)   // 2027-01-08 without the 2027 notice
/// ```
public struct WorkingDays: Sendable {
    public var holidays: Set<CivilDate>
    public var workingWeekends: Set<CivilDate>
    /// Years whose notice is known; nil for a plain calendar that ignores the statutory days.
    public let noticeYears: Set<Int>?

    public init(holidays: Set<CivilDate> = [], workingWeekends: Set<CivilDate> = []) {
        self.holidays = holidays
        self.workingWeekends = workingWeekends
        noticeYears = nil
    }

    public init(notices: [HolidayNotice]) {
        holidays = Set(notices.flatMap(\.daysOff))
        workingWeekends = Set(notices.flatMap(\.makeUpWorkdays))
        noticeYears = Set(notices.map(\.year))
    }

    public func isWorkingDay(_ date: CivilDate) -> Bool {
        if workingWeekends.contains(date) { return true }
        if date.isWeekend || holidays.contains(date) { return false }
        guard let noticeYears, !noticeYears.contains(date.year) else { return true }
        return !StatutoryHolidays.isDayOff(date)
    }

    /// The last day of a period of `count` working days starting on the first working day after `start`
    /// (a notice published on Friday with 5 days runs Monday to Friday of the next week).
    public func end(of count: Int, after start: CivilDate) -> CivilDate {
        var day = start
        var left = count
        while left > 0 {
            day = day.adding(days: 1)
            if isWorkingDay(day) { left -= 1 }
        }
        return day
    }

    /// The years from `start` through `end` whose notice is not loaded: a period ending in them was
    /// counted on the statutory days alone and may move when the notice arrives.
    public func yearsWithoutNotice(from start: CivilDate, through end: CivilDate) -> [Int] {
        guard let noticeYears, start <= end else { return [] }
        return (start.year...end.year).filter { !noticeYears.contains($0) }
    }

    /// The page's sentence for those years, or nil when every one is loaded.
    public func estimateWarning(from start: CivilDate, through end: CivilDate) -> String? {
        let missing = yearsWithoutNotice(from: start, through: end)
        guard !missing.isEmpty else { return nil }
        return missing.map { "\($0)年" }.joined(separator: "、") + "节假日安排尚未导入，公示截止日按法定节日推算，可能需调整"
    }
}

extension CivilDate {
    /// Days since 1970-01-01 (civil-from-days algorithm, proleptic Gregorian).
    var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    init(daysSinceEpoch z0: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)!
    }

    public func adding(days: Int) -> CivilDate { CivilDate(daysSinceEpoch: daysSinceEpoch + days) }

    /// ISO weekday, 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday).
    public var weekday: Int { ((daysSinceEpoch % 7) + 7 + 3) % 7 + 1 }

    public var isWeekend: Bool { weekday >= 6 }
}
