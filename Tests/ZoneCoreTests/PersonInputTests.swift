import Testing
@testable import ZoneCore

@Suite("Person form validation")
struct PersonInputTests {
    let units: Set<Int64> = [1, 2]

    @Test func derivesGenderAndBirthDateFromTheIDNumber() throws {
        let input = PersonInput(name: "张三", idNumber: "11010519491231002x", phone: "+86 138 0013 8000", unitID: "2",
                                establishment: "事业", archivePost: "科员", archiveRank: "一级科员")
        let valid = try input.validate(knownUnits: units, today: .testToday).get()
        #expect(valid.idNumber == "11010519491231002X")
        #expect(valid.gender == .female)
        #expect(valid.birthDate == "1949-12-31")
        #expect(valid.phone == "13800138000")
        #expect(valid.unitID == 2)
    }

    @Test func reportsEveryBadFieldAtOnceInChinese() {
        let input = PersonInput(name: "Tom", idNumber: "110105194912310021", phone: "12345", unitID: "9", establishment: "x", status: "?")
        guard case .failure(let errors) = input.validate(knownUnits: units, today: .testToday) else {
            Issue.record("expected errors")
            return
        }
        #expect(errors["name"] == "姓名只能包含汉字和间隔号“·”")
        #expect(errors["idNumber"] == "身份证号校验位不符，请核对身份证原件")
        #expect(errors["phone"]?.hasPrefix("手机号格式不正确") == true)
        #expect(errors["unitID"] == "单位不存在")
        #expect(errors["establishment"]?.hasPrefix("编制类型应为") == true)
        #expect(errors["status"] == "人员状态“?”无效，应为：在岗/待岗/培训/借调/分流/退休")
    }

    @Test func phoneIsOptional() throws {
        let input = PersonInput(name: "李四", idNumber: "11010519491231002X", unitID: "1", establishment: "编外")
        #expect(try input.validate(knownUnits: units, today: .testToday).get().phone == nil)
    }

    /// 参加工作时间 is optional, stored as yyyy-MM-dd, and bounded: a real date from the 16th birthday
    /// (born 1949-12-31 → 1965-12-31) to the year 2100.
    @Test func workStartIsOptionalAndBounded() throws {
        func check(_ text: String) -> Result<ValidPerson, FieldErrors> {
            PersonInput(name: "李四", idNumber: "11010519491231002X", unitID: "1", establishment: "编外", workStartedOn: text).validate(knownUnits: units, today: .testToday)
        }
        #expect(try check("").get().workStartedOn == nil)
        #expect(try check(" 1968/7/1 ").get().workStartedOn == "1968-07-01")
        #expect(try check("1965-12-31").get().workStartedOn == "1965-12-31")
        let refused = [("1965-12-30", "参加工作时间不能早于年满16周岁（1965-12-31）"), ("2101-01-01", "参加工作时间须不晚于2100年"),
                       ("1970-02-30", "日期“1970-02-30”无效：应为有效日期，如 2024-01-15、2024/1/15 或 2024年1月15日")]
        for (text, message) in refused {
            guard case .failure(let errors) = check(text) else { Issue.record("\(text) was accepted"); continue }
            #expect(errors["workStartedOn"] == message, "\(text)")
        }
    }
}
