import Testing
@testable import ZoneCore

@Suite("三定 org-tree sheet")
struct UnitImportTests {
    static let header = UnitImport.columns.joined(separator: ",")
    static let empty = QuotaBook(tree: UnitTree([]), establishment: [:], placements: [:])
    static let code = CreditCode.completing("11321081MB0000001")!.value
    /// `code` with a wrong check character.
    static let badCode = String(code.dropLast()) + (code.last == "0" ? "1" : "0")

    /// A row in the template's columns: the eight fields, the eleven quotas (by label), 是否经济职能.
    static func row(_ name: String, parent: String = "", kind: String = "内设机构", type: String = "党政机关", code: String = "",
                    quotas: [String: String] = [:], economic: String = "否") -> String {
        ([name, parent, kind, type, "全额", "正科级", code, ""] + QuotaItem.all.map { quotas[$0.label] ?? "" } + [economic]).joined(separator: ",")
    }

    static func sheet(_ rows: String...) throws -> CSVTable { try CSVTable(parsing: ([header] + rows).joined(separator: "\n")) }

    @Test func aYizhengShapedTreeIsPlannedParentsFirst() throws {
        let table = try Self.sheet(
            Self.row("大数据产业园", parent: "经济开发区", kind: "园区（一区多园）", quotas: ["员额": "30"], economic: "是"),
            Self.row("经济开发区", kind: "党工委/管委会", code: Self.code, quotas: ["事业编制": "54", "处级领导职数": "6"]),
            Self.row("综合办公室", parent: "大数据产业园"),
            Self.row("综合办公室", parent: "经济开发区/化工园区（新材料产业园）"),
            Self.row("化工园区（新材料产业园）", parent: "经济开发区", kind: "园区（一区多园）", quotas: ["员额": "40"]))
        let sheet = UnitImport(table, book: Self.empty, registers: [:])
        #expect(sheet.errors.isEmpty, "\(sheet.errors)")
        #expect(sheet.entries.map(\.path) == ["经济开发区", "经济开发区/大数据产业园", "经济开发区/化工园区（新材料产业园）",
                                              "经济开发区/大数据产业园/综合办公室", "经济开发区/化工园区（新材料产业园）/综合办公室"])
        #expect(sheet.entries.map(\.parent) == [.root, .entry(0), .entry(0), .entry(1), .entry(2)])
        #expect(sheet.entries[0].unit.kind == .committee && sheet.entries[0].register.creditCode == Self.code)
        #expect(sheet.entries[0].establishment == [.institutional: 54] && sheet.entries[0].leadership == [.divisionLevel: 6])
        #expect(sheet.entries[1].unit.isEconomic && sheet.entries[1].establishment == [.postCap: 30])
        #expect(sheet.quotaChanges.count == 4 && sheet.quotaChanges.allSatisfy { $0.old == nil } && !sheet.isUnchanged)
    }

    @Test func everyRowProblemIsReportedByLineAndColumn() throws {
        let table = try Self.sheet(
            Self.row("经济开发区", kind: "管委会"),
            Self.row("招商局", parent: "不存在的局"),
            Self.row("甲", parent: "乙"),
            Self.row("乙", parent: "甲"),
            Self.row("财政局", parent: "经济开发区"),
            Self.row("财政局", parent: "经济开发区", quotas: ["行政编制": "-1", "员额": "100001", "科级领导职数": "三"]),
            Self.row("审批局", parent: "经济开发区", kind: "局", type: "机关", code: Self.badCode),
            Self.row("a/b", parent: "经济开发区", economic: "对"))
        let sheet = UnitImport(table, book: Self.empty, registers: [:])
        #expect(sheet.entries.isEmpty)
        #expect(sheet.errors.map(\.description) == [
            "第3行 上级机构：上级机构“不存在的局”不存在",
            "第4行 上级机构：上级机构形成循环：甲 → 乙 → 甲",
            "第5行 上级机构：上级机构形成循环：乙 → 甲 → 乙",
            "第7行 机构名称：与第6行重复：同一上级下已有“财政局”",
            "第7行 行政编制：行政编制应为 0–100000 的整数（所填：“-1”）",
            "第7行 员额：员额应为 0–100000 的整数（所填：“100001”）",
            "第7行 科级领导职数：科级领导职数应为 0–100000 的整数（所填：“三”）",
            "第8行 机构类别：应为园区、党工委/管委会、内设机构、事业单位、纪工委、园区（一区多园）、法定机构、平台公司之一（所填：“局”）",
            "第8行 机构性质：应为党政机关、事业单位、法定机构、国有企业之一",
            "第8行 统一社会信用代码：统一社会信用代码校验位错误（应为\(Self.code.last!)）（所填：“\(Self.badCode)”）",
            "第9行 机构名称：不能含“/”（上级机构用它分隔路径）（所填：“a/b”）",
            "第9行 是否经济职能：应为“是”或“否”（所填：“对”）",
        ])
    }

    @Test func missingColumnsAndEmptySheetsAreRefused() throws {
        let noParent = UnitImport(try CSVTable(parsing: "机构名称,机构类别,机构性质\n甲,内设机构,党政机关\n"), book: Self.empty, registers: [:])
        #expect(noParent.errors.map(\.description) == ["第1行 上级机构：缺少必需的列"])
        #expect(UnitImport(try Self.sheet(), book: Self.empty, registers: [:]).errors.map(\.description) == ["第1行 ：文件中没有数据行"])
    }

    /// The zone as an earlier import left it: 开发区 (事业 3) → 招商局, 财政局 (行政 2), and two people in 招商局
    /// counting against 开发区's 事业编制.
    static func existing() -> (book: QuotaBook, registers: [Int64: UnitRegister]) {
        let units = [Unit(id: 1, parentID: nil, name: "开发区", kind: .committee, orgType: .government, funding: .full, rank: "正科级", isEconomic: false, sortOrder: 1),
                     Unit(id: 2, parentID: 1, name: "招商局", kind: .department, orgType: .government, funding: .full, rank: "正科级", isEconomic: false, sortOrder: 2),
                     Unit(id: 3, parentID: 1, name: "财政局", kind: .department, orgType: .government, funding: .full, rank: "正科级", isEconomic: false, sortOrder: 3)]
        let book = QuotaBook(tree: UnitTree(units), establishment: [1: [.institutional: 3], 3: [.administrative: 2]],
                             placements: [Placement(unitID: 2, category: .institutional): 2])
        return (book, [1: UnitRegister(creditCode: code)])
    }

    @Test func reimportMatchesByPathUpdatesAndKeepsUnlistedUnits() throws {
        let (book, registers) = Self.existing()
        let same = UnitImport(try Self.sheet(Self.row("开发区", kind: "党工委/管委会", code: Self.code, quotas: ["事业编制": "3"]),
                                             Self.row("招商局", parent: "开发区"),
                                             Self.row("财政局", parent: "开发区", quotas: ["行政编制": "2"])), book: book, registers: registers)
        #expect(same.errors.isEmpty && same.isUnchanged && same.unlisted.isEmpty, "\(same.errors)")
        #expect(same.entries.map(\.existingID) == [1, 2, 3])
        let changed = UnitImport(try Self.sheet(Self.row("开发区", kind: "党工委/管委会", code: Self.code, quotas: ["事业编制": "4"]),
                                                Self.row("招商局", parent: "开发区", type: "事业单位"),
                                                Self.row("服务中心", parent: "开发区", kind: "事业单位", type: "事业单位", quotas: ["事业编制": "5"])),
                                 book: book, registers: registers)
        #expect(changed.errors.isEmpty, "\(changed.errors)")
        #expect(changed.entries.map(\.existingID) == [1, 2, nil] && changed.entries.map(\.fieldsChanged) == [false, true, false])
        #expect(changed.entries[2].parent == .unit(1) && changed.unlisted == [3])
        #expect(changed.quotaChanges == [UnitImport.QuotaChange(entry: 0, item: .establishment(.institutional), old: 3, new: 4),
                                         UnitImport.QuotaChange(entry: 2, item: .establishment(.institutional), old: nil, new: 5)])
    }

    @Test func aQuotaBelowThePeopleHoldingItIsRefused() throws {
        let (book, registers) = Self.existing()
        let lowered = UnitImport(try Self.sheet(Self.row("开发区", kind: "党工委/管委会", code: Self.code, quotas: ["事业编制": "1"])),
                                 book: book, registers: registers)
        #expect(lowered.errors.map(\.description) == ["第2行 事业编制：核定数少于现有人数：超编：开发区 事业编制 2/1"])
        // A quota given to 招商局 itself now holds its two people.
        let child = UnitImport(try Self.sheet(Self.row("招商局", parent: "开发区", quotas: ["事业编制": "1"])), book: book, registers: registers)
        #expect(child.errors.map(\.description) == ["第2行 事业编制：核定数少于现有人数：超编：招商局 事业编制 2/1"])
        let withdrawn = UnitImport(try Self.sheet(Self.row("开发区", kind: "党工委/管委会", code: Self.code)), book: book, registers: registers)
        #expect(withdrawn.errors.map(\.description) == ["第2行 事业编制：核定数少于现有人数：无编制：招商局 及其上级未核定事业编制"])
    }

    @Test func namesAndCreditCodesMustIdentifyOneUnit() throws {
        let (book, registers) = Self.existing()
        let other = CreditCode.completing("12321081MB0000003")!.value
        let sheet = UnitImport(try Self.sheet(Self.row("办公室", parent: "开发区", code: Self.code),
                                              Self.row("办公室", parent: "招商局", code: other),
                                              Self.row("档案室", parent: "办公室"),
                                              Self.row("档案室", parent: "开发区/办公室", code: other)), book: book, registers: registers)
        #expect(sheet.errors.map(\.description) == [
            "第2行 统一社会信用代码：与现有机构“开发区”重复",
            "第4行 上级机构：上级机构“办公室”不唯一，请写成从顶层机构起的路径，如“上级/下级”",
            "第5行 统一社会信用代码：与第3行重复",
        ])
    }
}
