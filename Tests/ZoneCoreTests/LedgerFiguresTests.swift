import Testing
@testable import ZoneCore

/// Seed figures of SPEC §E reproduced from ledger rows, and the ledger rules themselves.
@Suite("Reform ledgers: figures from rows")
struct LedgerFiguresTests {
    static func rows(_ kind: LedgerKind, _ count: Int, _ values: (Int) -> [String: String]) -> [LedgerRecord] {
        (0..<count).map { LedgerRecord(kind: kind, values: values($0)) }
    }

    /// 新余: 17 items stripped whole and 15 in part, 21 social affairs still run by the zone.
    static func xinyuStripping() -> [LedgerRecord] {
        rows(.stripping, 17) { ["item": "整体\($0)", "mode": "整体剥离", "receiver": "渝水区", "institutions": "1", "people": $0 < 16 ? "80" : "75"] }
            + rows(.stripping, 15) { ["item": "部分\($0)", "mode": "部分剥离", "receiver": "渝水区"] }
    }

    /// Projects reaching each stage in Jan–Nov of 2023 and 2024 (plus December ones that must not count).
    static func xinyuProjects() -> [LedgerRecord] {
        func stage(_ count: Int, _ dates: @escaping (Int) -> [String: String]) -> [LedgerRecord] {
            rows(.projects, count) { dates($0).merging(["name": "项目\($0)", "industry": "电子信息", "amount": "100000000"]) { a, _ in a } }
        }
        var out: [LedgerRecord] = []
        for (year, signed, started, producing) in [(2023, 90, 62, 27), (2024, 95, 79, 36)] {
            out += stage(signed) { ["signed": "\(year)-\(1 + $0 % 11)-05"] }
            out += stage(started) { ["signed": "2020-01-01", "started": "\(year)-\(1 + $0 % 11)-06"] }
            out += stage(producing) { ["signed": "2019-01-01", "started": "2020-01-01", "producing": "\(year)-\(1 + $0 % 11)-07"] }
            out += stage(3) { _ in ["signed": "\(year)-12-01", "started": "\(year)-12-02", "producing": "\(year)-12-03"] }
        }
        return out
    }

    @Test func xinyuStrippingPowersAndProjects() {
        let powers = Self.rows(.powers, 28) { ["name": "保留\($0)", "source": "市级", "change": "保留"] }
            + Self.rows(.powers, 13) { ["name": "新增\($0)", "source": "市级", "change": "新增"] }
            + Self.rows(.powers, 39) { ["name": "调出\($0)", "source": "市级", "change": "调出"] }
        let f = LedgerFigures(Self.xinyuStripping() + powers)
        #expect(f.stripping.full == 17 && f.stripping.partial == 15 && f.stripping.stripped == 32)
        #expect(f.stripping.institutions == 17 && f.stripping.people == 1355)
        // The seed's "剥离率达60%" names no denominator, so it is not reproduced: over the 32 items it
        // lists, everything entered is stripped. Items the zone keeps and enters as 保留 count below the line.
        #expect(f.stripping.retained == 0 && f.stripping.rateTenths == 1_000)
        let kept = Self.rows(.stripping, 8) { ["item": "保留\($0)", "mode": "保留"] }
        #expect(LedgerFigures(Self.xinyuStripping() + kept).stripping.rateTenths == Percent.tenths(32, of: 32 + 8))
        #expect(f.powers.held == 41 && f.powers.returned == 39 && f.powers.added == 13)

        let pipeline = ProjectPipeline(Self.xinyuProjects())
        #expect(pipeline.count(.signed, year: 2024, throughMonth: 11) == 95)
        #expect(pipeline.count(.signed, year: 2024) == 98)
        #expect(pipeline.yearOverYear(.signed, year: 2024, throughMonth: 11).text == "+5.6%")
        #expect(pipeline.yearOverYear(.started, year: 2024, throughMonth: 11).text == "+27.4%")
        #expect(pipeline.yearOverYear(.producing, year: 2024, throughMonth: 11).changeTenths == 333)
        #expect(pipeline.years == [2019, 2020, 2023, 2024])
    }

    @Test func bijieDemoRowsGiveTheSeedFigures() {
        let f = LedgerFigures(DemoLedgers.bijie(units: [:], workers: [], calendar: WorkingDays(notices: [])))
        #expect(f.dutiesTransferred == 1444)
        #expect(f.fiscal.debtResolvedFen == 583_000_000_00)
        #expect(Fen.text(f.fiscal.debtResolvedFen) == "¥583,000,000.00")
        #expect(f.fiscal.auditedUnits == 58)
        #expect(f.zombieFirms == 20)
        #expect(f.cases.shareTenths(.service) == 680 && f.cases.shareTenths(.enforcement) == 100)
    }

    @Test func chengduApprovalsAndKeyFirms() {
        let approvals = Self.rows(.approvals, 181) { ["name": "涉企审批服务事项\($0)", "department": "双流区", "date": "2021-06-01"] }
        let firms = (0..<50).map { i in
            LedgerRecord(kind: .keyFirms, values: ["firm": "芯谷企业\(i)", "code": CreditCode.completing("915101220000000\(i < 10 ? "0" : "")\(i)")!.value,
                                                   "lead": "专班", "since": "2021-01-01"])
        }
        let f = LedgerFigures(approvals + firms)
        #expect(f.approvalsSunk == 181 && f.keyFirms == 50)
    }

    @Test func yearOverYearRoundsHalfAwayFromZeroAndHasNoRateFromZero() {
        #expect(YearOverYear(previous: 18, current: 19).changeTenths == 56)
        #expect(YearOverYear(previous: 200, current: 199).text == "−0.5%")
        #expect(YearOverYear(previous: 0, current: 5).changeTenths == nil)
        #expect(YearOverYear(previous: 0, current: 5).text == "—")
    }

    /// January 2025 has 23 weekdays, fewer working days once New Year and the Spring Festival are off
    /// (here the statutory days alone: 1 January and 除夕 to 初三, 28–31 January);
    /// extra days in one month do not make up for another.
    @Test func workLogCompletenessFollowsTheHolidayCalendar() {
        let jan = LedgerMonth("2025-01")!, feb = LedgerMonth("2025-02")!, calendar = WorkingDays(notices: [])
        let dueJan = WorkLogCompleteness.workingDays(in: jan, calendar: calendar), dueFeb = WorkLogCompleteness.workingDays(in: feb, calendar: calendar)
        #expect(WorkLogCompleteness.workingDays(in: jan, calendar: WorkingDays()) == 23)
        #expect(dueJan == 18)
        #expect(WorkLogCompleteness.tenths(logged: [jan: dueJan, feb: dueFeb + 5], months: [jan, feb], calendar: calendar) == 1000)
        #expect(WorkLogCompleteness.tenths(logged: [jan: dueJan], months: [jan, feb], calendar: calendar) == Percent.tenths(dueJan, of: dueJan + dueFeb))
        #expect(WorkLogCompleteness.tenths(logged: [:], months: [], calendar: calendar) == nil)
    }

    @Test func inputIsCheckedFieldByFieldAndAcrossFields() {
        let refs = LedgerReferences(units: [7: "产业发展局"], people: [:])
        var input = LedgerInput(kind: .projects, raw: ["name": "储能项目", "industry": "储能", "amount": "12,000.5", "signed": "2024-05-01",
                                                        "started": "2024-04-01", "unit": "7"])
        guard case .failure(let errors) = input.validate(refs, source: .form) else { Issue.record("accepted"); return }
        #expect(errors["started"] == "开工日期不能早于签约日期")
        input.raw["started"] = "2024-06-01"
        guard case .success(let record) = input.validate(refs, source: .form) else { Issue.record("refused"); return }
        #expect(record["amount"] == "1200050" && record.unitID == 7)
        #expect(LedgerInput(record).raw["amount"] == "12000.50")
        input.raw["unit"] = "8"
        guard case .failure(let scoped) = input.validate(refs, source: .form) else { Issue.record("accepted"); return }
        #expect(scoped["unit"] == "单位“8”不存在或不在您的管理范围内")
    }

    @Test func sheetImportIsAllOrNothingWithRowErrors() throws {
        let refs = LedgerReferences(units: [7: "产业发展局"], people: [:])
        let good = try CSVTable(parsing: "企业名称,统一社会信用代码,专班负责人,服务起始日期,责任单位\n甲公司,\(CreditCode.completing("91520500MA6AAAAAA")!.value),张三,2024-01-01,产业发展局\n")
        #expect(LedgerImport(good, kind: .keyFirms, references: refs).records.count == 1)
        let code = CreditCode.completing("91520500MA6AAAAAA")!.value
        let bad = try CSVTable(parsing: "企业名称,统一社会信用代码,专班负责人,服务起始日期,责任单位\n甲公司,\(code),张三,2024-01-01,产业发展局\n乙公司,\(code),李四,2024-13-01,招商局\n")
        let sheet = LedgerImport(bad, kind: .keyFirms, references: refs)
        #expect(sheet.records.isEmpty)
        #expect(sheet.errors.map(\.description) == ["第3行 服务起始日期：日期“2024-13-01”无效：应为有效日期，如 2024-01-15、2024/1/15 或 2024年1月15日", "第3行 责任单位：单位“招商局”不存在或不在您的管理范围内"])
        let dup = try CSVTable(parsing: "企业名称,统一社会信用代码,专班负责人,服务起始日期\n甲公司,\(code),张三,2024-01-01\n乙公司,\(code),李四,2024-02-01\n")
        #expect(LedgerImport(dup, kind: .keyFirms, references: refs).errors.map(\.description) == ["第3行 企业名称：与第2行重复"])
        let missing = try CSVTable(parsing: "企业名称\n甲公司\n")
        #expect(LedgerImport(missing, kind: .keyFirms, references: refs).errors.count == 3)
    }
}
