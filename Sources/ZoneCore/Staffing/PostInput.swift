/// Raw text of the post form, validated into a `Post` (id and version are the store's).
public struct PostInput: Sendable {
    public var unitID = ""
    public var title = ""
    public var level = ""
    public var category = ""
    public var payCoefficient = ""
    public var requirements = ""
    public var headcount = ""
    public var termYears = ""
    public var leadership = ""
    /// yyyy-MM-dd, either may be empty (open-ended).
    public var validFrom = ""
    public var validTo = ""

    public init() {}

    /// The form as it was last saved, for editing.
    public init(_ post: Post) {
        unitID = String(post.unitID)
        title = post.title
        level = String(post.level)
        category = post.category.rawValue
        payCoefficient = post.payCoefficientText
        requirements = post.requirements
        headcount = String(post.headcount)
        termYears = String(post.termYears)
        leadership = post.leadership?.rawValue ?? ""
        validFrom = post.validFrom ?? ""
        validTo = post.validTo ?? ""
    }

    /// `staffing` is the zone's policy (nil for a zone without one), whose `post_term_years` bounds 聘期.
    public func validate(knownUnits: Set<Int64>, staffing: StaffingRules?) -> Result<Post, FieldErrors> {
        var errors = FieldErrors()
        let unit = Int64(unitID.trimmingWhitespace())
        if unit == nil || !knownUnits.contains(unit!) { errors.add("unitID", unitID.isEmpty ? "必填" : "单位不存在") }
        let name = title.trimmingWhitespace()
        if name.isEmpty || name.count > 40 { errors.add("title", name.isEmpty ? "必填" : "岗位名称最多40字") }
        let lvl = Int(level.trimmingWhitespace())
        if lvl == nil || !(1...ArchiveRankScale.maxLevel).contains(lvl!) { errors.add("level", "岗位层级须为1–\(ArchiveRankScale.maxLevel)的整数") }
        let kind = PostCategory(rawValue: category.trimmingWhitespace())
        if kind == nil { errors.add("category", "岗位类别应为：" + PostCategory.allCases.map(\.rawValue).joined(separator: "/")) }
        let coefficient = FixedPoint.parse(payCoefficient, places: 3)
        if coefficient == nil || !(100...5000).contains(coefficient!) { errors.add("payCoefficient", "薪酬系数须在0.1–5.0之间，最多三位小数") }
        let count = Int(headcount.trimmingWhitespace())
        if count == nil || count! < 1 || count! > 999 { errors.add("headcount", "岗位数须为1–999的整数") }
        let term = Int(termYears.trimmingWhitespace())
        if let problem = StaffingRules.termProblem(term, under: staffing) { errors.add("termYears", problem) }
        let rank = LeadershipRank(rawValue: leadership.trimmingWhitespace())
        if !leadership.trimmingWhitespace().isEmpty && rank == nil { errors.add("leadership", "领导职务级别无效") }
        let from = Self.optionalDate(validFrom, field: "validFrom", errors: &errors)
        let to = Self.optionalDate(validTo, field: "validTo", errors: &errors)
        if let from, let to, to < from { errors.add("validTo", "有效期止不能早于有效期起") }
        guard errors.isEmpty, let unit, let lvl, let kind, let coefficient, let count, let term else { return .failure(errors) }
        return .success(Post(id: 0, unitID: unit, title: name, level: lvl, category: kind, payCoefficientMilli: coefficient,
                             requirements: requirements.trimmingWhitespace(), headcount: count, termYears: term, leadership: rank,
                             validFrom: from?.description, validTo: to?.description))
    }

    static func optionalDate(_ text: String, field: String, errors: inout FieldErrors) -> CivilDate? {
        guard !text.trimmingWhitespace().isEmpty else { return nil }
        return errors.capture(field) { () throws(ValidationError) in try CivilDate(parsing: text) }
    }
}
