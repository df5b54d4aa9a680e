/// 仪征经济开发区 (seed 003, policies/yizheng.yaml) as a demo zone entered by sheets: 一区多园, "经济开发区+
/// 大数据产业园、汽车工业园、化工园区(新材料产业园)", the 一区 with its 大部制 内设机构 (行政审批局 and 综合执法局 as the seed
/// proposes, "组建行政审批局和综合执法局") and each park's 管理办 with its own 员额 cap ("核定各园员额上限") and its 招商,
/// 项目建设 and 企业服务 departments ("对招商引资、项目建设、企业服务等事务性部门进行差别化人员配备"); 招商 posts carry their
/// own pay coefficient ("区别招商引资岗和其它岗位性质,确定不同的薪酬系数"). The shape follows docs/examples/yizheng-units.csv,
/// with each park's departments named after their park so the register sheet can name them. The 综合执法局's people
/// keep their 行政 身份 ("除安全生产、生态环境监管等行政执法类人员保留身份外"); the others' are sealed in their archives.
/// Examples, not in the seed (a 政协 research group's recommendation): every cap and quota, the 45 people, the
/// 管理办 departments' names, the KPI actuals and the pool.
public enum DemoYizheng {
    public static let zoneCode = "yizheng"
    public static let zoneName = "仪征经济开发区"
    /// 仪征市.
    static let regions = ["321081"]

    /// Each park: key, name, 员额 cap (example), and its departments' people.
    static let parks: [(String, String, Int, [Int])] = [
        ("dashuju", "大数据产业园", 40, [3, 3, 3]), ("qiche", "汽车工业园", 60, [4, 3, 3]), ("huagong", "化工园区（新材料产业园）", 80, [4, 3, 3, 3]),
    ]
    static let parkDepartments = ["招商服务部", "项目建设部", "企业服务部", "安全环保部"]

    public static let units: [DemoZone.UnitSpec] = {
        var out: [DemoZone.UnitSpec] = [
            .init(key: "committee", parentKey: nil, name: "仪征经济开发区党工委（管委会）", kind: .committee, orgType: .government, funding: .full,
                  rank: "正处级", isEconomic: true, quota: 20, staffed: 0, contract: 0, sectionLeaderPosts: 14, document: "示例：仪政发〔2020〕1号 2020-06-30"),
        ]
        for (key, name, economic) in [("dangzheng", "党政办公室", false), ("jingfa", "经济发展局", true), ("caishen", "财政审计局", false),
                                      ("zuzhi", "组织人事局", false), ("shenpi", "行政审批局", false)] {
            out.append(.init(key: key, parentKey: "committee", name: name, kind: .department, orgType: .government, funding: .full,
                             rank: "正科级", isEconomic: economic, quota: 0, staffed: 2, contract: 0))
        }
        out.append(.init(key: "zhifa", parentKey: "committee", name: "综合执法局", kind: .department, orgType: .government, funding: .full,
                         rank: "正科级", isEconomic: false, quota: 6, staffed: 3, contract: 0, category: .administrative))
        for (key, park, cap, people) in parks {
            out.append(.init(key: key, parentKey: "committee", name: park + "管理办", kind: .park, orgType: .institution, funding: .full,
                             rank: "副处级", isEconomic: true, quota: cap, staffed: 0, contract: 0, sectionLeaderPosts: 2 * people.count,
                             category: .postCap, document: "示例：仪政发〔2020〕2号 2020-06-30"))
            for (index, count) in people.enumerated() {
                out.append(.init(key: "\(key)_\(index)", parentKey: key, name: park + parkDepartments[index], kind: .department,
                                 orgType: .institution, funding: .full, rank: "正科级", isEconomic: index < 3, quota: 0, staffed: count,
                                 contract: 0, category: .postCap))
            }
        }
        out.append(.init(key: "company", parentKey: "committee", name: "开发区投资发展公司", kind: .company, orgType: .stateEnterprise, funding: nil,
                         rank: "", isEconomic: true, quota: 0, staffed: 0, contract: 0, document: "示例"))
        return out
    }()

    public static let zone = DemoSheetZone(
        code: zoneCode, name: zoneName, units: units, people: DemoZone.people(seed: 20_220_3, units: units, regions: regions),
        approval: ChangeApproval(documentNo: "示例：仪编〔2022〕3号", approvedOn: CivilDate(year: 2022, month: 1, day: 10),
                                 summary: "一区多园：一区大部制内设机构，三园管理办核定员额上限（数字为示例）"),
        hrName: "组织人事局 钱芳", leaderName: "党工委管委会 陈志刚",
        round: DemoRound.Plan(name: "2022年各园员额内竞聘上岗", deadline: CivilDate(year: 2022, month: 2, day: 25)!,
                              publicityEnds: CivilDate(year: 2022, month: 3, day: 8)!, validFrom: "2022-03-01", seed: 20_220_2, promoted: 0, demoted: 0,
                              investmentUnits: Set(parks.map { "\($0.0)_0" }),
                              payLevels: [.division: "管理办主任", .deputyDivision: "管理办副主任", .section: "部门负责人", .deputySection: "主管"],
                              basePayLevel: "普通职工"),
        year: DemoSheetZone.Year(year: 2022, zoneActuals: [1_680, 1_020, 9_260, 0], poolFen: 960_000_00))
}
