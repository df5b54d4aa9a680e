import Foundation
import Testing
@testable import ZoneCore
import ZoneTestSupport
@testable import ZoneStore

@Suite("Quotas enforced by the store")
struct QuotaStoreTests {
    @Test(arguments: TestDatabase.backends)
    func aHireBeyondTheEstablishmentIsRefusedAndWritesNothing(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            let (zone, units) = try await TestDatabase.seedZone(store)
            _ = try await store.people.createAll((0..<3).map { TestDatabase.person("员工", sequence: 300 + $0, unit: units[1]) },
                                                 zoneID: zone, actor: "t")
            let audit = try await store.audit.count(store.database.reader)
            await #expect(throws: StoreError.overQuota([QuotaViolation(kind: .establishment(.institutional), unitID: units[0], unitName: "管委会",
                                                                       used: 4, limit: 3, approved: 0)])) {
                try await store.people.create(TestDatabase.person("超编", sequence: 310, unit: units[2]), zoneID: zone, actor: "t")
            }
            #expect(try await store.audit.count(store.database.reader) == audit)
            // A recorded 编制使用审批 lets exactly one more in.
            _ = try await store.quotas.addApproval(unitID: units[0], zoneID: zone, kind: .establishment, quotaClass: "事业", extra: 1, docNumber: "毕高编〔2024〕3号",
                                                   approver: "市委编办", approvedOn: CivilDate(year: 2024, month: 3, day: 1)!, note: "", actor: "hr")
            _ = try await store.people.create(TestDatabase.person("审批", sequence: 311, unit: units[2]), zoneID: zone, actor: "t")
            await #expect(throws: StoreError.self) {
                try await store.people.create(TestDatabase.person("再超", sequence: 312, unit: units[2]), zoneID: zone, actor: "t")
            }
        }
    }

    /// A zone sets its own quotas only: another zone's unit id is not found, and nothing is written.
    @Test(arguments: TestDatabase.backends)
    func quotasOfAnotherZonesUnitAreNotFound(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            let (zone, _) = try await TestDatabase.seedZone(store)
            let (_, other) = try await TestDatabase.seedZone(store)
            let approval = ChangeApproval(documentNo: "测试", approvedOn: nil, summary: "")
            let audit = try await store.audit.count(store.database.reader)
            await #expect(throws: StoreError.notFound("单位 \(other[0])", english: "unit \(other[0])")) {
                try await store.quotas.setEstablishment(unitID: other[0], zoneID: zone, category: .institutional, quota: 99, approval: approval, actor: "t")
            }
            await #expect(throws: StoreError.self) {
                try await store.quotas.setLeadership(unitID: other[0], zoneID: zone, quotaClass: .section, quota: 9, approval: approval, actor: "t")
            }
            await #expect(throws: StoreError.self) {
                _ = try await store.quotas.addApproval(unitID: other[0], zoneID: zone, kind: .establishment, quotaClass: "事业", extra: 5, docNumber: "x",
                                                       approver: "x", approvedOn: CivilDate(year: 2024, month: 3, day: 1)!, note: "", actor: "t")
            }
            #expect(try await store.audit.count(store.database.reader) == audit)
        }
    }

    @Test(arguments: TestDatabase.backends)
    func anEditThatMovesSomeoneIntoAFullUnitIsRefused(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            let (zone, units) = try await TestDatabase.seedZone(store)
            _ = try await store.people.createAll((0..<2).map { TestDatabase.person("中心", sequence: 320 + $0, unit: units[3]) },
                                                 zoneID: zone, actor: "t")
            let outsider = try await store.people.create(TestDatabase.person("局员", sequence: 330, unit: units[1]), zoneID: zone, actor: "t")
            var moved = TestDatabase.person("局员", sequence: 330, unit: units[3])
            await #expect(throws: StoreError.self) {
                try await store.people.update(id: outsider.id, zoneID: zone, to: moved, expectedVersion: 1, actor: "t")
            }
            moved.establishment = .contract // as 编外 the move needs no 编制
            #expect(try await store.people.update(id: outsider.id, zoneID: zone, to: moved, expectedVersion: 1, actor: "t").unitID == units[3])
        }
    }

    /// 100 parallel requests for the last place: exactly one gets it.
    @Test(arguments: TestDatabase.backends)
    func onlyOneOfManyConcurrentHiresTakesTheLastPlace(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            let (zone, units) = try await TestDatabase.seedZone(store)
            _ = try await store.people.create(TestDatabase.person("在编", sequence: 400, unit: units[3]), zoneID: zone, actor: "t")
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for i in 0..<100 {
                    group.addTask {
                        do {
                            _ = try await store.people.create(TestDatabase.person("抢编", sequence: 401 + i, unit: units[3]), zoneID: zone, actor: "w\(i)")
                            return true
                        } catch StoreError.overQuota {
                            return false
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1)
            #expect(try await store.quotas.book(zoneID: zone).placements[Placement(unitID: units[3], category: .institutional)] == 2)
            #expect(try await store.audit.verify(store.database.reader).isIntact)
        }
    }
}

@Suite("organization.at_quota decides a full 平编 unit's hire")
struct AtQuotaStoreTests {
    /// 服务中心 is 平编, its 2 事业编制 full, and a 编制使用审批 adds one place. Under `one_out_one_in` the approval does
    /// not let it grow (a hire needs a departure in the same change); once the zone's policy says `approval`, it lets one more in.
    @Test(arguments: TestDatabase.backends)
    func theRuleDecidesWhetherAnApprovalLetsAFlatUnitGrow(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            let unit = NewUnit(unit: Unit(id: 0, parentID: nil, name: "服务中心", kind: .institution, orgType: .government, funding: .full,
                                          rank: "正科级", isEconomic: false, sortOrder: 0),
                               parentIndex: nil, establishment: [.institutional: 2], flatStaffing: true)
            let (zone, units) = try await store.units.createZone(code: "t\(UUID().uuidString.prefix(6))", name: "测试园区", units: [unit], actor: "test")
            let bijie = try String(contentsOfFile: "policies/bijie.yaml", encoding: .utf8)
            #expect(bijie.contains("at_quota: one_out_one_in"))
            func load(_ rule: AtQuotaRule) async throws {
                try await store.policies.load(zoneID: zone, yaml: bijie.replacingOccurrences(of: "at_quota: one_out_one_in", with: "at_quota: \(rule.rawValue)"),
                                              source: "bijie.yaml", actor: "hr")
            }
            try await load(.approval)
            _ = try await store.people.createAll((0..<2).map { TestDatabase.person("员工", sequence: 400 + $0, unit: units[0]) }, zoneID: zone, actor: "t")
            _ = try await store.quotas.addApproval(unitID: units[0], zoneID: zone, kind: .establishment, quotaClass: "事业", extra: 1,
                                                   docNumber: "毕高编〔2024〕5号", approver: "市委编办",
                                                   approvedOn: CivilDate(year: 2024, month: 3, day: 1)!, note: "", actor: "hr")
            let hire = TestDatabase.person("新进", sequence: 410, unit: units[0])
            try await load(.oneOutOneIn)
            await #expect(throws: StoreError.overQuota([QuotaViolation(kind: .flatStaffing, unitID: units[0], unitName: "服务中心",
                                                                       used: 3, limit: 2, approved: 0)])) {
                try await store.people.create(hire, zoneID: zone, actor: "t")
            }
            try await load(.approval)
            _ = try await store.people.create(hire, zoneID: zone, actor: "t")
            // The approved place is now taken: a fourth is 超编 under either rule.
            await #expect(throws: StoreError.self) {
                try await store.people.create(TestDatabase.person("再进", sequence: 411, unit: units[0]), zoneID: zone, actor: "t")
            }
        }
    }
}
