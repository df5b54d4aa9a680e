import Foundation

/// The lunar festivals' Gregorian dates, from Foundation's Chinese calendar (ICU's, computed
/// astronomically for Beijing, as the 紫金山天文台 tables are).
enum LunarFestivals {
    /// 正月初一, 五月初五 and 八月十五 of the lunar year that begins in Gregorian `year`.
    static func dates(in year: Int) -> (springFestival: CivilDate, dragonBoat: CivilDate, midAutumn: CivilDate) {
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        var chinese = Calendar(identifier: .chinese)
        chinese.timeZone = zone
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = zone
        // 1 July always lies in the lunar year whose first day falls in January or February of `year`.
        let midyear = gregorian.date(from: DateComponents(year: year, month: 7, day: 1, hour: 12))!
        let cycle = chinese.dateComponents([.era, .year], from: midyear)
        func gregorianDate(month: Int, day: Int) -> CivilDate {
            var lunar = DateComponents(era: cycle.era, year: cycle.year, month: month, day: day, hour: 12)
            lunar.isLeapMonth = false
            let parts = gregorian.dateComponents([.year, .month, .day], from: chinese.date(from: lunar)!)
            return CivilDate(year: parts.year!, month: parts.month!, day: parts.day!)!
        }
        return (gregorianDate(month: 1, day: 1), gregorianDate(month: 5, day: 5), gregorianDate(month: 8, day: 15))
    }
}
