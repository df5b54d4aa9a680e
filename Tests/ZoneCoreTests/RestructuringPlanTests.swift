import Testing
@testable import ZoneCore

/// Builds snapshots from entered units and people, then checks each seed zone's published
/// before/after figures come out of the plan engine.
struct SnapshotBuilder {
    var snapshot = OrgSnapshot(units: [], establishment: [:], leadership: [:], people: [])
    var nextUnit: Int64 = 1
    var nextPerson: Int64 = 1

    @discardableResult
    mutating func unit(_ name: String, _ kind: UnitKind, parent: Int64? = nil, orgType: OrgType = .government, economic: Bool = false,
                       establishment: [EstablishmentCategory: Int] = [:], leadership: [LeadershipClass: Int] = [:],
                       staff: Int = 0, category: StaffCategory = .institutional) -> Int64 {
        let id = nextUnit
        nextUnit += 1
        snapshot.units.append(.init(ref: .existing(id), name: name, parent: parent.map { .existing($0) }, kind: kind, orgType: orgType,
                                    isEconomic: economic))
        if !establishment.isEmpty { snapshot.establishment[.existing(id)] = establishment }
        if !leadership.isEmpty { snapshot.leadership[.existing(id)] = leadership }
        for _ in 0..<staff {
            snapshot.people.append(.init(id: nextPerson, unit: .existing(id), category: category))
            nextPerson += 1
        }
        return id
    }

    func people(in unit: Int64) -> [Int64] { snapshot.people.filter { $0.unit == .existing(unit) }.map(\.id) }
}

@Suite("Restructuring plans reproduce the seed figures")
struct RestructuringPlanTests {
    /// 毕节 (seed 000): the two zones' 区直 units held 465 编制 and 456 编内 people plus 1,111 编外;
    /// after: 115 = 54 + 10 + 40 + 11, 36 people kept by selection, the rest diverted.
    @Test func bijie() throws {
        var b = SnapshotBuilder()
        let zone = b.unit("两区", .zone)
        let jinhaihu = b.unit("原金海湖新区区直部门", .department, parent: zone, establishment: [.institutional: 250], staff: 245)
        let qixing = b.unit("原七星关经开区区直部门", .department, parent: zone, establishment: [.institutional: 215], staff: 211)
        let contract1 = b.unit("原两区编外用工", .institution, parent: zone, orgType: .institution, staff: 1111, category: .contract)
        let before = b.snapshot
        let kept = Array(b.people(in: jinhaihu).prefix(20) + b.people(in: qixing).prefix(16))
        var ops: [PlanOperation] = [
            .create(NewPlanUnit(key: "gwh", name: "党工委、管委会", parent: .existing(zone), kind: .committee, orgType: .government)),
            .setEstablishment(.new("gwh"), .institutional, 54),
            .setLeadership(.new("gwh"), .sectionLevel, 20),
        ]
        for (key, name) in [("dzb", "党政办公室"), ("zzrs", "组织人事部"), ("ghjs", "规划建设局"), ("fzsw", "法治事务办公室"),
                            ("czjr", "财政金融工作局"), ("cyfz", "产业发展局"), ("aqsc", "安全生产监督管理局"), ("kjcx", "科技创新局")] {
            ops.append(.create(NewPlanUnit(key: key, name: name, parent: .new("gwh"), kind: .department, orgType: .government)))
        }
        for (key, name, quota, kind) in [("fwzx", "园区企业服务中心", 10, UnitKind.institution), ("cnzx", "储能研发中心", 40, .institution),
                                         ("jgw", "纪检监察工作委员会", 11, .discipline)] {
            ops.append(.create(NewPlanUnit(key: key, name: name, parent: .existing(zone), kind: kind,
                                           orgType: kind == .institution ? .institution : .government)))
            ops.append(.setEstablishment(.new(key), .institutional, quota))
        }
        ops.append(.movePeople(kept, to: .unit(.new("cyfz"))))
        ops.append(.abolish(.existing(jinhaihu), peopleTo: .diverted("七星关区")))
        ops.append(.abolish(.existing(qixing), peopleTo: .diverted("七星关区")))
        ops.append(.abolish(.existing(contract1), peopleTo: .diverted("公司岗位安置")))
        let after = try RestructuringPlan(name: "毕节高新区体制机制改革", operations: ops).apply(to: before)
        let comparison = PlanComparison(before: before, after: after)
        #expect(comparison.before.totalEstablishment == 465)
        #expect(comparison.after.totalEstablishment == 115)
        #expect(after.establishment.values.compactMap { $0[.institutional] }.sorted() == [10, 11, 40, 54])
        #expect(Percent.format(comparison.after.totalEstablishment, of: comparison.before.totalEstablishment) == "24.7%")
        #expect(before.people.filter { $0.category != .contract }.count == 456)
        #expect(after.people.count == 36)
        #expect(comparison.diverted.map(\.destination) == ["公司岗位安置", "七星关区"])
        #expect(comparison.diverted.map(\.count) == [1111, 420])
        #expect(comparison.after.sectionLeadership == 20)
    }

    /// 潍坊 (seed 002): 48 departments → 19 大部门 + 4 economic service departments; 8 parks → 6.
    @Test func weifang() throws {
        var b = SnapshotBuilder()
        let zone = b.unit("滨海区", .zone)
        let departments = (1...48).map { b.unit("部门\($0)", .department, parent: zone, staff: 3) }
        let parks = (1...8).map { b.unit("园区\($0)", .park, parent: zone, staff: 5) }
        let before = b.snapshot
        var ops: [PlanOperation] = []
        // 44 old departments fold into 19 大部门 (the first 19 keep their place, the rest merge into them)…
        for (index, source) in departments[19..<44].enumerated() {
            ops.append(.merge(sources: [.existing(source)], into: .existing(departments[index % 19])))
        }
        // …and the last 4 become the 经济发展一线经济服务部门.
        for source in departments[44...] { ops.append(.setEconomic(.existing(source), true)) }
        ops.append(.merge(sources: [.existing(parks[6])], into: .existing(parks[0])))
        ops.append(.merge(sources: [.existing(parks[7])], into: .existing(parks[1])))
        let after = try RestructuringPlan(name: "大部制", operations: ops).apply(to: before)
        let c = PlanComparison(before: before, after: after)
        #expect(c.before.unitsByKind[.department] == 48 && c.after.unitsByKind[.department] == 23)
        #expect(after.liveUnits.filter { $0.kind == .department && $0.isEconomic }.count == 4)
        #expect(c.before.unitsByKind[.park] == 8 && c.after.unitsByKind[.park] == 6)
        #expect(c.after.staff == c.before.staff) // nobody lost in a merger
    }

    /// 新余 (seed 001): economic-function units 60% → 78.57%, their staff <30% → 70%, staff −20%,
    /// 科级职数 −18.3%, 事业编制 −10%, 事业单位 −20%. The entered data: 20 working units (10
    /// departments, 10 institutions), 12 of them economic, 1,000 staff of whom 290 in economic units.
    @Test func xinyu() throws {
        var b = SnapshotBuilder()
        let zone = b.unit("新余高新区", .zone)
        let committee = b.unit("管委会", .committee, parent: zone, leadership: [.sectionLevel: 60])
        let econDepts = (1...5).map { b.unit("经济部门\($0)", .department, parent: committee, economic: true, staff: 30, category: .contract) }
        let econInst = (1...7).map { b.unit("经济事业单位\($0)", .institution, parent: zone, orgType: .institution, economic: true,
                                             establishment: [.institutional: 50], staff: 20, category: .contract) }
        let socialDepts = (1...5).map { b.unit("社会事务部门\($0)", .department, parent: committee, staff: $0 == 5 ? 80 : 100, category: .contract) }
        let socialInst = (1...3).map { b.unit("社会事业单位\($0)", .institution, parent: zone, orgType: .institution,
                                               establishment: [.institutional: 50], staff: $0 == 1 ? 70 : 80, category: .contract) }
        let before = b.snapshot
        let ops: [PlanOperation] = [
            // Social affairs handed to the local government with their 200 staff.
            .abolish(.existing(socialDepts[0]), peopleTo: .diverted("属地政府")),
            .abolish(.existing(socialDepts[1]), peopleTo: .diverted("属地政府")),
            // Other social departments and one social institution fold into economic departments.
            .abolish(.existing(socialDepts[2]), peopleTo: .unit(.existing(econDepts[0]))),
            .abolish(.existing(socialDepts[3]), peopleTo: .unit(.existing(econDepts[0]))),
            .abolish(.existing(socialInst[0]), peopleTo: .unit(.existing(econDepts[1]))),
            .abolish(.existing(econInst[6]), peopleTo: .unit(.existing(econDepts[2]))),
            // 事业编制 500 → 450 after two institutions (100) go: one keeps 50 more.
            .setEstablishment(.existing(econInst[0]), .institutional, 100),
            .setLeadership(.existing(committee), .sectionLevel, 49),
        ]
        let after = try RestructuringPlan(name: "新余高新区改革", operations: ops).apply(to: before)
        let rows = Dictionary(uniqueKeysWithValues: PlanComparison(before: before, after: after).rows.map { ($0.label, $0) })
        #expect(rows["经济职能机构占比"].map { [$0.before, $0.after] } == ["60%", "78.57%"])
        #expect(rows["经济职能机构人员占比"].map { [$0.before, $0.after] } == ["29%", "70%"])
        #expect(rows["在册人员"].map { [$0.before, $0.after, $0.change] } == ["1000", "800", "−200（−20%）"])
        #expect(rows["科级领导职数"].map { [$0.before, $0.after, $0.change] } == ["60", "49", "−11（−18.3%）"])
        #expect(rows["　事业编制"].map { [$0.before, $0.after, $0.change] } == ["500", "450", "−50（−10%）"])
        #expect(rows["事业单位数"].map { [$0.before, $0.after, $0.change] } == ["10", "8", "−2（−20%）"])
        #expect(rows["机构数"].map { [$0.before, $0.after] } == ["20", "14"])
    }

    @Test func stepsThatCannotApplyNameTheirStep() {
        var b = SnapshotBuilder()
        let zone = b.unit("园区", .zone)
        let a = b.unit("甲局", .department, parent: zone)
        let plan = RestructuringPlan(name: "x", operations: [.abolish(.existing(a), peopleTo: .diverted("外单位")),
                                                             .rename(.existing(a), "乙局")])
        #expect(throws: PlanError(step: 2, message: "“甲局”已在前面的步骤中撤销")) { try plan.apply(to: b.snapshot) }
        let empty = RestructuringPlan(name: "x", operations: [.abolish(.existing(a), peopleTo: .diverted(""))])
        #expect(throws: PlanError(step: 1, message: "分流去向不能为空")) { try empty.apply(to: b.snapshot) }
        #expect(throws: PlanError.self) { try RestructuringPlan(name: "x", operations: [.abolish(.existing(zone), peopleTo: .diverted("x"))]).apply(to: b.snapshot) }
    }

    /// A plan step may not give a unit a quota of a kind the zone's policy does not list (organization.establishment);
    /// withdrawing one is allowed, and the same step goes through under a policy that lists the kind.
    @Test func aPlanStepKeepsToThePolicysKinds() throws {
        var b = SnapshotBuilder()
        let bureau = b.unit("发展服务局", .statutory, establishment: [.postCap: 50])
        b.snapshot.organization = OrganizationRules(establishment: [.postCap], atQuota: .approval, leadershipTargets: [])
        let plan = RestructuringPlan(name: "x", operations: [.setEstablishment(.existing(bureau), .institutional, 5)])
        #expect(throws: PlanError(step: 1, message: "本园区政策（organization.establishment）只使用：员额；不能核定事业编制")) {
            try plan.apply(to: b.snapshot)
        }
        _ = try RestructuringPlan(name: "x", operations: [.setEstablishment(.existing(bureau), .institutional, nil)]).apply(to: b.snapshot)
        b.snapshot.organization?.establishment = [.postCap, .institutional]
        #expect(try plan.apply(to: b.snapshot).establishment[.existing(bureau)]?[.institutional] == 5)
    }

    /// A target is reached when the exact planned change is at most it: 60 → 49 is −18.33%, a cut of 18.3%; 60 → 50 keeps
    /// one post too many; growth is held to a positive target; with no posts before there is nothing to compare.
    @Test func leadershipTargetsAreComparedExactly() throws {
        let cut = LeadershipTarget(rankClass: .sectionLevel, changePercent: try #require(PublishedPercent("-18.3")))
        #expect(LeadershipTargetCheck(target: cut, before: 60, after: 49).met == true)
        let short = LeadershipTargetCheck(target: cut, before: 60, after: 50)
        #expect(short.met == false && short.shortfall == 1)
        let growth = LeadershipTarget(rankClass: .division, changePercent: try #require(PublishedPercent("10")))
        #expect(LeadershipTargetCheck(target: growth, before: 10, after: 11).met == true)
        #expect(LeadershipTargetCheck(target: growth, before: 10, after: 12).shortfall == 1)
        #expect(LeadershipTargetCheck(target: cut, before: 0, after: 3).met == nil)
        var b = SnapshotBuilder()
        b.unit("管委会", .committee, leadership: [.sectionLevel: 40, .section: 12, .deputySection: 8])
        let comparison = PlanComparison(before: b.snapshot, after: b.snapshot)
        #expect(comparison.checks([cut]).map(\.before) == [60])
    }

    @Test func percentFormats() {
        #expect(Percent.share(11, of: 14) == "78.57%")
        #expect(Percent.share(3, of: 5) == "60%")
        #expect(Percent.change(from: 60, to: 49) == "−18.3%")
        #expect(Percent.change(from: 500, to: 450) == "−10%")
        #expect(Percent.change(from: 1000, to: 1056) == "+5.6%")
        #expect(Percent.change(from: 0, to: 3) == "—")
        #expect(Percent.change(from: 7, to: 7) == "0%")
    }
}
