/// Proposes the consequences a zone's policy attaches to appraisal results (SPEC §C), from this
/// year's result and the person's earlier final results. It only proposes: a person decides and
/// the decision is recorded; nothing is applied by itself.
///
/// ```swift
/// // 新余: 不及格 this year and last → 交流或解聘; 不及格 this year → 取消奖励性绩效工资
/// let proposals = ConsequenceProposals.propose(rules: xinyu.appraisal, year: 2025, people: [
///     .init(personID: 7, staff: .institutional, current: .init(year: 2025, gradeKey: "fail", bottomBand: true),
///           history: [.init(year: 2024, gradeKey: "fail", bottomBand: false)])])
/// proposals.map(\.action)   // [.noIncentivePay, .exchangeOrDismissal]
/// ```
///
/// `term_goals_missed` (潍坊 未完成聘期工作目标) is not decided by scores, so it is never proposed here;
/// the office raises it by hand. `bottom_every_year_of_term` needs the year the person's current
/// term started and is proposed only when every year since then was in the bottom band.
public enum ConsequenceProposals {
    public struct YearResult: Sendable, Equatable {
        public var year: Int
        public var gradeKey: String
        public var bottomBand: Bool

        public init(year: Int, gradeKey: String, bottomBand: Bool) {
            self.year = year
            self.gradeKey = gradeKey
            self.bottomBand = bottomBand
        }
    }

    public struct Person: Sendable, Equatable {
        public var personID: Int64
        public var staff: StaffCategory
        public var current: YearResult
        /// Earlier final results, any order.
        public var history: [YearResult]
        public var termStartYear: Int?

        public init(personID: Int64, staff: StaffCategory, current: YearResult, history: [YearResult], termStartYear: Int? = nil) {
            self.personID = personID
            self.staff = staff
            self.current = current
            self.history = history
            self.termStartYear = termStartYear
        }
    }

    public struct Proposal: Sendable, Equatable {
        public var personID: Int64
        public var action: ConsequenceRule.Action
        /// Why, in the words of the rule: "连续2年考核为不合格".
        public var reason: String
    }

    public static func propose(rules: AppraisalRules, year: Int, people: [Person]) -> [Proposal] {
        var proposals: [Proposal] = []
        for person in people.sorted(by: { $0.personID < $1.personID }) {
            let byYear = Dictionary(person.history.map { ($0.year, $0) }, uniquingKeysWith: { first, _ in first })
                .merging([(year, person.current)], uniquingKeysWith: { _, current in current })
            for rule in rules.consequences {
                guard rule.staff.isEmpty || rule.staff.contains(person.staff) else { continue }
                guard var reason = reason(rule.trigger, year: year, byYear: byYear, termStart: person.termStartYear, grades: rules.grades) else {
                    continue
                }
                if rule.onlyIfReassignmentRefused { reason += "，且本人不服从岗位调整安排时" }
                proposals.append(Proposal(personID: person.personID, action: rule.action, reason: reason))
            }
        }
        return proposals
    }

    static func reason(_ trigger: ConsequenceRule.Trigger, year: Int, byYear: [Int: YearResult], termStart: Int?,
                       grades: GradeScheme) -> String? {
        let label = { (key: String) in grades[key]?.label ?? key }
        switch trigger {
        case let .grade(key):
            return byYear[year]?.gradeKey == key ? "\(year)年度考核为\(label(key))" : nil
        case let .consecutiveGrade(key, years):
            let run = (0..<years).allSatisfy { byYear[year - $0]?.gradeKey == key }
            return run ? "连续\(years)年（\(year - years + 1)–\(year)）考核为\(label(key))" : nil
        case .bottomOfYear:
            return byYear[year]?.bottomBand == true ? "\(year)年度考核排在比较组末位" : nil
        case .bottomEveryYearOfTerm:
            guard let termStart, termStart <= year else { return nil }
            let every = (termStart...year).allSatisfy { byYear[$0]?.bottomBand == true }
            return every ? "本聘期内（\(termStart)–\(year)）各年度考核均排在末位" : nil
        case .termGoalsMissed:
            return nil
        }
    }
}
