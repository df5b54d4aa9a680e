/// The demo zone's reform ledgers, written as a clerk would enter them, so the dashboard and the
/// annual report are full when the demo starts. The figures the 毕节 seed publishes come out of
/// these rows: 1444 权责事项 transferred, 5.83 亿 of debt resolved, 58 units audited, 20 僵尸企业
/// cleared (with 12万平方米 of factory space). Everything else is illustrative and fixed.
public enum DemoLedgers {
    /// `units` maps DemoZone unit keys to ids; `workers` are people (id, unit id) who keep work logs.
    public static func bijie(units: [String: Int64], workers: [(id: Int64, unitID: Int64)], calendar: WorkingDays) -> [LedgerRecord] {
        func row(_ kind: LedgerKind, _ unit: String?, _ values: [String: String]) -> LedgerRecord {
            LedgerRecord(kind: kind, values: values, unitID: unit.flatMap { units[$0] })
        }
        var rows: [LedgerRecord] = [
            row(.duties, "fazhi", ["batch": "首批权责事项移交七星关区", "items": "1444", "receiver": "七星关区", "date": "2022-03-15"]),
            row(.debts, "caizheng", ["name": "市贷区用部分债务", "creditor": "市本级国有企业", "principal": "32000000000", "resolved": "26000000000",
                                     "method": "盘活土地等存量资产", "date": "2022-09-30"]),
            row(.debts, "caizheng", ["name": "原金海湖新区商铺抵偿债务", "creditor": "施工企业", "principal": "15000000000", "resolved": "15000000000",
                                     "method": "盘活商铺", "date": "2022-11-30"]),
            row(.debts, "caizheng", ["name": "原七星关经开区工程欠款", "creditor": "施工企业", "principal": "21000000000", "resolved": "17300000000",
                                     "method": "回收应收账款", "date": "2022-12-20"]),
            row(.revenue, "caizheng", ["year": "2023", "source": "土地出让收入", "counterpart": "市级、七星关区", "share": "600", "amount": "48000000000"]),
            row(.revenue, "caizheng", ["year": "2024", "source": "土地出让收入", "counterpart": "市级、七星关区", "share": "600", "amount": "53500000000"]),
        ]
        let departments = ["政法和群众工作部", "社会事务局", "教育局", "卫生健康局", "农业农村局", "民政局", "文体旅游局", "城市管理局", "信访局", "人力资源和社会保障局"]
        for (i, name) in departments.enumerated() {
            rows.append(row(.stripping, "dangzheng", ["item": name + "职责", "mode": "整体剥离", "receiver": "七星关区", "institutions": "1",
                                                      "people": String(18 + i * 3), "date": "2022-04-09"]))
        }
        for i in 1...58 {
            rows.append(row(.audits, nil, ["auditee": "原两区行政事业单位（清产核资第\(i)家）", "method": "第三方审计",
                                           "report": "毕高新审〔2022〕\(i)号", "date": "2022-06-\(10 + i % 6)"]))
        }
        let firms = ["金海", "鸿达", "黔兴", "七星", "乌蒙", "聚源", "恒丰", "瑞达", "华邦", "博远", "宏发", "利民", "兴盛", "永安", "新锐", "鼎立", "嘉禾", "盛世", "长青", "天成"]
        for (i, firm) in firms.enumerated() {
            rows.append(row(.disposals, "chanye", ["type": "僵尸企业", "name": "毕节\(firm)实业有限公司", "floor": "6000",
                                                   "date": "2022-\(String(format2: 3 + i % 10))-15"]))
        }
        for (i, parcel) in ["金海湖片区A-07地块", "七星关经开区B-12地块", "储能产业园C-03地块"].enumerated() {
            rows.append(row(.disposals, "guihua", ["type": "闲置土地", "name": parcel, "area": String(1_285 + i * 410), "date": "2023-0\(4 + i)-20"]))
        }
        let powers: [(String, String)] = [("干部编制调整使用", "保留"), ("职称评定", "新增"), ("岗位聘用", "新增"), ("建设项目规划许可", "新增"),
                                          ("农村宅基地审批", "调出"), ("义务教育学校设置审批", "调出")]
        for (name, change) in powers {
            rows.append(row(.powers, "zuzhi", ["name": name, "source": "市级", "change": change, "date": "2022-05-01"]))
        }
        for (i, item) in ["企业投资项目备案", "建筑工程施工许可", "工程建设项目竣工验收备案", "城镇污水排入排水管网许可", "临时占用城市道路许可"].enumerated() {
            rows.append(row(.approvals, "service", ["name": item, "department": "七星关区政务服务局", "date": "2023-0\(i + 1)-10"]))
        }
        // 721工作法: 2024's cases, 68 / 22 / 10.
        for i in 0..<100 {
            let method = i < 68 ? "服务" : i < 90 ? "管理" : "执法"
            rows.append(row(.cases721, "anquan", ["subject": "企业安全生产检查问题\(i + 1)", "method": method,
                                                  "date": "2024-\(String(format2: 1 + i % 12))-\(String(format2: 1 + i % 28))"]))
        }
        rows += projects(units["chanye"])
        for (i, firm) in ["贵州储能科技", "毕节新材料", "黔西北新能源", "乌蒙山数据", "毕节精密制造", "七星关食品"].enumerated() {
            let code = CreditCode.completing("91520500MA6\(String(format2: 10 + i))\(["A", "B", "C", "D", "E", "F"][i])XYW")!
            rows.append(row(.keyFirms, "chanye", ["firm": firm + "有限公司", "code": code.value, "lead": "产业发展局专班\(i + 1)组", "since": "2023-03-01"]))
        }
        // 月工作日志: January–June 2025, most months complete, some days missing for every third person.
        for worker in workers {
            for month in 1...6 {
                let m = LedgerMonth("2025-\(String(format2: month))")!
                let due = WorkLogCompleteness.workingDays(in: m, calendar: calendar)
                rows.append(LedgerRecord(kind: .workLogs, values: ["month": m.description, "days": String(worker.id % 3 == 0 ? due - 3 : due),
                                                                    "submitted": "2025-\(String(format2: month))-28"],
                                         unitID: worker.unitID, personID: worker.id))
            }
        }
        return rows
    }

    /// 招商 projects 2022–2025: more signed every year, each started the next year and producing the year after.
    static func projects(_ unit: Int64?) -> [LedgerRecord] {
        let industries = ["新型储能", "新材料", "大数据", "装备制造", "食品加工"]
        var rows: [LedgerRecord] = []
        for (year, signed) in [(2022, 12), (2023, 16), (2024, 21), (2025, 25)] {
            for i in 0..<signed {
                var values = ["name": "\(industries[i % 5])项目\(year)-\(i + 1)", "industry": industries[i % 5],
                              "amount": String((5 + i % 7) * 10_000_000_00), "signed": "\(year)-\(String(format2: 1 + i % 11))-08"]
                if year < 2025 && i % 5 != 4 { values["started"] = "\(year + 1)-\(String(format2: 1 + i % 11))-18" }
                if year < 2024 && i % 5 < 3 { values["producing"] = "\(year + 2)-\(String(format2: 1 + i % 11))-28" }
                rows.append(LedgerRecord(kind: .projects, values: values, unitID: unit))
            }
        }
        return rows
    }
}

extension String {
    /// Two digits, "03".
    init(format2 value: Int) { self = (value < 10 ? "0" : "") + String(value) }
}
