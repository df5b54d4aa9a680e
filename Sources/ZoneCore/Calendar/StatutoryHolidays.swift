/// The days off the law fixes for every year (《全国年节及纪念日放假办法》), before the State Council's
/// yearly notice moves days around them: since the 2024 amendment (国务院令第795号, in force from 2025)
/// 元旦 1 day, 春节 4 days (除夕 and 正月初一至初三), 清明 1 day, 劳动节 2 days (1–2 May), 端午 1 day,
/// 中秋 1 day, 国庆 3 days (1–3 October). Until 2024 (国务院令第644号) 春节 was 初一至初三 and 劳动节 1 May only.
///
/// A year without a loaded notice counts these as days off, so a 公示 over 元旦 2027 does not count
/// 1 January as a working day; only the notice's 调休 (bridging days and make-up Saturdays) is unknown.
///
/// ```swift
/// StatutoryHolidays.days(in: 2027).first   // 2027-01-01 元旦
/// ```
public enum StatutoryHolidays {
    public struct Day: Sendable, Equatable {
        public let date: CivilDate
        public let name: String
    }

    /// The year's statutory days off in date order; a day two festivals share (中秋 on 1 October) is listed once.
    public static func days(in year: Int) -> [Day] {
        if let cached = table[year] { return cached }
        return compute(year)
    }

    /// Whether `date` is a statutory day off of its year.
    public static func isDayOff(_ date: CivilDate) -> Bool {
        if let cached = offDates[date.year] { return cached.contains(date) }
        return compute(date.year).contains { $0.date == date }
    }

    /// Years a publicity period or a work-log month can reach, computed once (a few hundred lunar conversions).
    private static let cachedYears = 2000...2100
    private static let table: [Int: [Day]] = Dictionary(uniqueKeysWithValues: cachedYears.map { ($0, compute($0)) })
    private static let offDates: [Int: Set<CivilDate>] = table.mapValues { Set($0.map(\.date)) }

    private static func compute(_ year: Int) -> [Day] {
        let lunar = LunarFestivals.dates(in: year)
        let amended = year >= 2025
        var days: [(CivilDate, String)] = [(CivilDate(year: year, month: 1, day: 1)!, "元旦")]
        let springStart = amended ? -1 : 0
        days += (springStart...2).map { (lunar.springFestival.adding(days: $0), "春节") }
        days.append((SolarTerm.qingming(year), "清明节"))
        days += (amended ? 1...2 : 1...1).map { (CivilDate(year: year, month: 5, day: $0)!, "劳动节") }
        days.append((lunar.dragonBoat, "端午节"))
        days.append((lunar.midAutumn, "中秋节"))
        days += (1...3).map { (CivilDate(year: year, month: 10, day: $0)!, "国庆节") }
        var merged: [CivilDate: String] = [:]
        for (date, name) in days { merged[date] = merged[date].map { $0 + "、" + name } ?? name }
        return merged.map { Day(date: $0.key, name: $0.value) }.sorted { $0.date < $1.date }
    }
}
