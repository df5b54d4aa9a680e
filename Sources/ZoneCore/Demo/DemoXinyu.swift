/// A second, small demo zone, 新余高新区 (seed 001, policies/xinyu.yaml), so that a demo database
/// holds two zones and the province view has something to compare. Its org tree is a sketch
/// (the seed publishes rates, not a unit list): a 管委会 on 行政编制 with five 内设机构, four of them
/// economic, and an enterprise service centre on 事业编制; 32 编内 (23 行政, 9 事业) and 21 编外 people.
/// Its ledgers carry the seed's stripping and powers figures: 17 items stripped whole and 15 in part
/// (“对农业、林业、水利、教育、卫健等17项社会事务实行整体剥离,对住建、城管、交通等15项社会事务实行部分剥离”),
/// 17 institutions and 1355 people transferred, 41 city powers held (13 new) and 39 returned.
/// The seed's “剥离率达60%” has no published denominator (it names no social affairs kept), so no
/// 保留 rows are invented to make it come out: the pages show 60% as published and the rate over
/// the rows entered beside it. Everything else is illustrative and fixed.
public enum DemoXinyu {
    public static let zoneCode = "xinyu"
    public static let zoneName = "新余高新技术产业开发区"
    /// 渝水区 and 分宜县.
    static let regions = ["360502", "360521"]

    public static let units: [DemoZone.UnitSpec] = [
        .init(key: "zone", parentKey: nil, name: zoneName, kind: .zone, orgType: .government,
              funding: nil, rank: "正县级", isEconomic: false, quota: 0, staffed: 0, contract: 0),
        .init(key: "committee", parentKey: "zone", name: "党工委、管委会", kind: .committee, orgType: .government,
              funding: .full, rank: "正县级", isEconomic: false, quota: 24, staffed: 2, contract: 0, sectionLeaderPosts: 11,
              category: .administrative),
        dept("dangzheng", "党政办公室", economic: false, staffed: 4, contract: 3),
        dept("jingfa", "经济发展局", economic: true, staffed: 5, contract: 4),
        dept("zhaoshang", "招商服务局", economic: true, staffed: 5, contract: 5),
        dept("guihua", "规划建设局", economic: true, staffed: 4, contract: 3),
        dept("caizheng", "财政金融局", economic: true, staffed: 3, contract: 2),
        .init(key: "service", parentKey: "zone", name: "高新区企业服务中心", kind: .institution, orgType: .institution,
              funding: .full, rank: "正科级", isEconomic: true, quota: 10, staffed: 9, contract: 4),
    ]

    static func dept(_ key: String, _ name: String, economic: Bool, staffed: Int, contract: Int) -> DemoZone.UnitSpec {
        .init(key: key, parentKey: "committee", name: name, kind: .department, orgType: .government, funding: .full,
              rank: "正科级", isEconomic: economic, quota: 0, staffed: staffed, contract: contract, category: .administrative)
    }

    public static func people() -> [DemoZone.PersonSpec] {
        DemoZone.people(seed: 20_240_3, units: units, regions: regions)
    }

    /// `units` maps the unit keys above to ids.
    public static func ledgers(units: [String: Int64]) -> [LedgerRecord] {
        func row(_ kind: LedgerKind, _ unit: String?, _ values: [String: String]) -> LedgerRecord {
            LedgerRecord(kind: kind, values: values, unitID: unit.flatMap { units[$0] })
        }
        let affairs = ["基础教育", "医疗卫生", "民政救助", "社会保障", "文化体育", "殡葬管理", "农村农业", "水利管理", "林业管理", "村镇建设",
                       "人口计生", "信访维稳", "退役军人服务", "残疾人服务", "老龄服务", "社区治理", "市场监管"]
        var rows: [LedgerRecord] = []
        for (i, affair) in affairs.enumerated() {
            rows.append(row(.stripping, "dangzheng", ["item": affair + "事务", "mode": "整体剥离", "receiver": "渝水区", "institutions": "1",
                                                      "people": i < 16 ? "80" : "75", "date": "2024-06-30"]))
        }
        for i in 1...15 {
            rows.append(row(.stripping, "dangzheng", ["item": "部分剥离社会事务\(i)", "mode": "部分剥离", "receiver": "渝水区", "date": "2024-06-30"]))
        }
        for (count, change) in [(28, "保留"), (13, "新增"), (39, "调出")] {
            for i in 1...count {
                rows.append(row(.powers, "jingfa", ["name": "市级经济管理权限（\(change)）\(i)", "source": "市级", "change": change, "date": "2024-05-01"]))
            }
        }
        // 招商 projects 2022–2025, fewer than 毕节's and a slower pipeline.
        let industries = ["锂电新能源", "光伏", "钢铁深加工", "电子信息"]
        for (year, signed) in [(2022, 7), (2023, 9), (2024, 10), (2025, 11)] {
            for i in 0..<signed {
                var values = ["name": "\(industries[i % 4])项目\(year)-\(i + 1)", "industry": industries[i % 4],
                              "amount": String((3 + i % 5) * 10_000_000_00), "signed": "\(year)-\(String(format2: 2 + i % 10))-12"]
                if year < 2025 && i % 3 != 2 { values["started"] = "\(year + 1)-\(String(format2: 2 + i % 10))-20" }
                if year < 2024 && i % 3 == 0 { values["producing"] = "\(year + 2)-\(String(format2: 2 + i % 10))-26" }
                rows.append(row(.projects, "zhaoshang", values))
            }
        }
        return rows
    }
}
