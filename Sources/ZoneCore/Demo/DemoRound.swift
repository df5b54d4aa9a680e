/// 毕节's 全员竞聘上岗 of November 2022 (seed 000: "11月份,组织全部档案封存人员参加部门(单位)岗位工作
/// 人员全员竞聘上岗,产生6名“低职高聘”、2名“高职低聘”工作人员"): every 编内 person, whose archive is
/// sealed, competes for a post in their own unit. Most compete for the post matching their archive
/// post and rank; six 科员 compete for a 副科长 post above their archive rank and two 副科长 for a
/// 科员 post below theirs. The dual track counts then come out of the confirmed round, archive rank
/// against appointed post (`DualTrack`), as they would in a real zone. Who they are is illustrative:
/// the seed publishes the counts, not the names.
public enum DemoRound {
    public static let name = "2022年部门（单位）岗位工作人员全员竞聘上岗"
    /// The seed's 低职高聘 and 高职低聘.
    public static let promoted = 6, demoted = 2

    public struct PostSpec: Hashable, Sendable {
        public let unitID: Int64
        public let title: String
        public let level: Int
        public let leadership: LeadershipRank?
    }

    /// One post and the people competing for it (each person for exactly one post).
    public struct Offer: Sendable {
        public let post: PostSpec
        public var applicants: [Int64]
    }

    /// The 副科长 post's level: that of its usual archive rank, 二级主任科员.
    static let deputyLevel = ArchiveRankScale.level(ofArchiveRank: "二级主任科员")!
    /// The 科员 post a 副科长 is appointed below their rank to: 三级主任科员's level.
    static let clerkLevel = ArchiveRankScale.level(ofArchiveRank: "三级主任科员")!

    /// A demo zone's round: its dates, who competes above or below their archive rank, which posts are
    /// 招商 posts and what the policy's 分级 calls each post, and the 社会招聘 posts with their candidates.
    public struct Plan: Sendable {
        public let name: String
        public let deadline: CivilDate
        public let publicityEnds: CivilDate
        /// The posts' 有效期起.
        public let validFrom: String
        /// Exam and interview scores are drawn from it, so every demo is the same.
        public let seed: UInt64
        public let promoted: Int, demoted: Int
        /// Units (keys) whose posts are 招商 posts, paid at the policy's 招商 coefficient (仪征 分类).
        public var investmentUnits: Set<String> = []
        /// The policy's 分级 for a post with each leadership rank, and for a post with none (仪征 分级);
        /// unused where the policy has no post levels.
        public var payLevels: [LeadershipRank: String] = [:]
        public var basePayLevel: String?
        public var recruits: [Recruit] = []
    }

    /// A 社会招聘 post of the round and everyone who applied for it, all hired.
    public struct Recruit: Sendable {
        public let unitKey: String
        public let title: String
        public let level: Int
        public let candidates: [ValidCandidate]
    }

    /// 毕节's round: its posts re-set on 1 November, applications until 20 November, the result public until the 29th.
    public static let bijie = Plan(name: name, deadline: CivilDate(year: 2022, month: 11, day: 20)!, publicityEnds: CivilDate(year: 2022, month: 11, day: 29)!,
                                   validFrom: "2022-11-01", seed: 20_221_1, promoted: promoted, demoted: demoted)

    /// The posts of the round with their applicants, in the order of `people` (register order):
    /// `promoted` 科员 compete a post above, `demoted` 副科长 a post below their archive rank.
    /// 编外 people (none in 毕节) and archive ranks off the scale take no part.
    public static func offers(_ people: [Person], promoted: Int = promoted, demoted: Int = demoted) -> [Offer] {
        var promotedLeft = promoted, demotedLeft = demoted
        var offers: [Offer] = []
        var index: [PostSpec: Int] = [:]
        var titles: Set<String> = []
        for person in people where person.establishment != .contract {
            guard let level = ArchiveRankScale.level(ofArchiveRank: person.archiveRank) else { continue }
            var post = PostSpec(unitID: person.unitID, title: person.archivePost, level: level, leadership: person.leadership)
            if person.leadership == nil, person.archivePost == "科员", level < deputyLevel, promotedLeft > 0 {
                post = PostSpec(unitID: person.unitID, title: "副科长", level: deputyLevel, leadership: nil)
                promotedLeft -= 1
            } else if person.leadership == nil, person.archivePost == "副科长", level > clerkLevel, demotedLeft > 0 {
                post = PostSpec(unitID: person.unitID, title: "科员", level: clerkLevel, leadership: nil)
                demotedLeft -= 1
            }
            if let i = index[post] {
                offers[i].applicants.append(person.id)
            } else {
                index[post] = offers.count
                offers.append(Offer(post: uniquelyTitled(post, taken: &titles), applicants: [person.id]))
            }
        }
        return offers
    }

    /// A catalogue holds one post of a title per unit (`PostImport` refuses a second), so a post of the same
    /// title at another level, or with another leadership rank, is named with it: 科员（岗位层级3）.
    static func uniquelyTitled(_ post: PostSpec, taken: inout Set<String>) -> PostSpec {
        let candidates = [post.title, "\(post.title)（岗位层级\(post.level)）", "\(post.title)（岗位层级\(post.level)，\(post.leadership?.rawValue ?? "非领导")）"]
        let title = candidates.first { !taken.contains("\(post.unitID)|\($0)") } ?? candidates[2]
        taken.insert("\(post.unitID)|\(title)")
        return PostSpec(unitID: post.unitID, title: title, level: post.level, leadership: post.leadership)
    }
}
