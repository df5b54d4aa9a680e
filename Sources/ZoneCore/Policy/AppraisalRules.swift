/// How people and departments are appraised (绩效考核): cycles, score weights, grades, the forced
/// distribution, the department value coefficient, consequences and publicity.
public struct AppraisalRules: Sendable, Equatable {
    public var cycles: [AppraisalCycle]
    public var weights: ScoreWeights
    public var grades: GradeScheme
    public var distribution: ForcedDistribution
    public var departmentCoefficient: DepartmentCoefficientRule
    public var consequences: [ConsequenceRule]
    /// 考核结果公示 length in working days; objections (申诉) are taken while it runs.
    public var publicityWorkingDays: Int

    public init(cycles: [AppraisalCycle], weights: ScoreWeights, grades: GradeScheme, distribution: ForcedDistribution,
                departmentCoefficient: DepartmentCoefficientRule, consequences: [ConsequenceRule], publicityWorkingDays: Int) {
        self.cycles = cycles
        self.weights = weights
        self.grades = grades
        self.distribution = distribution
        self.departmentCoefficient = departmentCoefficient
        self.consequences = consequences
        self.publicityWorkingDays = publicityWorkingDays
    }
}

/// The rhythm of appraisal (毕节: 月调度、季监测、半年评估、年度考核). Only the annual appraisal
/// grades people; the others feed it.
public enum AppraisalCycle: String, CaseIterable, Sendable {
    case monthlyDispatch = "monthly_dispatch"
    case quarterlyMonitoring = "quarterly_monitoring"
    case halfYearEvaluation = "half_year_evaluation"
    case annual

    public var label: String {
        switch self {
        case .monthlyDispatch: "月调度"
        case .quarterlyMonitoring: "季监测"
        case .halfYearEvaluation: "半年评估"
        case .annual: "年度考核"
        }
    }
}

extension AppraisalRules {
    init?(reading r: PolicyReader) {
        let cycles = r.list("cycles") { $0.keyword(AppraisalCycle.self) }
        if let cycles {
            r.value("cycles")?.requireNonEmptyUnique(cycles.map(\.rawValue))
            if !cycles.contains(.annual) {
                r.value("cycles")?.problem("须包含 annual（年度考核），等次与后果都按年度评定",
                                           "must include annual: grades and consequences are decided yearly")
            }
        }
        let weights = r.object("weights", ScoreWeights.init(reading:))
        // Grades first: the distribution and the consequences refer to them by key.
        let grades = r.value("grades")?.gradeScheme()
        let distribution = r.object("distribution") { ForcedDistribution(reading: $0, grades: grades) }
        let coefficient = r.object("department_coefficient", DepartmentCoefficientRule.init(reading:))
        let consequences = r.list("consequences") { value in
            value.object { ConsequenceRule(reading: $0, grades: grades, hasBottomBand: distribution.map { $0.bottom != nil }) }
        }
        let publicity = r.int("publicity_working_days", in: 1...30)
        guard let cycles, let weights, let grades, let distribution, let coefficient, let consequences, let publicity else {
            return nil
        }
        self.init(cycles: cycles, weights: weights, grades: grades, distribution: distribution,
                  departmentCoefficient: coefficient, consequences: consequences, publicityWorkingDays: publicity)
    }
}
