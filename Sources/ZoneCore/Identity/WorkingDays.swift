/// Working days for publicity periods (公示): Saturdays, Sundays and listed holidays are skipped.
/// Make-up working weekends (调休) can be given as `workingWeekends`.
public struct WorkingDays: Sendable {
    public var holidays: Set<CivilDate>
    public var workingWeekends: Set<CivilDate>

    public init(holidays: Set<CivilDate> = [], workingWeekends: Set<CivilDate> = []) {
        self.holidays = holidays
        self.workingWeekends = workingWeekends
    }

    public func isWorkingDay(_ date: CivilDate) -> Bool {
        if workingWeekends.contains(date) { return true }
        return !date.isWeekend && !holidays.contains(date)
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

    /// 1970-01-01 was a Thursday.
    public var isWeekend: Bool {
        let weekday = ((daysSinceEpoch % 7) + 7 + 3) % 7 // 0 = Monday
        return weekday >= 5
    }
}
