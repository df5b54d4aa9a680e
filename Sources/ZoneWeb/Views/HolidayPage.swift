import ZoneCore
import ZoneStore

/// The holiday calendar as loaded: which notices are in force, each year's days, and — for this year
/// and next — a plain warning when the notice is missing and periods count the statutory days only.
struct HolidayPage {
    let stored: [HolidayRepository.Stored]
    let today: CivilDate
    let principal: Principal

    static let weekdays = ["", "周一", "周二", "周三", "周四", "周五", "周六", "周日"]

    var html: HTML {
        let loaded = Set(stored.map(\.notice.year))
        let missing = [today.year, today.year + 1].filter { !loaded.contains($0) }
        return HTML.tag("div") {
            for year in missing {
                Components.flash("\(year)年节假日安排尚未导入，公示截止日按法定节日推算，可能需调整。", kind: "warn")
            }
            HTML.tag("div", ["class": "card"]) {
                HTML.tag("p", ["class": "hint"]) {
                    "公示期按工作日计算：跳过周末与放假日，调休上班日计入。每年按国务院办公厅“关于部分节假日安排的通知”导入；"
                        + "尚未导入通知的年度按《全国年节及纪念日放假办法》的法定节日推算（元旦、春节4天、清明、劳动节2天、端午、中秋、国庆3天），"
                        + "调休无法预知。"
                }
                HTML.tag("table", ["class": "grid"]) {
                    HTML.tag("tr") { for h in ["年度", "通知", "放假", "调休上班", "导入人", "导入时间"] { HTML.tag("th") { h } } }
                    for item in stored.reversed() {
                        HTML.tag("tr") {
                            HTML.tag("td") { HTML.tag("a", ["href": "#year-\(item.notice.year)"]) { "\(item.notice.year)" } }
                            HTML.tag("td") { item.notice.source }
                            HTML.tag("td", ["class": "num"]) { "\(item.notice.daysOff.count)天" }
                            HTML.tag("td", ["class": "num"]) { "\(item.notice.makeUpWorkdays.count)天" }
                            HTML.tag("td") { item.loadedBy }
                            HTML.tag("td") { item.loadedAt }
                        }
                    }
                }
            }
            for year in missing {
                days("\(year)年（尚未导入，按法定节日推算）", id: year,
                     StatutoryHolidays.days(in: year).map { HolidayNotice.Day(date: $0.date, kind: .off, name: $0.name) })
            }
            for item in stored.reversed() where item.notice.year >= today.year - 1 {
                days("\(item.notice.year)年", id: item.notice.year, item.notice.days)
            }
        }
    }

    private func days(_ title: String, id: Int, _ days: [HolidayNotice.Day]) -> HTML {
        HTML.tag("div", ["class": "card", "id": "year-\(id)"]) {
            HTML.tag("h2") { title }
            HTML.tag("table", ["class": "grid"]) {
                HTML.tag("tr") { for h in ["日期", "星期", "安排", "节日"] { HTML.tag("th") { h } } }
                for day in days {
                    HTML.tag("tr") {
                        HTML.tag("td") { day.date.description }
                        HTML.tag("td") { Self.weekdays[day.date.weekday] }
                        HTML.tag("td") { Components.tag(day.kind.label, kind: day.kind == .off ? "ok" : "warn") }
                        HTML.tag("td") { day.name }
                    }
                }
            }
        }
    }
}
