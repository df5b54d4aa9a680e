import Testing
@testable import ZoneCore

@Suite("Hard quota check")
struct QuotaBookTests {
    /// 管委会(1, 事业 3, 科级职数 2) → 产业发展局(2), 党政办公室(3); 服务中心(4, 事业 1, 平编); 法定机构(5, 员额 2).
    static func book(placements: [Placement: Int], approvals: [Int64: [EstablishmentCategory: Int]] = [:]) -> QuotaBook {
        let units = [
            Unit(id: 1, parentID: nil, name: "管委会", kind: .committee, orgType: .government, funding: .full, rank: "", isEconomic: false, sortOrder: 0),
            Unit(id: 2, parentID: 1, name: "产业发展局", kind: .department, orgType: .government, funding: .full, rank: "", isEconomic: true, sortOrder: 1),
            Unit(id: 3, parentID: 1, name: "党政办公室", kind: .department, orgType: .government, funding: .full, rank: "", isEconomic: false, sortOrder: 2),
            Unit(id: 4, parentID: nil, name: "服务中心", kind: .institution, orgType: .institution, funding: .full, rank: "", isEconomic: true, sortOrder: 3),
            Unit(id: 5, parentID: nil, name: "发展服务局", kind: .statutory, orgType: .statutory, funding: nil, rank: "", isEconomic: true, sortOrder: 4),
        ]
        return QuotaBook(tree: UnitTree(units), establishment: [1: [.institutional: 3], 4: [.institutional: 1], 5: [.postCap: 2]],
                         leadership: [1: [.sectionLevel: 2]], approvedEstablishment: approvals, flatUnits: [4], placements: placements)
    }

    static func hire(_ unit: Int64, _ category: StaffCategory = .institutional, _ rank: LeadershipRank? = nil) -> StaffingChange {
        StaffingChange(before: nil, after: Placement(unitID: unit, category: category, leadership: rank))
    }

    /// A hire or an edit into a kind the policy does not list is refused naming the key; someone already in that kind
    /// (from before the policy) may still be moved, and no policy restricts nothing.
    @Test func kindsThePolicyDoesNotListTakeNoOne() {
        let plain = Self.book(placements: [:])
        let rules = OrganizationRules(establishment: [.postCap], atQuota: .approval, leadershipTargets: [])
        let book = QuotaBook(tree: plain.tree, establishment: plain.establishment, leadership: plain.leadership, flatUnits: plain.flatUnits,
                             placements: [Placement(unitID: 2, category: .institutional): 1], organization: rules)
        #expect(plain.check([Self.hire(2)]).isEmpty)
        #expect(book.check([Self.hire(2)]).map(\.message) == ["本园区政策（organization.establishment）只使用：员额；不能登记事业编制人员"])
        #expect(book.check([Self.hire(5, .postCap)]).isEmpty)
        let move = StaffingChange(before: Placement(unitID: 2, category: .institutional), after: Placement(unitID: 3, category: .institutional))
        #expect(book.check([move]).isEmpty)
    }

    /// organization.at_quota: under `one_out_one_in` a 平编 unit may not grow even with a vacancy; under `approval` it hires within quota.
    @Test func atQuotaDecidesWhetherAFlatUnitMayGrow() {
        let plain = Self.book(placements: [:])
        func book(_ rule: AtQuotaRule) -> QuotaBook {
            QuotaBook(tree: plain.tree, establishment: plain.establishment, leadership: plain.leadership, flatUnits: plain.flatUnits,
                      placements: [:], organization: OrganizationRules(establishment: [.institutional], atQuota: rule, leadershipTargets: []))
        }
        #expect(book(.oneOutOneIn).check([Self.hire(4)]).map(\.kind) == [.flatStaffing])
        #expect(book(.approval).check([Self.hire(4)]).isEmpty)
        #expect(book(.approval).check([Self.hire(4), Self.hire(4)]).map(\.kind) == [.establishment(.institutional)])
    }

    @Test func departmentsShareTheirParentsEstablishment() {
        let book = Self.book(placements: [Placement(unitID: 2, category: .institutional): 2])
        #expect(book.check([Self.hire(3)]).isEmpty)
        #expect(book.check([Self.hire(3), Self.hire(2)]).map(\.message) == ["超编：管委会 事业编制 4/3"])
    }

    @Test func contractStaffUseNoEstablishment() {
        let book = Self.book(placements: [Placement(unitID: 2, category: .institutional): 3])
        #expect(book.check([Self.hire(2, .contract)]).isEmpty)
    }

    @Test func aCategoryWithoutQuotaIsRefused() {
        let book = Self.book(placements: [:])
        #expect(book.check([Self.hire(2, .administrative)]).map(\.message) == ["无编制：产业发展局 及其上级未核定行政编制"])
    }

    @Test func aRecordedApprovalCoversTheExtraPlace() {
        let full = [Placement(unitID: 2, category: .institutional): 3]
        #expect(!Self.book(placements: full).check([Self.hire(2)]).isEmpty)
        let approved = Self.book(placements: full, approvals: [1: [.institutional: 1]])
        #expect(approved.check([Self.hire(2)]).isEmpty)
        #expect(approved.check([Self.hire(2), Self.hire(3)]).map(\.message) == ["超编：管委会 事业编制 5/4（含审批增加1名）"])
    }

    @Test func movesAndDeparturesOnlyCountTheirNetEffect() {
        let book = Self.book(placements: [Placement(unitID: 2, category: .institutional): 3])
        let move = StaffingChange(before: Placement(unitID: 2, category: .institutional), after: Placement(unitID: 3, category: .institutional))
        #expect(book.check([move]).isEmpty)
        let leave = StaffingChange(before: Placement(unitID: 2, category: .institutional), after: nil)
        #expect(book.check([leave, Self.hire(3)]).isEmpty)
        // A unit already over its quota may still lose people.
        let over = Self.book(placements: [Placement(unitID: 2, category: .institutional): 5])
        #expect(over.check([leave]).isEmpty)
        #expect(!over.check([move, Self.hire(3)]).isEmpty)
    }

    @Test func leadershipPostsAreCappedByLevel() {
        let book = Self.book(placements: [Placement(unitID: 2, category: .institutional, leadership: .section): 1])
        #expect(book.check([Self.hire(3, .institutional, .deputySection)]).isEmpty)
        let two = Self.book(placements: [Placement(unitID: 2, category: .institutional, leadership: .section): 1,
                                         Placement(unitID: 3, category: .institutional, leadership: .deputySection): 1])
        #expect(two.check([StaffingChange(before: Placement(unitID: 3, category: .institutional),
                                          after: Placement(unitID: 3, category: .institutional, leadership: .section))])
            .map(\.message) == ["超职数：管委会 科级领导职数 3/2"])
        #expect(book.check([Self.hire(4, .institutional, .section)]).contains { $0.message == "无职数：服务中心 及其上级未核定正科级领导职数" })
    }

    @Test func flatStaffedUnitsAreOneOutOneIn() {
        let empty = Self.book(placements: [:])
        #expect(empty.check([Self.hire(4)]).map(\.message).contains("平编单位须出一进一：服务中心 在编人数不得增加（现0人）"))
        let one = Self.book(placements: [Placement(unitID: 4, category: .institutional): 1])
        let swap = [StaffingChange(before: Placement(unitID: 4, category: .institutional), after: nil), Self.hire(4)]
        #expect(one.check(swap).isEmpty)
    }

    @Test func postCapsWorkLikeEstablishment() {
        let book = Self.book(placements: [Placement(unitID: 5, category: .postCap): 2])
        #expect(book.check([Self.hire(5, .postCap)]).map(\.message) == ["超员额：发展服务局 员额 3/2"])
    }
}
