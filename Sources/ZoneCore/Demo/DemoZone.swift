/// The 毕节高新区 demo: its org tree and 编制 as published (seed 000), and generated people.
///
/// 115 事业编制 = 党工委管委会 54 (shared by its 8 内设机构) + 园区企业服务中心 10
/// + 储能研发中心 40 + 纪工委 11, every one filled: "区直部门(单位)编制人员从456名减少到115名".
/// The register holds those 115 and nobody else: the seed diverts every 编外 person ("对1111名编外人员
/// 进行合理分流安置", placed in company posts) and names no 编外 staff kept, only that future ones are
/// hired openly ("编制外人员向社会公开招聘"). The seed's 24.7% is 115 over the 465 编制 the two former
/// zones' departments held *before* the reform, which no register holds any more; the zone enters
/// it in its policy (`seed_figures.retained_share`, see `ZonePolicy.establishmentBeforeReform`).
public struct DemoZone: Sendable {
    public struct UnitSpec: Sendable {
        public let key: String
        public let parentKey: String?
        public let name: String
        public let kind: UnitKind
        public let orgType: OrgType
        public let funding: Funding?
        public let rank: String
        public let isEconomic: Bool
        /// 事业编制 held by this unit (shared with its 内设机构 where they hold none).
        public let quota: Int
        /// 编制 people placed directly in this unit.
        public let staffed: Int
        /// 编外 people placed in this unit (毕节: none, see above).
        public let contract: Int
        /// 科级领导职数 held for the unit's subtree (毕节: 20 for the 内设机构).
        public var sectionLeaderPosts = 0
        /// The kind of 编制 the quota is and its people hold (毕节: all 事业编制).
        public var category: EstablishmentCategory = .institutional
        /// 设立文件与时间, for the zones whose org tree is entered as a 三定 sheet (`DemoSheets`).
        public var document = ""
    }

    public struct PersonSpec: Sendable {
        public let unitKey: String
        public let person: ValidPerson
    }

    public static let zoneCode = "bijie"
    public static let zoneName = "毕节高新技术产业开发区"

    public static let units: [UnitSpec] = [
        .init(key: "zone", parentKey: nil, name: "毕节高新技术产业开发区", kind: .zone, orgType: .government,
              funding: nil, rank: "正县级", isEconomic: false, quota: 0, staffed: 0, contract: 0),
        .init(key: "committee", parentKey: "zone", name: "党工委、管委会", kind: .committee, orgType: .government,
              funding: .full, rank: "正县级", isEconomic: false, quota: 54, staffed: 6, contract: 0, sectionLeaderPosts: 20),
        dept("dangzheng", "党政办公室", economic: false, staffed: 6),
        dept("zuzhi", "组织人事部", economic: false, staffed: 5),
        dept("guihua", "规划建设局", economic: true, staffed: 6),
        dept("fazhi", "法治事务办公室", economic: false, staffed: 5),
        dept("caizheng", "财政金融工作局", economic: true, staffed: 6),
        dept("chanye", "产业发展局", economic: true, staffed: 8),
        dept("anquan", "安全生产监督管理局", economic: false, staffed: 6),
        dept("keji", "科技创新局", economic: true, staffed: 6),
        .init(key: "service", parentKey: "zone", name: "园区企业服务中心", kind: .institution, orgType: .institution,
              funding: .full, rank: "正科级", isEconomic: true, quota: 10, staffed: 10, contract: 0),
        .init(key: "storage", parentKey: "zone", name: "国家能源大规模物理储能技术研发中心", kind: .institution,
              orgType: .institution, funding: .partial, rank: "正科级", isEconomic: true, quota: 40, staffed: 40,
              contract: 0),
        .init(key: "discipline", parentKey: "zone", name: "纪检监察工作委员会", kind: .discipline,
              orgType: .government, funding: .full, rank: "正科级", isEconomic: false, quota: 11, staffed: 11,
              contract: 0),
    ]

    private static func dept(_ key: String, _ name: String, economic: Bool, staffed: Int) -> UnitSpec {
        .init(key: key, parentKey: "committee", name: name, kind: .department, orgType: .government, funding: .full,
              rank: "正科级", isEconomic: economic, quota: 0, staffed: staffed, contract: 0)
    }

    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢龙")
    static let maleChars = Array("伟强磊军洋勇杰涛明超刚波斌宇浩凯鹏俊远轩睿诚")
    static let femaleChars = Array("芳娜敏静丽艳秀霞桂英玉兰红梅欣怡琪涵桐婷")
    static let neutralChars = Array("华平晨曦佳子雨思文")
    /// Mobile prefixes actually issued (so demo phones look real).
    static let phonePrefixes = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155",
                                "157", "158", "159", "166", "177", "180", "181", "182", "185", "186", "187", "188", "189", "199"]
    static let regions = ["520502", "520521", "520522", "520523", "520525", "520526", "520527"]
    static let staffPosts = [("科员", "一级科员"), ("科员", "四级主任科员"), ("科员", "三级主任科员"), ("副科长", "二级主任科员")]
    /// Heads of a 局 are 局长, of an 办公室/部 主任/部长, of the committee 主任.
    static func leadPosts(for name: String) -> [(String, String)] {
        let (deputy, head) = name.hasSuffix("局") ? ("副局长", "局长") : name.hasSuffix("部") ? ("副部长", "部长")
            : name.hasSuffix("委员会") ? ("副主任", "主任") : ("副主任", "主任")
        return [(deputy, "一级主任科员"), (head, "四级调研员")]
    }
    static let institutionPosts = [("管理岗", "管理岗九级"), ("管理岗", "管理岗八级"), ("专技岗", "专技岗十二级"),
                                   ("专技岗", "专技岗十级"), ("专技岗", "专技岗七级"), ("工勤岗", "技术工三级")]

    /// Generates the people, deterministically from `seed`: valid and unique GB 11643 numbers,
    /// Chinese names, phones (a few left blank, as real registers have gaps).
    public static func people(seed: UInt64 = 20_220_2) -> [PersonSpec] { people(seed: seed, units: units, regions: regions) }

    /// Another demo zone passes its own units and 行政区划 codes (DemoXinyu).
    static func people(seed: UInt64, units: [UnitSpec], regions: [String]) -> [PersonSpec] {
        var rng = SeededGenerator(seed: seed)
        var usedIDs: Set<String> = []
        var out: [PersonSpec] = []
        for unit in units {
            for index in 0..<(unit.staffed + unit.contract) {
                let inEstablishment = index < unit.staffed
                var id: ResidentID
                repeat {
                    let birth = CivilDate(year: Int.random(in: 1966...2000, using: &rng),
                                          month: Int.random(in: 1...12, using: &rng),
                                          day: Int.random(in: 1...28, using: &rng))!
                    id = ResidentID.make(region: regions.randomElement(using: &rng)!, birth: birth,
                                         sequence: Int.random(in: 1...999, using: &rng))
                } while !usedIDs.insert(id.value).inserted
                let pool = id.isMale ? maleChars + neutralChars : femaleChars + neutralChars
                var name = String(surnames.randomElement(using: &rng)!)
                for _ in 0..<Int.random(in: 1...2, using: &rng) { name.append(pool.randomElement(using: &rng)!) }
                let phone: String? = Int.random(in: 0..<20, using: &rng) == 0 ? nil
                    : phonePrefixes.randomElement(using: &rng)! + String(Int.random(in: 10_000_000...99_999_999, using: &rng))
                // Each 内设机构 has a head (正科) and a deputy (副科), counted against the 科级领导职数.
                let leads = unit.kind == .department && index < 2
                let posts = unit.orgType == .institution ? institutionPosts : staffPosts
                let (post, rank) = !inEstablishment ? ("", "") : leads ? leadPosts(for: unit.name)[1 - index]
                    : posts.randomElement(using: &rng)!
                let leadership: LeadershipRank? = leads ? (index == 0 ? .section : .deputySection) : nil
                let category: StaffCategory = inEstablishment ? StaffCategory(rawValue: unit.category.rawValue) ?? .institutional : .contract
                let person = ValidPerson(name: name, idNumber: id.value, gender: id.isMale ? .male : .female,
                                         birthDate: id.birthDate.description, phone: phone, unitID: 0,
                                         establishment: category, archivePost: post, archiveRank: rank, status: .active,
                                         leadership: leadership)
                out.append(PersonSpec(unitKey: unit.key, person: person))
            }
        }
        return out
    }
}
