/// Why an appraisal computation was refused, naming the person, indicator, group or department
/// involved. ``message`` is zh-CN first (the users' language), then English for logs and scripts.
/// Positions (`person`, `indicator`, `department`) are indices into the arrays the caller passed.
public enum AppraisalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A catalogue indicator is malformed.
    case invalidIndicator(index: Int, IndicatorProblem)
    /// A person's entries name an indicator outside the catalogue.
    case unknownIndicator(person: Int, indicator: Int32)
    /// A person's weighted indicators do not weigh 100 together.
    case indicatorWeights(person: Int, total: Int)
    /// The policy's part weights (KPI, 360, leader, work log) do not sum to 100.
    case partWeights(total: Int)
    /// A part score is outside 0–100.00.
    case partOutOfRange(person: Int, part: String, value: Int32)
    /// A person score is outside 0–100.00.
    case scoreOutOfRange(person: Int, score: Int32)
    /// A person's comparison group is outside `0 ..< groupCount`.
    case unknownGroup(person: Int, group: Int32)
    /// An approval names a group outside `0 ..< groupCount`.
    case unknownApprovedGroup(Int32)
    /// The tie rule names seniority (档案工龄) but none was given.
    case seniorityMissing
    /// Seniority is in whole months, 0–65535.
    case seniorityOutOfRange(person: Int, months: Int32)
    /// The distribution names a grade the scheme does not have.
    case unknownGrade(String)
    /// Coefficients are assigned by leadership in this policy, not derived from scores.
    case coefficientsAreAssigned
    /// A department coefficient lies outside the policy's range.
    case coefficientOutOfRange(department: Int, value: Double, range: ClosedRange<Double>)
    /// A score band's coefficient lies outside the policy's range.
    case bandOutOfRange(value: Double, range: ClosedRange<Double>)

    /// What is wrong with one catalogue indicator.
    public enum IndicatorProblem: Equatable, Sendable {
        /// A weighted rule needs a weight of 1–100.
        case weightOutOfRange(Int)
        /// Bonus, penalty and veto items weigh 0.
        case weightOnItem(Int)
        /// Targets are 1 … ``IndicatorRule/maxTarget``.
        case targetOutOfRange(Int64)
        /// Caps are 100–300 percent of the target's points.
        case capOutOfRange(Int)
        /// Steps must be non-empty, best first, with strictly falling minimums.
        case stepsNotDescending
        /// Points (and item maximums) are 0–100.00; per-item points are positive.
        case pointsOutOfRange(Int32)
    }

    public var message: String {
        switch self {
        case let .invalidIndicator(index, problem):
            "第 \(index) 项指标\(problem.chinese) / indicator \(index): \(problem.english)"
        case let .unknownIndicator(person, indicator):
            "人员 \(person) 的指标 \(indicator) 不在指标库中 / person \(person) names unknown indicator \(indicator)"
        case let .indicatorWeights(person, total):
            "人员 \(person) 的指标权重合计应为100，实际为\(total) / person \(person): indicator weights must sum to 100, got \(total)"
        case let .partWeights(total):
            "考核得分构成权重合计应为100，实际为\(total) / score part weights must sum to 100, got \(total)"
        case let .partOutOfRange(person, part, value):
            "人员 \(person) 的\(part)得分 \(ScoreScale.text(value)) 超出 0–100 / person \(person): \(part) score \(ScoreScale.text(value)) outside 0–100"
        case let .scoreOutOfRange(person, score):
            "人员 \(person) 的得分 \(ScoreScale.text(score)) 超出 0–100 / person \(person): score \(ScoreScale.text(score)) outside 0–100"
        case let .unknownGroup(person, group):
            "人员 \(person) 的比较组 \(group) 不存在 / person \(person) is in unknown comparison group \(group)"
        case let .unknownApprovedGroup(group):
            "经批准提高优秀比例的比较组 \(group) 不存在 / approval names unknown comparison group \(group)"
        case .seniorityMissing:
            "并列排序规则含档案工龄，但未提供工龄 / the tie rule uses seniority but none was given"
        case let .seniorityOutOfRange(person, months):
            "人员 \(person) 的工龄 \(months) 个月超出 0–65535 / person \(person): seniority \(months) months outside 0–65535"
        case let .unknownGrade(key):
            "等次 \(key) 未定义 / undefined grade \(key)"
        case .coefficientsAreAssigned:
            "本政策的部门价值系数由党工委管委会审定，不按得分换算 / this policy assigns department coefficients; they are not derived from scores"
        case let .coefficientOutOfRange(department, value, range):
            "部门 \(department) 的价值系数 \(value) 超出 \(range.lowerBound)–\(range.upperBound) / department \(department): coefficient \(value) outside \(range.lowerBound)–\(range.upperBound)"
        case let .bandOutOfRange(value, range):
            "得分档的价值系数 \(value) 超出 \(range.lowerBound)–\(range.upperBound) / band coefficient \(value) outside \(range.lowerBound)–\(range.upperBound)"
        }
    }

    public var description: String { message }
}

extension AppraisalError.IndicatorProblem {
    public var chinese: String {
        switch self {
        case let .weightOutOfRange(weight): "的权重应在 1–100 之间，实际为 \(weight)"
        case let .weightOnItem(weight): "为加分、扣分或否决项，权重应为 0，实际为 \(weight)"
        case let .targetOutOfRange(target): "的目标值应为正数且不超过 \(IndicatorRule.maxTarget)，实际为 \(target)"
        case let .capOutOfRange(cap): "的封顶比例应在 100%–300% 之间，实际为 \(cap)%"
        case .stepsNotDescending: "的分档不能为空，且起点须由高到低严格递减"
        case let .pointsOutOfRange(points): "的分值 \(ScoreScale.text(points)) 超出 0–100"
        }
    }

    public var english: String {
        switch self {
        case let .weightOutOfRange(weight): "weight must be 1–100, got \(weight)"
        case let .weightOnItem(weight): "bonus, penalty and veto items weigh 0, got \(weight)"
        case let .targetOutOfRange(target): "target must be 1…\(IndicatorRule.maxTarget), got \(target)"
        case let .capOutOfRange(cap): "cap must be 100–300 percent, got \(cap)"
        case .stepsNotDescending: "steps must be non-empty with strictly falling minimums"
        case let .pointsOutOfRange(points): "points \(ScoreScale.text(points)) outside 0–100"
        }
    }
}
