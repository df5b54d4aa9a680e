import ZoneCore

/// A policy's consequence rule as one readable clause: "连续2年不合格（事业）→ 可提前30日书面通知解除聘用合同".
enum ConsequenceRulePhrase {
    static func text(_ rule: ConsequenceRule, grades: GradeScheme) -> String {
        let label = { (key: String) in grades[key]?.label ?? key }
        var when = switch rule.trigger {
        case .grade(let key): "年度考核为\(label(key))"
        case .consecutiveGrade(let key, let years): "连续\(years)年\(label(key))"
        case .bottomOfYear: "年度考核末位"
        case .bottomEveryYearOfTerm: "聘期内各年度均在末位"
        case .termGoalsMissed: "未完成聘期工作目标"
        }
        if !rule.staff.isEmpty { when += "（\(rule.staff.map(\.rawValue).joined(separator: "、"))）" }
        if rule.onlyIfReassignmentRefused { when += "且不服从岗位调整" }
        return "\(when) → \(rule.action.label)"
    }
}
