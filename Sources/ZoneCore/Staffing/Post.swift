/// A post in the catalogue (岗位): what it is, its level (分级), its kind (分类), its pay
/// coefficient, how many people it takes and for how long (聘期 1–3 years).
public struct Post: Identifiable, Hashable, Sendable, Codable {
    public var id: Int64
    public var unitID: Int64
    public var title: String
    /// 岗位层级 on the same 1…9 scale as archive ranks (see `ArchiveRankScale`), for 低职高聘/高职低聘.
    public var level: Int
    public var category: PostCategory
    /// Pay coefficient in thousandths (1.200 → 1200), integer so pay stays exact.
    public var payCoefficientMilli: Int
    public var requirements: String
    public var headcount: Int
    public var termYears: Int
    /// The leadership rank the post carries, counted against 领导职数 when filled.
    public var leadership: LeadershipRank?
    /// When the post exists (yyyy-MM-dd, either open-ended): posts are re-set every 1–3 years.
    public var validFrom: String?
    public var validTo: String?
    /// 停用 posts stay in the catalogue for history but take no new appointments.
    public var active: Bool
    public var version: Int

    public init(id: Int64, unitID: Int64, title: String, level: Int, category: PostCategory, payCoefficientMilli: Int,
                requirements: String, headcount: Int, termYears: Int, leadership: LeadershipRank?, validFrom: String? = nil, validTo: String? = nil,
                active: Bool = true, version: Int = 1) {
        self.id = id
        self.unitID = unitID
        self.title = title
        self.level = level
        self.category = category
        self.payCoefficientMilli = payCoefficientMilli
        self.requirements = requirements
        self.headcount = headcount
        self.termYears = termYears
        self.leadership = leadership
        self.validFrom = validFrom
        self.validTo = validTo
        self.active = active
        self.version = version
    }

    /// "1.200"
    public var payCoefficientText: String { FixedPoint.format(payCoefficientMilli, places: 3) }
}

/// 岗位分类 (仪征 "分类"): 招商 posts carry their own pay coefficient.
public enum PostCategory: String, CaseIterable, Codable, Sendable {
    case general = "综合"
    case investment = "招商"
    case enforcement = "执法"
    case technical = "技术"
    case service = "服务"
}
