/// 潍坊滨海经济技术开发区 (seed 002, policies/weifang.yaml) as a demo zone entered by sheets.
///
/// The org tree is the seed's: "将原来的48个部门单位整合压减为19个“大部门”和4个经济发展一线经济服务部门". The seed
/// names 17 大部门; with the "人大工作室、政协工作室" it sets up they make the 19 (the demo's reading, see
/// policies/README §5). The 4 frontline bodies are its "法定机构+集团公司" pairs (国有资产管理局 + 国有资本投资运营集团,
/// 合作发展促进局 + 招商发展集团, 金融管理局 + 金融控股集团, 旅游局 + 旅游集团), the 6 parks its 开发服务中心 ("把原来8个园区
/// 整合为6个园区"), and the 2 streets the ones it keeps ("保留央子街道党委、办事处和大家洼街道党委、办事处").
/// Examples, not in the seed: every quota, the 72 people, the ranks left blank, the value coefficients (the seed
/// gives only their range, "一般在0.5—1.5之间", set by 人力资源部 from workload and difficulty), the KPI actuals and the pool.
public enum DemoWeifang {
    public static let zoneCode = "weifang"
    public static let zoneName = "潍坊滨海经济技术开发区"
    /// 寒亭区, 寿光市, 昌邑市.
    static let regions = ["370703", "370783", "370786"]

    /// The 17 大部门 the seed names, then the two 工作室 (key, name, economic, people).
    static let departments: [(String, String, Bool, Int)] = [
        ("dangzheng", "党政办公室", false, 3), ("renli", "人力资源部", false, 3), ("xuanchuan", "宣传文化和群团工作部", false, 2),
        ("jigongwei", "纪工委", false, 2), ("zhengfa", "政法委", false, 2), ("jingji", "经济运行和科技商务局", true, 3),
        ("guotu", "国土规建局", true, 3), ("shehui", "社会事业局", false, 3), ("chengguan", "城管交通局", false, 2),
        ("caizheng", "财政管理局", true, 3), ("shenji", "审计监督局", false, 2), ("nonglin", "农林水海管理局", true, 2),
        ("anquan", "安全生产监督管理局", false, 2), ("shenpi", "行政审批局", true, 3), ("zhifa", "综合行政执法局", false, 3),
        ("shichang", "市场监督管理局", false, 2), ("sige", "“四个滨海”建设协调推进办公室", true, 2),
        ("renda", "人大工作室", false, 2), ("zhengxie", "政协工作室", false, 2),
    ]
    /// The 法定机构 + 集团公司 pairs.
    static let frontline: [(String, String, String)] = [
        ("guozi", "国有资产管理局", "潍坊滨海国有资本投资运营集团有限公司"), ("hezuo", "合作发展促进局", "潍坊滨海招商发展集团有限公司"),
        ("jinrong", "金融管理局", "潍坊滨海金融控股集团有限公司"), ("lvyou", "旅游局", "潍坊滨海旅游集团有限公司"),
    ]
    static let parks: [(String, String)] = [
        ("zhongyang", "中央城区开发服务中心"), ("lvdu", "旅游度假区开发服务中心"), ("huagong", "绿色化工园开发服务中心"),
        ("haigang", "海港经济区开发服务中心"), ("zhongwai", "中外合作产业园（滨海产业园）开发服务中心"), ("zhizao", "先进制造业产业园开发服务中心"),
    ]
    static let streets: [(String, String)] = [("yangzi", "央子街道党委、办事处"), ("dajiawa", "大家洼街道党委、办事处")]

    public static let units: [DemoZone.UnitSpec] = {
        var out: [DemoZone.UnitSpec] = [
            .init(key: "zone", parentKey: nil, name: zoneName, kind: .zone, orgType: .government, funding: nil, rank: "", isEconomic: false,
                  quota: 0, staffed: 0, contract: 0),
            .init(key: "committee", parentKey: "zone", name: "党工委、管委会", kind: .committee, orgType: .government, funding: .full, rank: "",
                  isEconomic: false, quota: 50, staffed: 2, contract: 0, sectionLeaderPosts: 38, category: .administrative,
                  document: "《潍坊滨海经济技术开发区体制机制改革方案》 2017年"),
        ]
        for (key, name, economic, people) in departments {
            out.append(.init(key: key, parentKey: "committee", name: name, kind: .department, orgType: .government, funding: .full, rank: "",
                             isEconomic: economic, quota: 0, staffed: people, contract: 0, category: .administrative))
        }
        for (key, name, company) in frontline {
            out.append(.init(key: key, parentKey: "committee", name: name, kind: .statutory, orgType: .statutory, funding: .full, rank: "",
                             isEconomic: true, quota: 3, staffed: 2, contract: 0))
            out.append(.init(key: key + "_group", parentKey: key, name: company, kind: .company, orgType: .stateEnterprise, funding: nil, rank: "",
                             isEconomic: true, quota: 0, staffed: 0, contract: 0))
        }
        for (key, name) in parks {
            out.append(.init(key: key, parentKey: "zone", name: name, kind: .park, orgType: .statutory, funding: .full, rank: "",
                             isEconomic: true, quota: 3, staffed: 2, contract: 0))
        }
        for (key, name) in streets {
            out.append(.init(key: key, parentKey: "zone", name: name, kind: .department, orgType: .government, funding: .full, rank: "",
                             isEconomic: false, quota: 3, staffed: 2, contract: 0, sectionLeaderPosts: 2, category: .administrative))
        }
        return out
    }()

    /// Value coefficients (‰) for the 19 + 4 departments: heavier, harder work higher ("工作任务重、工作量大、工作难度高,
    /// 价值系数就会相对高"). Examples within the seed's 0.5–1.5; every other unit takes 1.000.
    static let coefficients: [String: Int] = [
        "dangzheng": 1_000, "renli": 1_000, "xuanchuan": 800, "jigongwei": 900, "zhengfa": 800, "jingji": 1_500, "guotu": 1_400,
        "shehui": 1_100, "chengguan": 1_100, "caizheng": 1_200, "shenji": 900, "nonglin": 1_000, "anquan": 1_200, "shenpi": 1_300,
        "zhifa": 1_200, "shichang": 1_000, "sige": 1_300, "renda": 500, "zhengxie": 500,
        "guozi": 1_300, "hezuo": 1_500, "jinrong": 1_300, "lvyou": 1_200,
    ]

    public static let zone = DemoSheetZone(
        code: zoneCode, name: zoneName, units: units, people: DemoZone.people(seed: 20_180_1, units: units, regions: regions),
        approval: ChangeApproval(documentNo: "潍坊市委全面深化改革领导小组第二十九次会议审议通过（示例文号）", approvedOn: CivilDate(year: 2017, month: 11, day: 30),
                                 summary: "滨海区体制机制改革：48个部门单位整合为19个大部门和4个经济发展一线部门（编制数为示例）"),
        hrName: "人力资源部 孙丽", leaderName: "党工委管委会 刘振东",
        // "确保2018年元旦前人员整合到位": the 全员聘任 of December 2017.
        round: DemoRound.Plan(name: "2017年全员岗位聘任", deadline: CivilDate(year: 2017, month: 12, day: 10)!,
                              publicityEnds: CivilDate(year: 2017, month: 12, day: 22)!, validFrom: "2018-01-01", seed: 20_171_2, promoted: 0, demoted: 0),
        // "确保从2018年第一季度开始施行新的绩效考核和薪酬办法": the first KPI year is 2018.
        year: DemoSheetZone.Year(year: 2018, zoneActuals: [2_150, 960, 9_380, 0], coefficients: coefficients, poolFen: 1_440_000_00))
}
