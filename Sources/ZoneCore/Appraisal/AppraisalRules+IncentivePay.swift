extension AppraisalRules {
    /// Grades whose holders get no incentive pay (新余: 不及格 → 取消奖励性绩效工资), read from the
    /// policy's consequences — never hard-coded. Only rules that apply to everyone count here:
    /// one limited to some staff, or waiting on a refused re-assignment, is a proposal for a person
    /// to decide on, not a pay rule.
    ///
    /// ```swift
    /// xinyu.appraisal.gradesWithoutIncentivePay   // ["fail"]
    /// bijie.appraisal.gradesWithoutIncentivePay   // []
    /// ```
    public var gradesWithoutIncentivePay: Set<String> {
        Set(consequences.compactMap { rule -> String? in
            guard case let .grade(key) = rule.trigger, rule.action == .noIncentivePay, rule.staff.isEmpty,
                  !rule.onlyIfReassignmentRefused else { return nil }
            return key
        })
    }
}
