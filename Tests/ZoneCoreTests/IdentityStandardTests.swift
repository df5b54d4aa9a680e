import Testing
@testable import ZoneCore

extension CivilDate {
    /// The date every ZoneCore test checks "no later than today" against.
    static let testToday = CivilDate(year: 2026, month: 1, day: 1)!
}

/// 身份证号 and 统一社会信用代码 checked to GB 11643 and GB 32100: generated valid and invalid numbers, and a
/// table of the edge classes clerks actually produce.
@Suite("Identity numbers to the standard")
struct IdentityStandardTests {
    static let today = CivilDate.testToday

    /// 18 full-width forms of an ASCII number, as an IME in full-width mode types it.
    static func fullWidth(_ ascii: String) -> String {
        String(String.UnicodeScalarView(ascii.unicodeScalars.map { Unicode.Scalar($0.value + 0xFEE0)! }))
    }

    static func id(_ first17: String) -> String { first17 + String(ResidentID.checkCharacter(for: first17)) }

    /// 17 characters and their mod-31 check character, whatever the structure (`CreditCode.completing` checks it).
    static func code(_ first17: String) -> String {
        let sum = first17.enumerated().reduce(0) { $0 + CreditCode.alphabet.firstIndex(of: $1.element)! * CreditCode.weights[$1.offset] }
        return first17 + String(CreditCode.alphabet[(31 - sum % 31) % 31])
    }

    // MARK: 身份证号, edge classes

    @Test(arguments: [
        // A birth date after the caller's today, however valid its check digit.
        (id("11010521000101001"), "身份证号中的出生日期（2100-01-01）晚于今天（2026-01-01），请核对身份证原件"),
        (id("11010520260102001"), "身份证号中的出生日期（2026-01-02）晚于今天（2026-01-01），请核对身份证原件"),
        // First two digits that name no province (GB/T 2260).
        (id("01010519491231002"), "身份证号前两位“01”不是省级行政区划代码（GB/T 2260）"),
        (id("10010519491231002"), "身份证号前两位“10”不是省级行政区划代码（GB/T 2260）"),
        (id("99010519491231002"), "身份证号前两位“99”不是省级行政区划代码（GB/T 2260）"),
        (id("84010519491231002"), "身份证号前两位“84”不是省级行政区划代码（GB/T 2260）"),
        // An ID kept in an xlsx number cell, as the reader (and Excel's CSV) gives it.
        ("1.10105197011112e+17", "身份证号被存成了数字（1.10105197011112e+17），后几位已丢失：请把该列设为文本格式，按身份证原件重新填写"),
        ("1.10105E+17", "身份证号被存成了数字（1.10105E+17），后几位已丢失：请把该列设为文本格式，按身份证原件重新填写"),
        // Lengths in characters, not UTF-8 bytes.
        ("１１０１０５", "身份证号应为18位，实际为6位"),
        ("一一〇一〇五一九四九一二三一〇〇二Ｘ", "身份证号前17位必须为数字"),
        ("11010519491231002乂", "身份证号最后一位必须为数字或X"),
        ("张三", "身份证号应为18位，实际为2位"),
        ("1101051949123100", "身份证号应为18位，实际为16位"),
    ])
    func residentIDEdgeClassesAreRefusedWithTheirReason(_ raw: String, _ message: String) {
        #expect(throws: ValidationError.invalid(message)) { try ResidentID(raw, today: Self.today) }
    }

    @Test func edgesThatAreValid() throws {
        // Born today; full-width digits and Ｘ (and ｘ); the province codes at the ends of the table.
        #expect(try ResidentID(Self.id("11010520260101001"), today: Self.today).birthDate == Self.today)
        #expect(try ResidentID(Self.fullWidth("11010519491231002X"), today: Self.today).value == "11010519491231002X")
        #expect(try ResidentID(Self.fullWidth("11010519491231002x") + "\u{3000}", today: Self.today).value == "11010519491231002X")
        for province in [11, 65, 71, 81, 82, 83] {
            #expect(throws: Never.self) { try ResidentID(Self.id("\(province)010519491231002"), today: Self.today) }
        }
    }

    // MARK: 身份证号, generated

    /// Every number built from a province code, any county digits, a birth date up to today and a sequence is
    /// accepted, in ASCII or full-width, and carries its birth date and sex; every single-digit change and every
    /// swap of two different neighbouring digits in the first 17 is refused (MOD 11-2 catches both).
    @Test func generatedNumbersAndTheirSingleErrors() throws {
        var rng = SeededGenerator(seed: 11643)
        let provinces = DivisionCode.provinces.sorted()
        for _ in 0..<2_000 {
            let region = String(provinces.randomElement(using: &rng)!) + String(format4(Int.random(in: 0...9999, using: &rng)))
            let birth = CivilDate(year: Int.random(in: 1900...2025, using: &rng), month: Int.random(in: 1...12, using: &rng), day: Int.random(in: 1...28, using: &rng))!
            let sequence = Int.random(in: 0...999, using: &rng)
            let id = ResidentID.make(region: region, birth: birth, sequence: sequence)
            #expect(try ResidentID(Self.fullWidth(id.value), today: Self.today) == id)
            #expect(id.birthDate == birth && id.isMale == (sequence % 2 == 1))

            var digits = Array(id.value)
            let at = Int.random(in: 0..<17, using: &rng)
            let original = digits[at]
            digits[at] = Character(String((Int(String(original))! + Int.random(in: 1...9, using: &rng)) % 10))
            #expect(throws: ValidationError.self) { try ResidentID(String(digits), today: Self.today) }
            digits[at] = original
            let swap = Int.random(in: 0..<16, using: &rng)
            if digits[swap] != digits[swap + 1] {
                digits.swapAt(swap, swap + 1)
                #expect(throws: ValidationError.self) { try ResidentID(String(digits), today: Self.today) }
            }
        }
    }

    /// A generated number whose birth date is after today is refused for that reason alone.
    @Test func generatedFutureBirthDatesAreRefused() throws {
        var rng = SeededGenerator(seed: 2100)
        for _ in 0..<500 {
            let birth = CivilDate(year: Int.random(in: 2026...2099, using: &rng), month: Int.random(in: 1...12, using: &rng), day: Int.random(in: 2...28, using: &rng))!
            let id = ResidentID.make(region: "520502", birth: birth, sequence: 1)
            #expect(throws: ValidationError.invalid("身份证号中的出生日期（\(birth)）晚于今天（2026-01-01），请核对身份证原件")) {
                try ResidentID(id.value, today: Self.today)
            }
            #expect(try ResidentID(id.value, today: birth).birthDate == birth)
        }
    }

    // MARK: 统一社会信用代码

    @Test(arguments: [
        ("9144 0300 1922 0382 16", "914403001922038216"),
        ("91-440300-192203821-6", "914403001922038216"),
        ("９１１１００００８０２１００４３３Ｂ", "91110000802100433B"),
        (code("11100000000013127"), code("11100000000013127")),
        (code("Y1520500MA6AAAAAA"), code("Y1520500MA6AAAAAA")),
        (code("N3520523MA6AAAAAA"), code("N3520523MA6AAAAAA")),
    ])
    func creditCodesAreReadAsPrinted(_ raw: String, _ value: String) throws {
        #expect(try CreditCode(raw).value == value)
    }

    @Test(arguments: [
        (code("B1520500MA6AAAAAA"), "统一社会信用代码第1位“B”不是登记管理部门代码（应为1–9、A、N、Y）"),
        (code("01520500MA6AAAAAA"), "统一社会信用代码第1位“0”不是登记管理部门代码（应为1–9、A、N、Y）"),
        (code("94520500MA6AAAAAA"), "统一社会信用代码第2位“4”不是工商登记的机构类别（应为1、2、3）"),
        (code("14520500MA6AAAAAA"), "统一社会信用代码第2位“4”不是机构编制登记的机构类别（应为1、2、3、9）"),
        (code("Y9520500MA6AAAAAA"), "统一社会信用代码第2位“9”不是其他登记的机构类别（应为1）"),
        (code("91990500MA6AAAAAA"), "统一社会信用代码第3–8位“990500”不是行政区划代码"),
        (code("9152A500MA6AAAAAA"), "统一社会信用代码第3–8位“52A500”不是行政区划代码"),
        (code("91000000MA6AAAAAA"), "统一社会信用代码第3–8位“000000”不是行政区划代码"),
        ("91440300192203821", "统一社会信用代码应为18位，实际为17位"),
        ("９１４４０３００１９２２０３８２１", "统一社会信用代码应为18位，实际为17位"),
    ])
    func creditCodeStructureIsChecked(_ raw: String, _ message: String) {
        #expect(throws: ValidationError.invalid(message)) { try CreditCode(raw) }
    }

    /// Codes built from every authority and each of its categories, a province-level division and a random
    /// organisation code are accepted, with spaces and hyphens or not; any authority, category or division outside
    /// the standard is refused, and so is every single-character change (the mod-31 check catches it).
    @Test func generatedCreditCodes() throws {
        var rng = SeededGenerator(seed: 32100)
        let alphabet = CreditCode.alphabet
        let provinces = DivisionCode.provinces.sorted()
        func organisation() -> String { String((0..<9).map { _ in alphabet.randomElement(using: &rng)! }) }
        for (authority, registrar) in CreditCode.categories {
            for kind in registrar.kinds {
                for _ in 0..<50 {
                    let division = String(provinces.randomElement(using: &rng)!) + format4(Int.random(in: 0...9999, using: &rng))
                    let code = try #require(CreditCode.completing("\(authority)\(kind)\(division)\(organisation())"))
                    var spaced = code.value
                    spaced.insert("-", at: spaced.index(spaced.startIndex, offsetBy: 8))
                    spaced.insert(" ", at: spaced.index(spaced.startIndex, offsetBy: 2))
                    #expect(try CreditCode(spaced) == code)

                    var chars = Array(code.value)
                    let at = Int.random(in: 0..<18, using: &rng)
                    let other = alphabet.filter { $0 != chars[at] }.randomElement(using: &rng)!
                    chars[at] = other
                    #expect(throws: ValidationError.self) { try CreditCode(String(chars)) }
                }
            }
            for kind in alphabet where !registrar.kinds.contains(kind) {
                #expect(throws: ValidationError.self) { try CreditCode(Self.code("\(authority)\(kind)520500\(organisation())")) }
            }
        }
        for authority in alphabet where CreditCode.categories[authority] == nil {
            #expect(throws: ValidationError.self) { try CreditCode(Self.code("\(authority)1520500\(organisation())")) }
        }
        for province in 0...99 where !DivisionCode.provinces.contains(province) && province != 10 {
            #expect(throws: ValidationError.self) { try CreditCode(Self.code("91\(format2(province))0500\(organisation())")) }
        }
    }

    // MARK: Dates as zh-CN spreadsheets write them

    @Test(arguments: ["2024-01-15", "2024/1/15", "2024.1.15", "2024年1月15日", "2024年01月15日", "2024-1-15", "２０２４／１／１５", " 2024/01/15 "])
    func datesInEveryZhCNForm(_ text: String) throws {
        #expect(try CivilDate(parsing: text) == CivilDate(year: 2024, month: 1, day: 15))
    }

    @Test(arguments: ["2024-02-30", "2024/1-15", "24/1/15", "2024年1月15", "2024月1年15日", "15/1/2024", "2024-001-15", "1899-12-31", "2024", "45306", "2024/1/15/1"])
    func impossibleOrAmbiguousDatesAreRefused(_ text: String) {
        #expect(throws: ValidationError.invalid("日期“\(text)”无效：应为有效日期，如 2024-01-15、2024/1/15 或 2024年1月15日")) {
            try CivilDate(parsing: text)
        }
    }
}

private func format4(_ n: Int) -> String { String(String(n + 10_000).dropFirst()) }
private func format2(_ n: Int) -> String { String(String(n + 100).dropFirst()) }
