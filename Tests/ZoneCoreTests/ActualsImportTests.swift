import Testing
@testable import ZoneCore

@Suite("KPI actuals sheet")
struct ActualsImportTests {
    static let targets = [ActualsImport.Target(id: 7, name: "招商引资到位资金", rule: .linear(target: 10_000, capPercent: 120)),
                          ActualsImport.Target(id: 8, name: "安全生产事故", rule: .penalty(perItem: 500, max: 2_000))]

    @Test func valuesByNumberWithNamesChecked() throws {
        let good = ActualsImport(try CSVTable(parsing: "指标编号,指标名称,实际值,计量单位\n7,招商引资到位资金,12.5,亿元\n8,安全生产事故,,次\n"), indicators: Self.targets)
        #expect(good.errors.isEmpty && good.actuals == [7: Int64?.some(1250), 8: Int64?.none])
        let bad = ActualsImport(try CSVTable(parsing: "指标编号,指标名称,实际值\n7,招商引资,1\n9,x,1\n8,安全生产事故,1.5\n7,招商引资到位资金,2\nA,,\n"), indicators: Self.targets)
        #expect(bad.actuals.isEmpty)
        #expect(bad.errors.map(\.description) == [
            "第2行 指标名称：与编号 7 的指标“招商引资到位资金”不符", "第3行 指标编号：本次考核没有编号为 9 的指标",
            "第4行 实际值：实际值“1.5”应为发生次数（整数，不超过 100 亿）", "第5行 指标编号：与第2行重复", "第6行 指标编号：应为模板中的指标编号（整数）（所填：“A”）",
        ])
    }
}
