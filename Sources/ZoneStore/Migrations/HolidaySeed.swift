import ZoneCore

/// The State Council notices in force when the holiday calendar moved into the database (migration 13):
/// 2025 (国办发明电〔2024〕12号) and 2026 (the notice of 2025-11-04). Later years are loaded from the
/// notice's file (`zonedesk holidays import`, or the 节假日安排 page), never added here.
enum HolidaySeed {
    /// One festival: days off `first...last` (month, day) and the weekend days worked for it.
    private struct Festival {
        let name: String
        let first: (Int, Int)
        let last: (Int, Int)
        var working: [(Int, Int)] = []
    }

    private static let notices: [(year: Int, source: String, festivals: [Festival])] = [
        (2025, "国办发明电〔2024〕12号 国务院办公厅关于2025年部分节假日安排的通知", [
            Festival(name: "元旦", first: (1, 1), last: (1, 1)),
            Festival(name: "春节", first: (1, 28), last: (2, 4), working: [(1, 26), (2, 8)]),
            Festival(name: "清明节", first: (4, 4), last: (4, 6)),
            Festival(name: "劳动节", first: (5, 1), last: (5, 5), working: [(4, 27)]),
            Festival(name: "端午节", first: (5, 31), last: (6, 2)),
            Festival(name: "国庆节、中秋节", first: (10, 1), last: (10, 8), working: [(9, 28), (10, 11)]),
        ]),
        (2026, "国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）", [
            Festival(name: "元旦", first: (1, 1), last: (1, 3), working: [(1, 4)]),
            Festival(name: "春节", first: (2, 15), last: (2, 23), working: [(2, 14), (2, 28)]),
            Festival(name: "清明节", first: (4, 4), last: (4, 6)),
            Festival(name: "劳动节", first: (5, 1), last: (5, 5), working: [(5, 9)]),
            Festival(name: "端午节", first: (6, 19), last: (6, 21)),
            Festival(name: "中秋节", first: (9, 25), last: (9, 27)),
            Festival(name: "国庆节", first: (10, 1), last: (10, 7), working: [(9, 20), (10, 10)]),
        ]),
    ]

    /// INSERT statements for the two notices (literal values only: the migration runs as raw SQL),
    /// stamped with the migration's own UTC time.
    static func statements(_ backend: Backend) -> [String] {
        let now = switch backend {
        case .sqlite: "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
        case .postgres: #"to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')"#
        }
        return notices.flatMap { notice -> [String] in
            var rows: [String] = []
            for festival in notice.festivals {
                var day = date(notice.year, festival.first)
                while day <= date(notice.year, festival.last) {
                    rows.append("('\(day)', \(notice.year), 'off', '\(festival.name)')")
                    day = day.adding(days: 1)
                }
                rows += festival.working.map { "('\(date(notice.year, $0))', \(notice.year), 'work', '\(festival.name)')" }
            }
            return [
                "INSERT INTO holiday_notices (year, source, loaded_by, loaded_at) VALUES (\(notice.year), '\(notice.source)', 'migration', \(now))",
                "INSERT INTO holiday_days (day, year, kind, name) VALUES " + rows.joined(separator: ", "),
            ]
        }
    }

    private static func date(_ year: Int, _ monthDay: (Int, Int)) -> CivilDate {
        CivilDate(year: year, month: monthDay.0, day: monthDay.1)!
    }
}
