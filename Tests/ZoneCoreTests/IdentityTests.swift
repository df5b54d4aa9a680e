import Testing
@testable import ZoneCore

@Suite("GB 11643 resident ID")
struct ResidentIDTests {
    @Test func acceptsTheStandardExample() throws {
        let id = try ResidentID("11010519491231002X", today: .testToday)
        #expect(id.value == "11010519491231002X")
        #expect(id.birthDate == CivilDate(year: 1949, month: 12, day: 31))
        #expect(!id.isMale)
        #expect(id.masked == "110105********002X")
    }

    @Test func normalisesLowerCaseXAndSpaces() throws {
        #expect(try ResidentID(" 11010519491231002x\u{3000}", today: .testToday).value == "11010519491231002X")
    }

    @Test func refusesAWrongCheckDigit() {
        #expect(throws: ValidationError.invalid("身份证号校验位不符，请核对身份证原件")) { try ResidentID("110105194912310021", today: .testToday) }
    }

    @Test func refusesAnImpossibleBirthDate() {
        // 1949-02-30 does not exist; the check digit is made valid so only the date can fail.
        let body = "11010519490230002"
        let check = ResidentID.checkCharacter(for: body)
        #expect(throws: ValidationError.invalid("身份证号中的出生日期无效（19490230）")) { try ResidentID(body + String(check), today: .testToday) }
    }

    @Test(arguments: ["", "1101051949123100", "11010519491231002XX", "1101051949123100AX", "11010519491231002Y"])
    func refusesMalformedText(_ raw: String) {
        #expect(throws: ValidationError.self) { try ResidentID(raw, today: .testToday) }
    }

    @Test func generatedNumbersAreValidAndCarryTheirBirthDate() throws {
        let birth = CivilDate(year: 1988, month: 2, day: 29)!
        for sequence in [1, 2, 37, 999] {
            let id = ResidentID.make(region: "520502", birth: birth, sequence: sequence)
            #expect(try ResidentID(id.value, today: .testToday) == id)
            #expect(id.birthDate == birth)
            #expect(id.isMale == (sequence % 2 == 1))
        }
    }
}

@Suite("Mobile phone")
struct MobilePhoneTests {
    @Test(arguments: ["13800138000", "+8613800138000", "8613800138000", "013800138000", "138 0013 8000", "19912345678"])
    func acceptsMainlandMobiles(_ raw: String) throws {
        #expect(try MobilePhone(raw).value.count == 11)
    }

    @Test(arguments: ["12345678901", "1380013800", "138001380000", "23800138000", "1380013800a", "+1 13800138000"])
    func refusesOthers(_ raw: String) {
        #expect(throws: ValidationError.self) { try MobilePhone(raw) }
    }

    @Test func masksTheMiddle() throws {
        #expect(try MobilePhone("13800138000").masked == "138****8000")
    }
}

@Suite("Person name")
struct PersonNameTests {
    @Test(arguments: ["张三", "欧阳娜娜", "阿卜杜·热合曼", "\u{20BB7}野", "𪚥敏", "李〇"])
    func acceptsChineseNamesIncludingNonBMPAndMiddleDot(_ raw: String) throws {
        #expect(try PersonName(raw).value == raw)
    }

    @Test(arguments: ["Tom", "张3", "·张三", "张三·", "张", "张 三", String(repeating: "张", count: 31)])
    func refusesOthers(_ raw: String) {
        #expect(throws: ValidationError.self) { try PersonName(raw) }
    }
}

@Suite("GB 32100 credit code")
struct CreditCodeTests {
    @Test(arguments: ["914403001922038216", "91110000802100433B", "91110000802100433b"])
    func acceptsValidCodes(_ raw: String) throws {
        #expect(try CreditCode(raw).kindLabel == "企业")
    }

    @Test func refusesAWrongCheckCharacter() {
        #expect(throws: ValidationError.invalid("统一社会信用代码校验位错误（应为6）")) { try CreditCode("914403001922038217") }
    }

    @Test(arguments: ["91440300192203821", "9144030019220382I6", "91440300192203821O"])
    func refusesMalformed(_ raw: String) {
        #expect(throws: ValidationError.self) { try CreditCode(raw) }
    }
}

@Suite("Password policy")
struct PasswordPolicyTests {
    @Test(arguments: ["Abcdefh7", "abc12345!", "ABC!@#12", "Zq9#Zq9#"])
    func acceptsThreeOfFourClasses(_ password: String) throws {
        try PasswordPolicy.check(password, username: "hr")
    }

    @Test(arguments: ["Abc1!", "abcdefgh", "abcdefg1", "ABCDEFGH1", "12345678!"])
    func refusesWeakPasswords(_ password: String) {
        #expect(throws: ValidationError.self) { try PasswordPolicy.check(password, username: "hr") }
    }

    /// The shipped list, matched whatever the case: these pass every other rule.
    @Test(arguments: ["Password1", "pASSWORD1", "P@ssw0rd", "Qwerty123", "Woaini1314", "Aa123456", "Admin@123", "1qaz@WSX"])
    func refusesCommonPasswords(_ password: String) {
        #expect(throws: ValidationError.invalid("该密码过于常见（在常用密码清单中），请换一个")) { try PasswordPolicy.check(password, username: "hr") }
    }

    @Test func theShippedListIsModest() {
        #expect((4_000...6_000).contains(CommonPasswords.shipped.count))
        #expect(!CommonPasswords.shipped.contains("Zq9#Zq9#"))
    }

    @Test func refusesPasswordsContainingTheUserName() {
        #expect(throws: ValidationError.invalid("密码不能包含用户名")) { try PasswordPolicy.check("Zhangwei1!", username: "zhangwei") }
    }
}

@Suite("Working days for publicity")
struct WorkingDaysTests {
    @Test func fiveWorkingDaysSkipWeekendsAndHolidays() {
        let friday = CivilDate(year: 2026, month: 11, day: 20)!
        #expect(friday.isWeekend == false && CivilDate(year: 2026, month: 11, day: 21)!.isWeekend)
        #expect(WorkingDays().end(of: 5, after: friday) == CivilDate(year: 2026, month: 11, day: 27))
        // National Day week 2026-10-01…07 is a holiday; 10-10 (Saturday) is a make-up working day.
        let holidays = Set((1...7).map { CivilDate(year: 2026, month: 10, day: $0)! })
        let calendar = WorkingDays(holidays: holidays, workingWeekends: [CivilDate(year: 2026, month: 10, day: 10)!])
        #expect(calendar.end(of: 5, after: CivilDate(year: 2026, month: 9, day: 30)!) == CivilDate(year: 2026, month: 10, day: 13))
        #expect(CivilDate(year: 2024, month: 2, day: 28)!.adding(days: 2) == CivilDate(year: 2024, month: 3, day: 1))
    }
}

@Suite("Fixed-point entry and display")
struct FixedPointTests {
    @Test(arguments: [("1.2", 3, 1200), ("0.125", 3, 125), ("87.3", 2, 8730), ("100", 2, 10000), (" 5.05 ", 2, 505), ("3", 0, 3)])
    func parses(_ text: String, _ places: Int, _ value: Int) {
        #expect(FixedPoint.parse(text, places: places) == value)
        #expect(FixedPoint.parse(FixedPoint.format(value, places: places), places: places) == value)
    }

    @Test(arguments: ["1.2345", "-1", "1.", ".5", "1,5", "abc", ""])
    func refuses(_ text: String) {
        #expect(FixedPoint.parse(text, places: 3) == nil)
    }

    /// Counts (places 0) are whole numbers: a decimal point is refused, not trapped on.
    @Test func countsHaveNoDecimals() {
        #expect(FixedPoint.parse("2.5", places: 0) == nil)
        #expect(FixedPoint.format(12, places: 0) == "12")
    }
}
