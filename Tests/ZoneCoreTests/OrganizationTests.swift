import Testing
@testable import ZoneCore

@Suite("Org tree and establishment use")
struct OrganizationTests {
    /// Builds the demo zone's tree with ids 1…n in DemoZone order.
    static func demoTree() -> (UnitTree, [Int64: [EstablishmentCategory: Int]], [String: Int64]) {
        let keys = DemoZone.units.map(\.key)
        var ids: [String: Int64] = [:]
        for (i, key) in keys.enumerated() { ids[key] = Int64(i + 1) }
        let units = DemoZone.units.enumerated().map { i, spec in
            Unit(id: Int64(i + 1), parentID: spec.parentKey.flatMap { ids[$0] }, name: spec.name, kind: spec.kind,
                 orgType: spec.orgType, funding: spec.funding, rank: spec.rank, isEconomic: spec.isEconomic, sortOrder: i)
        }
        var quotas: [Int64: [EstablishmentCategory: Int]] = [:]
        for spec in DemoZone.units where spec.quota > 0 { quotas[ids[spec.key]!] = [.institutional: spec.quota] }
        return (UnitTree(units), quotas, ids)
    }

    @Test func subtreeOfTheCommitteeHoldsItsEightDepartments() {
        let (tree, _, ids) = Self.demoTree()
        let subtree = tree.subtree(of: ids["committee"]!)
        #expect(subtree.count == 9)
        #expect(tree.children(of: ids["committee"]!).filter { $0.kind == .department }.count == 8)
        #expect(!subtree.contains(ids["service"]!))
        #expect(tree.path(of: ids["chanye"]!) == "毕节高新技术产业开发区 / 党工委、管委会 / 产业发展局")
    }

    /// Seed 000: 编制 115 = 54 + 10 + 40 + 11, every one filled ("编制人员从456名减少到115名") and
    /// nobody 编外 (all 1111 diverted), computed from the generated people; the 24.7% is that
    /// establishment over the 465 before the reform, which the zone enters in its policy.
    @Test func bijieDemoReproducesTheSeedFigures() throws {
        let (tree, quotas, ids) = Self.demoTree()
        var headcounts: [Int64: [StaffCategory: Int]] = [:]
        for spec in DemoZone.people() { headcounts[ids[spec.unitKey]!, default: [:]][spec.person.establishment, default: 0] += 1 }
        let usage = EstablishmentUsage(tree: tree, quotas: quotas, headcounts: headcounts)
        let policy = try ShippedPolicies.load("bijie")
        guard case .total(let establishment, let parts)? = policy.figure("establishment_total")?.measure,
              case .change(_, let staffAfter, _, _)? = policy.figure("staff_before_after")?.measure else {
            Issue.record("bijie.yaml should publish establishment_total and staff_before_after"); return
        }
        let units = ["committee", "service", "storage", "discipline"]
        #expect(units.map { usage.lines[ids[$0]!]?.quota } == parts.map(\.count))
        #expect(units.map { usage.lines[ids[$0]!]?.used } == parts.map(\.count))
        #expect(usage.totalQuota == establishment && usage.totalUsed == staffAfter)
        #expect(usage.totalContract == 0 && usage.totalStaff == usage.totalUsed)
        let before = try #require(policy.establishmentBeforeReform)
        #expect(before.establishment != usage.totalStaff)
        #expect(before.share(of: usage.totalQuota) == before.published.description)
        let totals = usage.rollup(tree)
        #expect(totals[ids["zone"]!]?.staff == staffAfter && totals[ids["zone"]!]?.contract == 0)
        // The committee's row includes its 8 departments: its 54 编制, all filled, nobody else.
        #expect(totals[ids["committee"]!]?.staff == parts[0].count && totals[ids["committee"]!]?.used == parts[0].count)
        #expect(totals[ids["chanye"]!]?.quota == 0 && totals[ids["chanye"]!]?.staff == DemoZone.people().count { $0.unitKey == "chanye" })
    }

    @Test func demoPeopleHaveUniqueValidIDsAndAreReproducible() throws {
        let people = DemoZone.people()
        #expect(Set(people.map(\.person.idNumber)).count == people.count)
        for spec in people {
            _ = try ResidentID(spec.person.idNumber, today: .testToday)
            _ = try PersonName(spec.person.name)
        }
        #expect(DemoZone.people().map(\.person.idNumber) == people.map(\.person.idNumber))
    }

    @Test(arguments: [(115, 465, "24.7%"), (1, 8, "12.5%"), (1, 3, "33.3%"), (2, 3, "66.7%"), (0, 5, "0.0%"), (5, 0, "—")])
    func percentRoundsHalfUpToOneDecimal(_ part: Int, _ whole: Int, _ text: String) {
        #expect(Percent.format(part, of: whole) == text)
    }

    @Test func scopeAllowsOnlyItsRecords() {
        #expect(Scope.units([1, 2]).allows(personID: 9, unitID: 2))
        #expect(!Scope.units([1, 2]).allows(personID: 9, unitID: 3))
        #expect(Scope.person(9).allows(personID: 9, unitID: 3))
        #expect(!Scope.person(9).allows(personID: 8, unitID: 3))
        #expect(!Scope.none.allows(personID: 9, unitID: 1))
        #expect(!Scope.person(9).allows(unitID: 1))
    }

    @Test func threeAdminRolesHoldDisjointDutiesAndNoBusinessData() {
        let business: Set<Permission> = [.viewUnits, .viewPeople, .editPeople, .unmaskPersonalData, .editEstablishment,
                                         .viewPlans, .editPlans, .approvePlans, .viewReports, .managePosts, .viewRounds,
                                         .manageRounds, .applyInRounds, .rankApplicants, .viewAppraisals, .manageAppraisals,
                                         .decideConsequences, .viewPay, .managePay, .approvePay, .selfService, .objectInRounds,
                                         .viewLedgers, .editLedgers, .viewDashboard, .viewProvince]
        let admins: [Role] = [.systemAdmin, .securityAdmin, .auditAdmin]
        // The list above is complete: a new permission must be classed here as business or admin.
        #expect(business.union(admins.flatMap(\.permissions)).union([.signedIn]) == Set(Permission.allCases))
        for role in admins { #expect(role.permissions.isDisjoint(with: business)) }
        // Every admin protects their own login with a second factor; that is not a duty another admin could do.
        let duties = { (role: Role) in role.permissions.subtracting([.useSecondFactor]) }
        for a in admins { for b in admins where a != b { #expect(duties(a).isDisjoint(with: duties(b))) } }
        #expect(admins.allSatisfy { $0.can(.useSecondFactor) } && Role.allCases.filter { $0.can(.useSecondFactor) } == admins)
        #expect(!Role.discipline.can(.editPeople))
        #expect(!Role.leader.can(.editPeople))
    }

    /// 省级主管部门 reads aggregates across zones and nothing else: no role that sees people or
    /// zone pages, and no other role reads across zones.
    @Test func theProvinceRoleReadsOnlyAggregates() {
        #expect(Role.province.permissions == [.viewProvince])
        #expect(Role.province.isCrossZone && Role.allCases.filter(\.isCrossZone) == [.province])
        #expect(Role.allCases.filter { $0.can(.viewProvince) } == [.province])
        #expect(!Role.province.can(.viewPeople) && !Role.province.can(.unmaskPersonalData) && !Role.province.can(.viewDashboard))
    }
}
