/// One year's 国务院办公厅关于部分节假日安排的通知 as data: every day off (the statutory days and the
/// days bridged to a weekend) and every weekend day worked in exchange (调休上班), with the festival's name.
/// The security of publicity periods rests on it, so it is loaded from the notice each November
/// (`HolidayNoticeImport`), stored, shown and audited rather than written into code.
public struct HolidayNotice: Sendable, Equatable {
    public enum Kind: String, CaseIterable, Sendable {
        case off
        case work

        public var label: String {
            switch self {
            case .off: "放假"
            case .work: "上班"
            }
        }

        public init?(label: String) {
            guard let kind = Self.allCases.first(where: { $0.label == label }) else { return nil }
            self = kind
        }
    }

    public struct Day: Sendable, Equatable {
        public let date: CivilDate
        public let kind: Kind
        /// The festival the day belongs to (a make-up Saturday names the festival it pays for).
        public let name: String

        public init(date: CivilDate, kind: Kind, name: String) {
            self.date = date
            self.kind = kind
            self.name = name
        }
    }

    public let year: Int
    /// The notice it comes from (文号 or title), shown on the calendar page.
    public let source: String
    /// In date order.
    public let days: [Day]

    public init(year: Int, source: String, days: [Day]) {
        self.year = year
        self.source = source
        self.days = days.sorted { $0.date < $1.date }
    }

    public var daysOff: [CivilDate] { days.filter { $0.kind == .off }.map(\.date) }
    public var makeUpWorkdays: [CivilDate] { days.filter { $0.kind == .work }.map(\.date) }
}
