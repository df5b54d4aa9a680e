/// The State Council's yearly public-holiday arrangements (国务院办公厅关于部分节假日安排的通知):
/// each festival's days off and the weekend days worked in exchange (调休上班). They are data, not
/// a rule: the dates follow the lunar calendar and a yearly decision, so each November's notice is
/// added here as a few lines. Publicity periods (公示) count working days on this calendar, so a
/// notice published before 国庆 does not run out while everyone is on holiday.
///
/// ```swift
/// WorkingDays.prc.end(of: 5, after: CivilDate(year: 2026, month: 9, day: 29)!)   // 2026-10-12
/// ```
public enum PublicHolidays {
    /// One festival of one year: days off from `first` through `last`, and the weekend days worked.
    public struct Arrangement: Sendable {
        public let name: String
        public let first: CivilDate
        public let last: CivilDate
        public let makeUpWorkdays: [CivilDate]

        init(_ name: String, _ year: Int, _ first: (Int, Int), through last: (Int, Int), working: [(Int, Int)] = []) {
            self.name = name
            self.first = CivilDate(year: year, month: first.0, day: first.1)!
            self.last = CivilDate(year: year, month: last.0, day: last.1)!
            makeUpWorkdays = working.map { CivilDate(year: year, month: $0.0, day: $0.1)! }
        }

        public var daysOff: [CivilDate] {
            (0...(last.daysSinceEpoch - first.daysSinceEpoch)).map { first.adding(days: $0) }
        }
    }

    /// 国办发明电〔2024〕12号 (2024-11-12) for 2025, and the notice of 2025-11-04 for 2026.
    public static let arrangements: [Arrangement] = [
        .init("元旦", 2025, (1, 1), through: (1, 1)),
        .init("春节", 2025, (1, 28), through: (2, 4), working: [(1, 26), (2, 8)]),
        .init("清明节", 2025, (4, 4), through: (4, 6)),
        .init("劳动节", 2025, (5, 1), through: (5, 5), working: [(4, 27)]),
        .init("端午节", 2025, (5, 31), through: (6, 2)),
        .init("国庆节、中秋节", 2025, (10, 1), through: (10, 8), working: [(9, 28), (10, 11)]),
        .init("元旦", 2026, (1, 1), through: (1, 3), working: [(1, 4)]),
        .init("春节", 2026, (2, 15), through: (2, 23), working: [(2, 14), (2, 28)]),
        .init("清明节", 2026, (4, 4), through: (4, 6)),
        .init("劳动节", 2026, (5, 1), through: (5, 5), working: [(5, 9)]),
        .init("端午节", 2026, (6, 19), through: (6, 21)),
        .init("中秋节", 2026, (9, 25), through: (9, 27)),
        .init("国庆节", 2026, (10, 1), through: (10, 7), working: [(9, 20), (10, 10)]),
    ]
}

extension WorkingDays {
    /// The working-day calendar of mainland China: weekends, the listed holidays and make-up days.
    /// Years not yet listed fall back to plain weekends.
    public static let prc = WorkingDays(holidays: Set(PublicHolidays.arrangements.flatMap(\.daysOff)),
                                        workingWeekends: Set(PublicHolidays.arrangements.flatMap(\.makeUpWorkdays)))
}
