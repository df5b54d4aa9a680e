/// 潍坊's 薪酬包: each department gets 基本工资包 + 绩效奖励包 sized by the headcount hired into its
/// posts, and the department value coefficient scales the part named by `coefficientScales`.
public struct DepartmentPackages: Sendable, Equatable {
    public var sizedBy: Sizing
    public var coefficientScales: ScaledPart

    public init(sizedBy: Sizing, coefficientScales: ScaledPart) {
        self.sizedBy = sizedBy
        self.coefficientScales = coefficientScales
    }

    public enum Sizing: String, CaseIterable, Sendable {
        /// 根据部门单位实施聘任体系的人数核定.
        case headcount
    }

    public enum ScaledPart: String, CaseIterable, Sendable {
        /// Only 绩效奖励包 follows the coefficient; 基本工资包 stays as sized.
        case performance
        /// The whole package follows the coefficient.
        case whole
    }
}

extension DepartmentPackages {
    init?(reading r: PolicyReader) {
        let sizing = r.keyword("sized_by", Sizing.self)
        let scales = r.keyword("coefficient_scales", ScaledPart.self)
        guard let sizing, let scales else { return nil }
        self.init(sizedBy: sizing, coefficientScales: scales)
    }
}
