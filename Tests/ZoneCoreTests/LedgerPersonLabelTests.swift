import Testing
@testable import ZoneCore

/// The 人员 column of a ledger sheet: what the export writes reads back, and a cell that names nobody says which.
@Suite("Ledger sheets name people")
struct LedgerPersonLabelTests {
    static let a = ResidentID.make(region: "520502", birth: CivilDate(year: 1990, month: 1, day: 2)!, sequence: 11).value
    static let b = ResidentID.make(region: "520521", birth: CivilDate(year: 1991, month: 3, day: 4)!, sequence: 12).value
    static let c = ResidentID.make(region: "520522", birth: CivilDate(year: 1992, month: 5, day: 6)!, sequence: 13).value
    static let outside = ResidentID.make(region: "110105", birth: CivilDate(year: 1980, month: 7, day: 8)!, sequence: 14).value
    static let people: [Int64: LedgerReferences.PersonRef] = [
        1: .init(name: "张伟", unitID: 7, idNumber: a), 2: .init(name: "张伟", unitID: 7, idNumber: b), 3: .init(name: "李娜", unitID: 8, idNumber: c),
    ]
    static let references = LedgerReferences(units: [7: "产业发展局", 8: "招商局"], people: people)

    static func sheet(_ cells: [String]) throws -> LedgerImport {
        let rows = cells.enumerated().map { "\($0.element),2025-0\($0.offset + 1),20," }
        return LedgerImport(try CSVTable(parsing: (["人员,月份,填报天数,提交日期"] + rows).joined(separator: "\n")), kind: .workLogs, references: references)
    }

    @Test func labelsAreNamesUnlessANameIsShared() {
        let labels = LedgerPersonLabel.labels(Self.people.map { ($0.key, $0.value.name, $0.value.idNumber) })
        #expect(labels[3] == "李娜")
        #expect(labels[1] == "张伟（\(Masking.mask(Self.a, keepPrefix: 6, keepSuffix: 4))）")
        #expect(labels[1] != labels[2])
    }

    /// What the export writes, a plain unique name, a full 身份证号 and ASCII brackets all find their person.
    @Test func everyLabelReadsBack() throws {
        let labels = LedgerPersonLabel.labels(Self.people.map { ($0.key, $0.value.name, $0.value.idNumber) })
        let sheet = try Self.sheet([labels[1]!, labels[2]!, labels[3]!, Self.c.lowercased(), "张伟(\(Masking.mask(Self.b, keepPrefix: 6, keepSuffix: 4)))"])
        #expect(sheet.errors.isEmpty, "\(sheet.errors)")
        #expect(sheet.records.map(\.personID) == [1, 2, 3, 3, 2])
        #expect(sheet.records.map(\.unitID) == [7, 7, 8, 8, 7])
    }

    /// A cell naming nobody shows what was typed (on main: "身份证号“**”不在名册中"); only a whole ID number, someone's
    /// personal data, is masked.
    @Test func problemsShowTheCellAsTyped() throws {
        let sheet = try Self.sheet(["王芳", "张伟", Self.outside, "李娜（520522********0000）"])
        #expect(sheet.records.isEmpty)
        #expect(sheet.errors.map(\.description) == [
            "第2行 人员：人员“王芳”不在名册中或不在您的管理范围内（可填姓名或身份证号）",
            "第3行 人员：名册中有 2 人叫“张伟”，请填写身份证号",
            "第4行 人员：身份证号“\(Masking.mask(Self.outside, keepPrefix: 6, keepSuffix: 4))”不在名册中或不在您的管理范围内",
            "第5行 人员：人员“李娜（520522********0000）”不在名册中或不在您的管理范围内（可填姓名或身份证号）",
        ])
    }
}
