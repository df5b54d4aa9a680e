import Testing
@testable import ZoneCore
import ZoneTestSupport
@testable import ZoneStore

@Suite("Restructuring plans applied to the live register")
struct PlanStoreTests {
    @Test(arguments: TestDatabase.backends)
    func anApprovedPlanAppliesInOneTransaction(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            let (zone, units) = try await TestDatabase.seedZone(store) // 管委会(3) → 产业发展局, 党政办公室; 服务中心(2)
            let people = try await store.people.createAll([
                TestDatabase.person("甲", sequence: 500, unit: units[1]), TestDatabase.person("乙", sequence: 501, unit: units[2]),
                TestDatabase.person("丙", sequence: 502, unit: units[3]), TestDatabase.person("丁", sequence: 503, unit: units[3]),
            ], zoneID: zone, actor: "t")
            try await store.quotas.setLeadership(unitID: units[2], zoneID: zone, quotaClass: .section, quota: 1,
                                                 approval: ChangeApproval(documentNo: "毕编〔2020〕1号", approvedOn: nil, summary: ""), actor: "hr")
            var plan = try await store.plans.create(zoneID: zone, name: "大部制", actor: "hr")
            let ops: [PlanOperation] = [
                .create(NewPlanUnit(key: "jjfz", name: "经济发展局", parent: .existing(units[0]), kind: .department, orgType: .government, isEconomic: true)),
                .merge(sources: [.existing(units[1]), .existing(units[2])], into: .new("jjfz")),
                .movePeople([people[3].id], to: .diverted("区属国企")),
                .setEstablishment(.existing(units[3]), .institutional, 1),
            ]
            plan = try await store.plans.save(id: plan.id, zoneID: zone, operations: ops, expectedVersion: 1, actor: "hr")
            await #expect(throws: StoreError.staleVersion(entity: "方案“大部制”", expected: 1, actual: 2)) {
                try await store.plans.save(id: plan.id, zoneID: zone, operations: [], expectedVersion: 1, actor: "other")
            }
            await #expect(throws: StoreError.self) { try await store.plans.apply(id: plan.id, zoneID: zone, actor: "hr") }
            // The preview changes nothing live.
            let preview = try plan.plan.apply(to: try await store.plans.snapshot(zoneID: zone))
            #expect(preview.diverted["区属国企"]?.map(\.id) == [people[3].id])
            #expect(try await store.units.all(zoneID: zone).count == 4)

            try await store.plans.approve(id: plan.id, zoneID: zone, actor: "leader")
            try await store.plans.apply(id: plan.id, zoneID: zone, actor: "hr")
            let after = try await store.plans.snapshot(zoneID: zone)
            let newUnit = try #require(after.units.first { $0.name == "经济发展局" })
            #expect(after.units.count == 3)
            #expect(after.people.filter { $0.unit == newUnit.ref }.map(\.id).sorted() == [people[0].id, people[1].id])
            #expect(try await store.people.find(id: people[3].id, zoneID: zone)?.status == .diverted)
            #expect(try await store.plans.find(id: plan.id, zoneID: zone)?.status == .applied)
            // The merged unit's 职数 leaves through the 台账, naming the plan.
            let withdrawn = try await store.units.establishmentChanges(unitID: units[2], zoneID: zone)
            #expect(withdrawn.map { [$0.old, $0.new] } == [[nil, 1], [1, nil]] && withdrawn.last?.approval.summary == "实施机构改革方案“大部制”")
            #expect(try await store.audit.verify(store.database.reader).isIntact)
        }
    }

    @Test(arguments: TestDatabase.backends)
    func aPlanThatWouldOverfillAUnitIsRefusedAndChangesNothing(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            let (zone, units) = try await TestDatabase.seedZone(store)
            _ = try await store.people.createAll([TestDatabase.person("甲", sequence: 510, unit: units[3]),
                                                  TestDatabase.person("乙", sequence: 511, unit: units[3])], zoneID: zone, actor: "t")
            let plan = try await store.plans.create(zoneID: zone, name: "压编", actor: "hr")
            _ = try await store.plans.save(id: plan.id, zoneID: zone, operations: [.setEstablishment(.existing(units[3]), .institutional, 1)],
                                           expectedVersion: 1, actor: "hr")
            try await store.plans.approve(id: plan.id, zoneID: zone, actor: "leader")
            await #expect(throws: StoreError.overQuota([QuotaViolation(kind: .establishment(.institutional), unitID: units[3], unitName: "服务中心",
                                                                       used: 2, limit: 1, approved: 0)])) {
                try await store.plans.apply(id: plan.id, zoneID: zone, actor: "hr")
            }
            #expect(try await store.quotas.book(zoneID: zone).establishment[units[3]]?[.institutional] == 2)
            #expect(try await store.plans.find(id: plan.id, zoneID: zone)?.status == .approved)
        }
    }
}
