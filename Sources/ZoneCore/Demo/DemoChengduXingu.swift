/// 成都芯谷发展服务局 (seed 004, policies/chengdu-xingu.yaml) as a demo zone entered by sheets: a 法定机构
/// ("撤销成都芯谷管委会,依法设立发展服务局,登记为机关法人") with "员额总控+岗位管理" and no 编制 ("取消编制管理"), and its
/// "规划建设部、战略研究部等6个内设机构". Its register sheet holds the "涉改机关事业身份人员20人" it resettled, their old
/// 身份 sealed in their archives; its first round both lets them compete for posts ("积极推行岗位竞聘") and hires the
/// "紧缺专业人才25名" by 社会招聘 ("通过公开选聘、猎头招聘等方式面向全球引进"), who join the register on 员额 places when the
/// round is confirmed: 45 people in all.
/// Examples, not in the seed: the 员额 total and 科级领导职数, four of the six departments' names, who works where,
/// the recruits (born 1987–1995, for the seed's "平均年龄31岁"), the KPI actuals, the pool, and the 2020 双流区 average
/// pay and base pay total the 工资总控 check uses. The "副局长3名" chosen from the district are not modelled.
public enum DemoChengduXingu {
    public static let zoneCode = "chengdu-xingu"
    public static let zoneName = "成都芯谷发展服务局"
    /// 双流区, 武侯区, 成华区.
    static let regions = ["510116", "510107", "510108"]

    /// key, name, resettled people, recruits.
    static let departments: [(String, String, Int, Int)] = [
        ("guihua", "规划建设部", 4, 5), ("zhanlue", "战略研究部", 4, 5), ("chanye", "产业促进部", 3, 4),
        ("qiye", "企业服务部", 3, 4), ("zonghe", "综合管理部", 3, 4), ("caiwu", "财务审计部", 3, 3),
    ]

    public static let units: [DemoZone.UnitSpec] = [
        .init(key: "bureau", parentKey: nil, name: zoneName, kind: .statutory, orgType: .statutory, funding: nil, rank: "", isEconomic: true,
              quota: 50, staffed: 0, contract: 0, sectionLeaderPosts: 12, category: .postCap,
              document: "《成都芯谷产业功能区管理暂行办法》（成都市人民政府令第209号） 2020-12-29"),
    ] + departments.map { key, name, resettled, _ -> DemoZone.UnitSpec in
        .init(key: key, parentKey: "bureau", name: name, kind: .department, orgType: .statutory, funding: nil, rank: "", isEconomic: true,
              quota: 0, staffed: resettled, contract: 0, category: .postCap)
    }

    /// The 25 recruits, each department's 社会招聘 post with its candidates and their written scores.
    static let recruits: [DemoRound.Recruit] = {
        let pool = DemoZone.people(seed: 20_210_1, units: [
            .init(key: "recruits", parentKey: nil, name: "招聘", kind: .institution, orgType: .statutory, funding: nil, rank: "", isEconomic: true,
                  quota: 0, staffed: 200, contract: 0),
        ], regions: regions).map(\.person).filter { (1987...1995).contains(Int($0.birthDate.prefix(4)) ?? 0) }
        var next = 0
        return departments.map { key, name, _, count -> DemoRound.Recruit in
            let candidates = pool[next..<next + count].enumerated().map { index, p in
                ValidCandidate(identity: PersonalIdentity(name: p.name, idNumber: p.idNumber, gender: p.gender, birthDate: p.birthDate, phone: p.phone),
                               score: 8_000 + (next + index) * 53 % 1_700)
            }
            next += count
            return DemoRound.Recruit(unitKey: key, title: "紧缺专业人才（\(name)）", level: ArchiveRankScale.level(ofArchiveRank: "三级主任科员")!,
                                     candidates: candidates)
        }
    }()

    public static let zone = DemoSheetZone(
        code: zoneCode, name: zoneName, units: units, people: DemoZone.people(seed: 20_210_2, units: units, regions: regions),
        approval: ChangeApproval(documentNo: "成都市人民政府令第209号", approvedOn: CivilDate(year: 2020, month: 12, day: 29),
                                 summary: "设立成都芯谷发展服务局（法定机构），实行员额总控，不使用编制（员额数为示例）"),
        hrName: "综合管理部 何静", leaderName: "发展服务局 局长 唐睿",
        // "2021年1月20日正式挂牌运行": the posts start that day.
        round: DemoRound.Plan(name: "2021年发展服务局岗位竞聘和紧缺专业人才招聘", deadline: CivilDate(year: 2021, month: 1, day: 8)!,
                              publicityEnds: CivilDate(year: 2021, month: 1, day: 19)!, validFrom: "2021-01-20", seed: 20_210_3,
                              promoted: 0, demoted: 0, recruits: recruits),
        year: DemoSheetZone.Year(year: 2021, zoneActuals: [2_300, 1_150, 9_500, 0], poolFen: 1_350_000_00,
                                 cap: DemoSheetZone.Cap(averagePayFen: 105_000_00, baseTotalFen: 4_320_000_00)))
}
