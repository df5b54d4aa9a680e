/// Puts archive ranks (档案职级) and post levels on one 1…9 scale, so the dual track (三分离)
/// can tell 低职高聘 (post above the sealed archive rank) from 高职低聘 (below).
///
/// Civil-service ranks (公务员职级), institution management and professional grades (事业单位
/// 管理岗/专技岗) and worker grades map to the same ladder; an unknown rank has no level and is
/// listed as such, never guessed.
public enum ArchiveRankScale {
    public static let maxLevel = 9

    static let levels: [String: Int] = [
        "一级科员": 1, "二级科员": 1, "四级主任科员": 2, "三级主任科员": 3, "二级主任科员": 4, "一级主任科员": 5,
        "四级调研员": 6, "三级调研员": 7, "二级调研员": 8, "一级调研员": 9,
        "管理岗十级": 1, "管理岗九级": 2, "管理岗八级": 3, "管理岗七级": 4, "管理岗六级": 5, "管理岗五级": 6,
        "专技岗十三级": 1, "专技岗十二级": 2, "专技岗十一级": 3, "专技岗十级": 4, "专技岗九级": 5, "专技岗八级": 6, "专技岗七级": 7,
        "技术工五级": 1, "技术工四级": 1, "技术工三级": 2, "技术工二级": 3, "技术工一级": 4,
    ]

    public static func level(ofArchiveRank rank: String) -> Int? { levels[rank] }

    /// 低职高聘 (+), 高职低聘 (−), or equal (0); nil when the archive rank is not on the scale.
    public static func gap(archiveRank: String, postLevel: Int) -> Int? {
        level(ofArchiveRank: archiveRank).map { postLevel - $0 }
    }
}
