/// 招商项目 through signed → started → producing, counted by the date each stage was reached.
///
/// Reports compare the same months of two years ("1-11月签约项目…同比增长5.6%"), so a period is
/// a year up to and including a month; `yearOverYear` compares it with the same months a year before.
public struct ProjectPipeline: Sendable {
    public enum Stage: String, CaseIterable, Sendable {
        case signed, started, producing

        public var label: String {
            switch self {
            case .signed: "签约"
            case .started: "开工"
            case .producing: "投产"
            }
        }
    }

    /// The stage dates of each project.
    let projects: [[Stage: CivilDate]]

    public init(_ records: [LedgerRecord]) {
        projects = records.filter { $0.kind == .projects }.map { record in
            var dates: [Stage: CivilDate] = [:]
            for stage in Stage.allCases { dates[stage] = record.date(stage.rawValue) }
            return dates
        }
    }

    /// Projects that reached `stage` from January 1 to the end of `throughMonth` of `year`.
    public func count(_ stage: Stage, year: Int, throughMonth: Int = 12) -> Int {
        projects.count { dates in
            guard let date = dates[stage] else { return false }
            return date.year == year && date.month <= throughMonth
        }
    }

    public func yearOverYear(_ stage: Stage, year: Int, throughMonth: Int = 12) -> YearOverYear {
        YearOverYear(previous: count(stage, year: year - 1, throughMonth: throughMonth),
                     current: count(stage, year: year, throughMonth: throughMonth))
    }

    /// Every year in which some project reached some stage, ascending.
    public var years: [Int] { Set(projects.flatMap { $0.values.map(\.year) }).sorted() }
}
