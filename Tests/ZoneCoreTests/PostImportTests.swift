import Testing
@testable import ZoneCore

@Suite("Post catalogue sheet")
struct PostImportTests {
    static let header = PostImport.columns.joined(separator: ",")
    static let units = UnitTree([1: "产业发展局", 2: "招商局"].map {
        Unit(id: $0.key, parentID: nil, name: $0.value, kind: .department, orgType: .government, funding: .full, rank: "", isEconomic: false, sortOrder: 0)
    })

    @Test func rowsAreCheckedLikeTheFormAndDuplicatesRefused() throws {
        let existing = Post(id: 9, unitID: 2, title: "招商专员", level: 3, category: .investment, payCoefficientMilli: 1200,
                            requirements: "", headcount: 1, termYears: 3, leadership: nil, validFrom: nil, validTo: nil)
        let good = PostImport(try CSVTable(parsing: Self.header + "\n产业发展局,综合文员,2,综合,1.000,3,3,,,,\n"), units: Self.units, existing: [existing], staffing: nil)
        #expect(good.errors.isEmpty && good.posts.map(\.title) == ["综合文员"] && good.posts[0].payCoefficientMilli == 1000)
        let bad = PostImport(try CSVTable(parsing: Self.header + """

            招商局,招商专员,3,招商,1.2,1,3,,,,
            不存在局,文员,2,综合,1,1,3,,,,
            产业发展局,文员,2,综合,1,1,3,,,,
            产业发展局,文员,2,综合,9,1,4,,,2025-02-30,
            """), units: Self.units, existing: [existing], staffing: nil)
        #expect(bad.posts.isEmpty)
        #expect(bad.errors.map(\.description) == [
            "第2行 岗位名称：“招商局”已有在用岗位“招商专员”", "第3行 单位：单位“不存在局”不存在",
            "第5行 薪酬系数：薪酬系数须在0.1–5.0之间，最多三位小数（所填：“9”）", "第5行 聘期（年）：聘期为1–3年（所填：“4”）", "第5行 有效期起：日期“2025-02-30”无效：应为有效日期，如 2024-01-15、2024/1/15 或 2024年1月15日",
        ])
    }

    /// A zone whose `staffing.post_term_years` is 2–3 refuses a 1-year post in the sheet, naming the key,
    /// and takes a 2-year one.
    @Test func termsAreBoundedByTheZonesPolicy() throws {
        let staffing = StaffingRules(postTermYears: 2...3, methods: [.competitive], waitingMonths: 3, tieBreak: [.id])
        let sheet = try CSVTable(parsing: Self.header + "\n产业发展局,综合文员,2,综合,1.000,1,1,,,,\n招商局,招商专员,3,招商,1.2,1,2,,,,\n")
        #expect(PostImport(sheet, units: Self.units, existing: [], staffing: nil).posts.map(\.termYears) == [1, 2])
        let bounded = PostImport(sheet, units: Self.units, existing: [], staffing: staffing)
        #expect(bounded.posts.isEmpty)
        #expect(bounded.errors.map(\.description) == ["第2行 聘期（年）：聘期为2–3年（本园区政策 staffing.post_term_years）（所填：“1”）"])
        let two = try CSVTable(parsing: Self.header + "\n招商局,招商专员,3,招商,1.2,1,2,,,,\n")
        #expect(PostImport(two, units: Self.units, existing: [], staffing: staffing).posts.map(\.termYears) == [2])
    }
}
