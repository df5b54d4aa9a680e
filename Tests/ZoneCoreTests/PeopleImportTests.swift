import Testing
@testable import ZoneCore

@Suite("People import: row-by-row errors")
struct PeopleImportTests {
    static let header = PeopleImport.columns.joined(separator: ",")

    static func id(_ n: Int) -> String { ResidentID.make(region: "520502", birth: CivilDate(year: 1985, month: 3, day: 4)!, sequence: n).value }

    @Test func parsesQuotedFieldsCRLFAndBOM() throws {
        let table = try CSVTable(parsing: "\u{FEFF}a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\r\n1,2\r\n")
        #expect(table.header == ["a", "b", "c"])
        #expect(table.rows == [["x, y", "say \"hi\"", ""], ["1", "2", ""]])
        #expect(throws: ValidationError.invalid("CSV 文件格式错误：引号未闭合")) { try CSVTable(parsing: "a\n\"open") }
    }

    @Test func everyProblemIsReportedWithItsLineAndNothingIsAccepted() throws {
        // 管委会 holds 3 事业编制 shared by 产业发展局, 1 already used.
        let book = QuotaBookTests.book(placements: [Placement(unitID: 2, category: .institutional): 1])
        let csv = [
            Self.header,
            "张三,\(Self.id(1)),,产业发展局,事业,,,,",          // line 2: fine (2/3)
            "李四,110105194912310021,,产业发展局,事业,,,,",      // line 3: bad check digit
            "王五,\(Self.id(3)),,不存在局,事业,,,,",              // line 4: unknown unit
            "赵六,\(Self.id(1)),,党政办公室,事业,,,,",           // line 5: duplicate of line 2
            "钱七,\(Self.id(5)),,党政办公室,事业,,,,",           // line 6: 3/3
            "孙八,\(Self.id(6)),,党政办公室,事业,,,,",           // line 7: 4/3 → 超编
            "周九,\(Self.id(7)),,党政办公室,编外,,,,",           // line 8: fine, 编外
            "吴十,\(Self.id(8)),,产业发展局,事业,,,,",           // line 9: 5/3 → 超编
            "Tom,\(Self.id(9)),123,产业发展局,编外,,,,",         // line 10: name and phone
        ].joined(separator: "\n")
        let sheet = PeopleImport(try CSVTable(parsing: csv), book: book, existingIDs: [Self.id(8)], today: .testToday)
        #expect(sheet.people.isEmpty)
        #expect(sheet.errors.map(\.description) == [
            "第3行 身份证号：身份证号校验位不符，请核对身份证原件（所填：“110105********0021”）",
            "第4行 单位：单位“不存在局”不存在",
            "第5行 身份证号：与第2行重复",
            "第7行 编制类型：超编：管委会 事业编制 4/3",
            "第9行 身份证号：已在名册中登记",
            "第10行 姓名：姓名只能包含汉字和间隔号“·”（所填：“Tom”）",
            "第10行 手机号：手机号格式不正确（应为1[3-9]开头的11位数字）（所填：“123”）",
        ])
    }

    @Test func aCleanSheetIsAcceptedWhole() throws {
        let book = QuotaBookTests.book(placements: [:])
        let csv = Self.header + "\n张三,\(Self.id(11)),13800138000,产业发展局,事业,科员,一级科员,正科,在岗\n李四,\(Self.id(12)),,党政办公室,编外,,,,"
        let sheet = PeopleImport(try CSVTable(parsing: csv), book: book, existingIDs: [], today: .testToday)
        #expect(sheet.errors.isEmpty)
        #expect(sheet.people.map(\.name) == ["张三", "李四"])
        #expect(sheet.people[0].leadership == .section && sheet.people[0].unitID == 2)
    }

    @Test func missingColumnsAreReportedOnTheHeaderLine() throws {
        let sheet = PeopleImport(try CSVTable(parsing: "姓名,手机号\n张三,13800138000"), book: QuotaBookTests.book(placements: [:]), existingIDs: [], today: .testToday)
        #expect(sheet.errors.map(\.description) == ["第1行 身份证号：缺少必需的列", "第1行 单位：缺少必需的列", "第1行 编制类型：缺少必需的列"])
    }
}
