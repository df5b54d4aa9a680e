/// 月工作日志 completeness (毕节 "工作日志月报告制度"): the share of a month's working days on which
/// a person wrote a log, in tenths of a percent, for appraisal to use as a score part.
///
/// Working days come from the same holiday calendar as publicity periods (the stored notices),
/// so a Spring Festival month asks for fewer days. Days beyond the month's working days (weekend
/// overtime) do not raise completeness above 100%; a month without a log counts as 0.
public enum WorkLogCompleteness {
    public static func workingDays(in month: LedgerMonth, calendar: WorkingDays) -> Int {
        (1...CivilDate.daysIn(month: month.month, year: month.year)).count { day in
            calendar.isWorkingDay(CivilDate(year: month.year, month: month.month, day: day)!)
        }
    }

    /// Completeness over `months` given the days logged per month (missing months count as 0 days).
    public static func tenths(logged: [LedgerMonth: Int], months: [LedgerMonth], calendar: WorkingDays) -> Int? {
        let t = tally(logged: logged, months: months, calendar: calendar)
        return Percent.tenths(t.done, of: t.due)
    }

    /// Completeness of many people's logs together: everyone who keeps logs owes every month in
    /// which anyone logged, so a person's missing month lowers the rate.
    public static func tenths(of logs: [LedgerRecord], calendar: WorkingDays) -> Int? {
        let entries = logs.filter { $0.kind == .workLogs }
        let months = Set(entries.compactMap { LedgerMonth($0["month"]) }).sorted()
        var done = 0, due = 0
        for (_, own) in Dictionary(grouping: entries, by: \.personID) {
            var logged: [LedgerMonth: Int] = [:]
            for log in own { if let month = LedgerMonth(log["month"]) { logged[month, default: 0] += log.int("days") } }
            let t = tally(logged: logged, months: months, calendar: calendar)
            done += t.done
            due += t.due
        }
        return Percent.tenths(done, of: due)
    }

    static func tally(logged: [LedgerMonth: Int], months: [LedgerMonth], calendar: WorkingDays) -> (done: Int, due: Int) {
        var due = 0, done = 0
        for month in months {
            let days = workingDays(in: month, calendar: calendar)
            due += days
            done += min(logged[month] ?? 0, days)
        }
        return (done, due)
    }
}
