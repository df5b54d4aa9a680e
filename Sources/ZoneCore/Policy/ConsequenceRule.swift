/// A consequence of appraisal results, as the policy states it: "when this happens, propose
/// that". The system proposes; a person decides and the decision is recorded — nothing here is
/// ever applied by itself (SPEC §C).
public struct ConsequenceRule: Sendable, Equatable {
    public var trigger: Trigger
    public var action: Action
    /// Staff kinds the rule is limited to (事业 for the 30-day contract rule); empty = everyone.
    public var staff: [StaffCategory]
    /// Proposed only after the person has refused a re-assignment (潍坊: 又不服从岗位调整安排的).
    public var onlyIfReassignmentRefused: Bool

    public init(trigger: Trigger, action: Action, staff: [StaffCategory] = [], onlyIfReassignmentRefused: Bool = false) {
        self.trigger = trigger
        self.action = action
        self.staff = staff
        self.onlyIfReassignmentRefused = onlyIfReassignmentRefused
    }

    /// What in a person's appraisal history sets the rule off.
    public enum Trigger: Sendable, Equatable {
        /// The annual grade is this grade (by key).
        case grade(String)
        /// This grade in `years` consecutive annual appraisals.
        case consecutiveGrade(String, years: Int)
        /// In the bottom band (末位) of the comparison group this year.
        case bottomOfYear
        /// In the bottom band in every year of a post term (潍坊).
        case bottomEveryYearOfTerm
        /// The term's work goals were not met (潍坊: 未完成聘期工作目标).
        case termGoalsMissed

        /// The `when:` word in the file.
        public var keyword: TriggerKind {
            switch self {
            case .grade: .grade
            case .consecutiveGrade: .consecutiveGrade
            case .bottomOfYear: .bottomOfYear
            case .bottomEveryYearOfTerm: .bottomEveryYearOfTerm
            case .termGoalsMissed: .termGoalsMissed
            }
        }
    }

    /// The words a file may use for `when:`.
    public enum TriggerKind: String, CaseIterable, Sendable {
        case grade
        case consecutiveGrade = "consecutive_grade"
        case bottomOfYear = "bottom_of_year"
        case bottomEveryYearOfTerm = "bottom_every_year_of_term"
        case termGoalsMissed = "term_goals_missed"
    }

    /// What is proposed.
    public enum Action: Sendable, Equatable {
        /// 取消奖励性绩效工资 (新余).
        case noIncentivePay
        /// 交流或解聘 (新余: 连续两年不及格).
        case exchangeOrDismissal
        /// 转岗 to a post not above the current rank (潍坊).
        case reassign
        /// 辞聘: end the post appointment (潍坊).
        case resignPost
        /// 末位淘汰: leave the post for 待岗 and a new round (仪征 刚性淘汰).
        case removeFromPost
        /// The unit *may* end the contract with written notice (事业单位人事管理条例: 30 days).
        case mayEndContract(noticeDays: Int)

        /// The `then:` word in the file.
        public var keyword: ActionKind {
            switch self {
            case .noIncentivePay: .noIncentivePay
            case .exchangeOrDismissal: .exchangeOrDismissal
            case .reassign: .reassign
            case .resignPost: .resignPost
            case .removeFromPost: .removeFromPost
            case .mayEndContract: .mayEndContract
            }
        }

        public var label: String {
            switch self {
            case .noIncentivePay: "取消奖励性绩效工资"
            case .exchangeOrDismissal: "交流或解聘"
            case .reassign: "转岗（不高于原职级岗位）"
            case .resignPost: "辞聘"
            case .removeFromPost: "末位淘汰，离岗待岗"
            case .mayEndContract(let days): "可提前\(days)日书面通知解除聘用合同"
            }
        }
    }

    /// The words a file may use for `then:`.
    public enum ActionKind: String, CaseIterable, Sendable {
        case noIncentivePay = "no_incentive_pay"
        case exchangeOrDismissal = "exchange_or_dismissal"
        case reassign
        case resignPost = "resign_post"
        case removeFromPost = "remove_from_post"
        case mayEndContract = "may_end_contract"
    }
}

extension ConsequenceRule {
    /// Reads one rule. `grade` and `years` belong to grade triggers, `notice_days` to
    /// `may_end_contract`; writing them elsewhere is refused rather than ignored, since an ignored
    /// field reads as a rule that is not there. `hasBottomBand` is nil when the distribution itself
    /// could not be read.
    init?(reading r: PolicyReader, grades: GradeScheme?, hasBottomBand: Bool?) {
        let when = r.keyword("when", TriggerKind.self)
        let then = r.keyword("then", ActionKind.self)
        let staffValue = r.optional("staff")
        let staff = staffValue?.list { $0.keyword(StaffCategory.self) } ?? []
        if let staffValue { staffValue.requireNonEmptyUnique(staff.map(\.rawValue)) }
        let refused = r.optional("only_if_reassignment_refused")?.bool() ?? false

        let grade = r.dependent("grade", applies: when.map { $0 == .grade || $0 == .consecutiveGrade },
                                "仅用于 when: grade 或 consecutive_grade", "only applies to when: grade or consecutive_grade") {
            $0.gradeReference(in: grades)
        }
        let years = r.dependent("years", applies: when.map { $0 == .consecutiveGrade },
                                "仅用于 when: consecutive_grade", "only applies to when: consecutive_grade") {
            $0.int(in: 2...10)
        }
        let noticeDays = r.dependent("notice_days", applies: then.map { $0 == .mayEndContract },
                                     "仅用于 then: may_end_contract", "only applies to then: may_end_contract") {
            $0.int(in: 1...365)
        }
        if when == .bottomOfYear || when == .bottomEveryYearOfTerm, hasBottomBand == false {
            r.value("when")?.problem("appraisal.distribution 未设 bottom（末位比例），无法判断末位",
                                     "needs appraisal.distribution.bottom to know who is at the bottom")
        }

        let trigger: Trigger? = switch when {
        case .grade: grade.map { .grade($0) }
        case .consecutiveGrade: grade.flatMap { g in years.map { .consecutiveGrade(g, years: $0) } }
        case .bottomOfYear: .bottomOfYear
        case .bottomEveryYearOfTerm: .bottomEveryYearOfTerm
        case .termGoalsMissed: .termGoalsMissed
        case nil: nil
        }
        let action: Action? = switch then {
        case .noIncentivePay: .noIncentivePay
        case .exchangeOrDismissal: .exchangeOrDismissal
        case .reassign: .reassign
        case .resignPost: .resignPost
        case .removeFromPost: .removeFromPost
        case .mayEndContract: noticeDays.map { .mayEndContract(noticeDays: $0) }
        case nil: nil
        }
        guard let trigger, let action else { return nil }
        self.init(trigger: trigger, action: action, staff: staff, onlyIfReassignmentRefused: refused)
    }
}
