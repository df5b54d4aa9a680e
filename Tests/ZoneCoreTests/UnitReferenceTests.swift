import Testing
@testable import ZoneCore

/// 一区多园 has a 招商服务部 in every park: a sheet names one by its parents, as the 三定 sheet does.
@Suite("Naming a unit in a sheet")
struct UnitReferenceTests {
    static let tree: UnitTree = {
        var units: [Unit] = []
        func add(_ id: Int64, _ parent: Int64?, _ name: String) {
            units.append(Unit(id: id, parentID: parent, name: name, kind: .department, orgType: .institution, funding: .full, rank: "",
                              isEconomic: false, sortOrder: Int(id)))
        }
        add(1, nil, "经济开发区")
        add(2, 1, "大数据产业园管理办"); add(3, 2, "招商服务部")
        add(4, 1, "汽车工业园管理办"); add(5, 4, "招商服务部")
        add(6, 1, "党政办公室")
        return UnitTree(units)
    }()

    @Test func namesPathsAndAmbiguity() {
        let names = UnitReference(Self.tree)
        #expect(names.resolve("党政办公室") == .unit(6))
        #expect(names.resolve("大数据产业园管理办/招商服务部") == .unit(3))
        #expect(names.resolve("经济开发区/汽车工业园管理办/招商服务部") == .unit(5))
        #expect(names.resolve(" 汽车工业园管理办 / 招商服务部 ") == .unit(5))
        #expect(names.resolve("招商服务部") == .ambiguous(["经济开发区/大数据产业园管理办/招商服务部", "经济开发区/汽车工业园管理办/招商服务部"]))
        #expect(names.problem("招商服务部") == "单位名称“招商服务部”不唯一（经济开发区/大数据产业园管理办/招商服务部；经济开发区/汽车工业园管理办/招商服务部），请在前面加上级机构，如“大数据产业园管理办/招商服务部”")
        // The parents must be the nearest ones, in order.
        #expect(names.resolve("经济开发区/招商服务部") == .missing)
        #expect(names.resolve("汽车工业园管理办/党政办公室") == .missing)
        #expect(names.resolve("") == .missing && names.resolve("大数据产业园管理办/") == .missing)
        #expect(names.problem("不存在局") == "单位“不存在局”不存在" && names.problem("党政办公室") == nil)
    }

    @Test func peopleAndPostSheetsNameUnitsByPath() throws {
        let book = QuotaBook(tree: Self.tree, establishment: [:], placements: [:])
        let id = { ResidentID.make(region: "321081", birth: CivilDate(year: 1990, month: 1, day: 2)!, sequence: $0).value }
        let people = PeopleImport(try CSVTable(parsing: [PeopleImport.columns.joined(separator: ","),
                                                         "张三,\(id(1)),,大数据产业园管理办/招商服务部,编外,,,,",
                                                         "李四,\(id(2)),,招商服务部,编外,,,,"].joined(separator: "\n")),
                                  book: book, existingIDs: [], today: .testToday)
        #expect(people.errors.map(\.description) == ["第3行 单位：" + UnitReference(Self.tree).problem("招商服务部")!])
        let fixed = PeopleImport(try CSVTable(parsing: [PeopleImport.columns.joined(separator: ","),
                                                        "张三,\(id(1)),,大数据产业园管理办/招商服务部,编外,,,,",
                                                        "李四,\(id(2)),,汽车工业园管理办/招商服务部,编外,,,,"].joined(separator: "\n")),
                                 book: book, existingIDs: [], today: .testToday)
        #expect(fixed.errors.isEmpty && fixed.people.map(\.unitID) == [3, 5])
        let posts = PostImport(try CSVTable(parsing: PostImportTests.header + "\n汽车工业园管理办/招商服务部,招商专员,3,招商,1.3,2,3,,,,\n招商服务部,文员,2,综合,1,1,3,,,,"),
                               units: Self.tree, existing: [], staffing: nil)
        #expect(posts.errors.map(\.description) == ["第3行 单位：" + UnitReference(Self.tree).problem("招商服务部")!])
    }
}
