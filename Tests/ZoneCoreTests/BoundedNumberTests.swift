import Testing
@testable import ZoneCore

/// The parsers every request and file number passes through: bounded, refusing, never trapping.
@Suite("Bounded number parsing")
struct BoundedNumberTests {
    static let extremes = ["9223372036854775807", "-9223372036854775808", "9223372036854775808", "1" + String(repeating: "0", count: 30),
                           "NaN", "1e400", "-0", String(repeating: "9", count: 400), "0x10", "１２", "+5", "", " ", "1.5", "--1"]

    @Test func integersOutsideTheRangeOrNotPlainDecimalsAreRefused() throws {
        for text in Self.extremes {
            #expect(BoundedInt.parse(text, in: 1...BoundedInt.maxPage) == nil, "\(text)")
            if text != "9223372036854775807" { #expect(BoundedInt.parse(text, in: BoundedInt.ids) == nil, "\(text)") }
        }
        #expect(BoundedInt.parse(" 42 ", in: 1...100) == 42)
        #expect(BoundedInt.parse("-3", in: -5...5) == -3)
        #expect(BoundedInt.parse("-3", in: 0...5) == nil)
        #expect(BoundedInt.parse("9223372036854775807", in: BoundedInt.ids) == Int64.max)
        #expect(throws: ValidationError.invalid("页码应为 1–1000000 的整数")) { try BoundedInt.require("0", in: 1...BoundedInt.maxPage, label: "页码") }
        #expect(try BoundedInt.optional("", in: BoundedInt.years, label: "年度") == nil)
        #expect(BoundedInt.message("编号", BoundedInt.ids) == "编号应为不小于1的整数")
    }

    /// 92233720368547759 × 100 is past `Int.max`: the multiplication used to trap while a ledger import was previewed.
    @Test func fixedPointRefusesWhatWouldOverflowOrPassTheLimit() {
        #expect(FixedPoint.parse("92233720368547759", places: 2) == nil)
        #expect(FixedPoint.parse("9223372036854775807", places: 3) == nil)
        #expect(FixedPoint.parse(String(repeating: "9", count: 400), places: 1) == nil)
        for text in Self.extremes where text != "1.5" { #expect(FixedPoint.parse(text, places: 2) == nil, "\(text)") }
        #expect(FixedPoint.parse("1.5", places: 2) == 150)
        #expect(FixedPoint.parse("10000000000000.00", places: 2) == FixedPoint.maxScaled)
        #expect(FixedPoint.parse("10000000000000.01", places: 2) == nil)
        #expect(FixedPoint.parse("100", places: 2, limit: 10_000) == 10_000)
        #expect(FixedPoint.parse("100.01", places: 2, limit: 10_000) == nil)
    }

    /// An actual past the indicator bound is a row error, not a product past `Int64` in the linear rule.
    @Test func indicatorActualsAreBounded() throws {
        let rule = IndicatorRule.linear(target: 100, capPercent: 120)
        #expect(throws: ValidationError.self) { try rule.parseActual("92233720368547759") }
        let largest = try #require(try rule.parseActual("10000000000"))
        #expect(largest == Int64(IndicatorRule.maxMeasure))
        let big = IndicatorRule.linear(target: Int64(IndicatorRule.maxMeasure), capPercent: IndicatorRule.capPercents.upperBound)
        #expect(big.points(actual: largest) == 10_000)
    }
}
