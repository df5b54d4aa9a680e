/// How pay is made up and split (薪酬): base pay, where the performance fund comes from, how it is
/// divided among departments and people, and the limits on it. Sections a zone does not use are nil.
public struct PayRules: Sendable, Equatable {
    public var base: BaseSource
    /// 毕节: the fund is a multiple of the municipal civil-servant performance fund.
    public var performanceFund: PerformanceFund?
    /// 潍坊: 薪酬包 per department.
    public var departmentPackages: DepartmentPackages?
    /// 仪征 分级: post level → post coefficient; empty when levels do not set pay.
    public var postLevels: [PostLevel]
    /// 仪征 分类: 招商 posts (and others) carry their own coefficient.
    public var postCategories: PostCategoryCoefficients?
    /// 仪征: 一次性重奖 for major investment wins.
    public var oneOffRewards: OneOffRewardRule?
    /// 成都芯谷 工资总控.
    public var totalCap: TotalPayCap?
    /// How a person's share of a package follows the appraisal.
    public var individualShare: IndividualShareRule
    /// How money is split into integer fen.
    public var allocation: AllocationRule

    public init(base: BaseSource, performanceFund: PerformanceFund?, departmentPackages: DepartmentPackages?,
                postLevels: [PostLevel], postCategories: PostCategoryCoefficients?, oneOffRewards: OneOffRewardRule?,
                totalCap: TotalPayCap?, individualShare: IndividualShareRule, allocation: AllocationRule) {
        self.base = base
        self.performanceFund = performanceFund
        self.departmentPackages = departmentPackages
        self.postLevels = postLevels
        self.postCategories = postCategories
        self.oneOffRewards = oneOffRewards
        self.totalCap = totalCap
        self.individualShare = individualShare
        self.allocation = allocation
    }

    /// Where base pay comes from: the sealed archive grade/seniority (仪征 "以原来的身份、级别、工龄
    /// 等为参考") or the post held (以岗定薪).
    public enum BaseSource: String, CaseIterable, Sendable {
        case archive
        case post

        public var label: String {
            switch self {
            case .archive: "按档案职级与工龄"
            case .post: "按所聘岗位（以岗定薪）"
            }
        }
    }
}

extension PayRules {
    init?(reading r: PolicyReader, grades: GradeScheme?) {
        let base = r.keyword("base", BaseSource.self)
        // Optional sections: a section that fails to read has logged its problems, which already
        // refuse the file, so nil is all the caller needs here.
        let fund = r.optional("performance_fund")?.object(PerformanceFund.init(reading:))
        let packages = r.optional("department_packages")?.object(DepartmentPackages.init(reading:))
        let levels = r.optional("post_levels")?.postLevels() ?? []
        let categories = r.optional("post_categories")?.object(PostCategoryCoefficients.init(reading:))
        let rewards = r.optional("one_off_rewards")?.object(OneOffRewardRule.init(reading:))
        let cap = r.optional("total_cap")?.object(TotalPayCap.init(reading:))
        let share = r.object("individual_share") { IndividualShareRule(reading: $0, grades: grades) }
        let allocation = r.object("allocation", AllocationRule.init(reading:))
        guard let base, let share, let allocation else { return nil }
        self.init(base: base, performanceFund: fund, departmentPackages: packages, postLevels: levels,
                  postCategories: categories, oneOffRewards: rewards, totalCap: cap, individualShare: share,
                  allocation: allocation)
    }
}
