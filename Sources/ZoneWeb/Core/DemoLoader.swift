import ZoneCore
import ZoneStore

/// Loads the five seed zones with random first passwords: 毕节高新区 (DemoZone) with one account per
/// role, a small 新余高新区 (DemoXinyu), then 潍坊, 仪征 and 成都芯谷 (`DemoSheetZone.all`), each started
/// the way a real zone is — `zone create` from its policy file with its three admins, its 三定 sheet and
/// its register sheet imported — with a 组织人事 and a 领导 account, and each running one reform year; and a
/// 省级主管部门 account that belongs to no zone and compares the five.
public struct DemoLoader: Sendable {
    public struct Login: Sendable {
        public let username: String
        public let password: String
        public let role: Role
    }

    let env: AppEnvironment

    public init(env: AppEnvironment) { self.env = env }

    /// Returns the logins created, or nil when the demo zone already exists (nothing is changed).
    public func load() async throws -> [Login]? {
        let store = env.store
        guard try await store.zones.find(code: DemoZone.zoneCode) == nil else { return nil }
        let (zoneID, unitIDs, stored) = try await zone(code: DemoZone.zoneCode, name: DemoZone.zoneName, units: DemoZone.units, people: DemoZone.people())
        let keys = DemoZone.units.map(\.key)
        let appraisals = DemoAppraisalLoader(store: store, zoneID: zoneID)
        try await appraisals.loadPolicy(DemoZone.zoneCode)
        try await DemoRoundLoader(store: store, zoneID: zoneID).load()
        try await appraisals.load()
        let chanyeID = unitIDs[keys.firstIndex(of: "chanye")!]
        try await store.ledgers.createAll(DemoLedgers.bijie(units: Dictionary(uniqueKeysWithValues: zip(keys, unitIDs)),
                                                            workers: stored.filter { $0.unitID == chanyeID }.map { ($0.id, $0.unitID) },
                                                            calendar: try await store.holidays.calendar()),
                                          zoneID: zoneID, actor: "demo", via: "demo")
        let employee = stored.first { $0.unitID == chanyeID }!
        let accounts: [(String, String, Role, Int64?, Int64?)] = [
            ("hr", "组织人事部 李敏", .hr, nil, nil),
            ("leader", "管委会 王建国", .leader, nil, nil),
            ("jigongwei", "纪工委 赵峰", .discipline, nil, nil),
            ("chanye_head", "产业发展局 陈涛", .departmentHead, chanyeID, nil),
            ("staff", employee.name, .employee, nil, employee.id),
            ("sysadmin", "系统管理员", .systemAdmin, nil, nil),
            ("secadmin", "安全管理员", .securityAdmin, nil, nil),
            ("auditadmin", "审计管理员", .auditAdmin, nil, nil),
            ("province", "省开发区管理部门 周宁", .province, nil, nil),
        ]
        // The province's own 三员, of no zone like the province account they look after.
        let provinceAdmins: [(String, String, Role, Int64?, Int64?)] = [
            ("prov_sysadmin", "省级系统管理员", .systemAdmin, nil, nil),
            ("prov_secadmin", "省级安全管理员", .securityAdmin, nil, nil),
            ("prov_auditadmin", "省级审计管理员", .auditAdmin, nil, nil),
        ]
        if try await env.store.zones.find(code: DemoXinyu.zoneCode) == nil { try await loadXinyu() }
        // 毕节's accounts before the later zones', so every demo id of 毕节 and 新余 stays as it was.
        var logins = try await createAccounts(accounts, zoneID: zoneID) + createAccounts(provinceAdmins, zoneID: nil)
        for zone in DemoSheetZone.all {
            guard try await store.zones.find(code: zone.code) == nil else { continue }
            logins += try await loadSheetZone(zone)
        }
        return logins
    }

    /// One account per (user name, display name, role, unit, person) in `zoneID` (none for a
    /// cross-zone role, and for every role when `zoneID` is nil: the province's accounts), each with
    /// a random first password that must be changed at first login; also used by `zonedesk seed-payrun`.
    public func createAccounts(_ accounts: [(String, String, Role, Int64?, Int64?)], zoneID: Int64?, actor: String = "demo") async throws -> [Login] {
        var logins: [Login] = []
        for (username, name, role, unit, person) in accounts {
            let password = PasswordHasher.randomPassword()
            _ = try await env.store.accounts.create(NewAccount(username: username, displayName: name, passwordHash: env.hasher.hash(password),
                                                               role: role, zoneID: role.isCrossZone ? nil : zoneID, unitID: unit, personID: person),
                                                    actor: actor)
            logins.append(Login(username: username, password: password, role: role))
        }
        return logins
    }

    /// 新余高新区: its units, people, one paid appraisal year and its ledgers; no accounts (the demo
    /// logins are 毕节's, and the province account sees both).
    func loadXinyu() async throws {
        let (zoneID, unitIDs, _) = try await zone(code: DemoXinyu.zoneCode, name: DemoXinyu.zoneName, units: DemoXinyu.units, people: DemoXinyu.people())
        try await DemoAppraisalLoader(store: env.store, zoneID: zoneID).loadXinyu()
        try await env.store.ledgers.createAll(DemoXinyu.ledgers(units: Dictionary(uniqueKeysWithValues: zip(DemoXinyu.units.map(\.key), unitIDs))),
                                              zoneID: zoneID, actor: "demo", via: "demo")
    }

    /// A zone as a real one starts (`zonedesk zone create`, `import units`, `import people`), then its
    /// round, its appraisal year and its pay run, entered by its own 组织人事 account. Returns its logins:
    /// the three admins `zone create` makes, and its 组织人事 and 领导.
    func loadSheetZone(_ zone: DemoSheetZone) async throws -> [Login] {
        let store = env.store
        let created = try await ZoneSetup(store: store, hasher: env.hasher)
            .create(code: zone.code, name: zone.name, yaml: try PolicyFiles.text(code: zone.code), source: "policies/\(zone.code).yaml", actor: "demo")
        let zoneID = created.zone.id
        _ = try await store.units.importUnits(try DemoSheets.units(zone.units), zoneID: zoneID, approval: zone.approval, actor: "demo")
        // Every unit of a sheet zone has a name of its own (the register sheet names them).
        let ids = Dictionary(uniqueKeysWithValues: try await store.units.all(zoneID: zoneID).map { ($0.name, $0.id) })
        let units = Dictionary(uniqueKeysWithValues: zone.units.map { ($0.key, ids[$0.name]!) })
        _ = try await store.people.importSheet(try DemoSheets.people(zone.people, units: zone.units), zoneID: zoneID, actor: "demo")
        let hr = zone.accountStem + "_hr", leader = zone.accountStem + "_leader"
        try await DemoRoundLoader(store: store, zoneID: zoneID, hr: hr).load(zone.round, units: units)
        try await DemoAppraisalLoader(store: store, zoneID: zoneID, hr: hr, leader: leader).load(zone.year, units: units)
        let admins = created.admins.map { Login(username: $0.username, password: $0.password, role: $0.role) }
        return admins + (try await createAccounts([(hr, zone.hrName, .hr, nil, nil), (leader, zone.leaderName, .leader, nil, nil)], zoneID: zoneID))
    }

    /// Creates a zone with its org tree, quotas and people.
    func zone(code: String, name: String, units: [DemoZone.UnitSpec], people: [DemoZone.PersonSpec]) async throws
        -> (zoneID: Int64, unitIDs: [Int64], people: [Person]) {
        let keys = units.map(\.key)
        let specs = units.enumerated().map { index, spec in
            NewUnit(unit: Unit(id: 0, parentID: nil, name: spec.name, kind: spec.kind, orgType: spec.orgType, funding: spec.funding,
                               rank: spec.rank, isEconomic: spec.isEconomic, sortOrder: index),
                    parentIndex: spec.parentKey.flatMap { keys.firstIndex(of: $0) },
                    establishment: spec.quota > 0 ? [spec.category: spec.quota] : [:],
                    leadership: spec.sectionLeaderPosts > 0 ? [.sectionLevel: spec.sectionLeaderPosts] : [:])
        }
        let (zoneID, unitIDs) = try await env.store.units.createZone(code: code, name: name, units: specs, actor: "demo")
        let placed = people.map { spec in
            var person = spec.person
            person.unitID = unitIDs[keys.firstIndex(of: spec.unitKey)!]
            return person
        }
        return (zoneID, unitIDs, try await env.store.people.createAll(placed, zoneID: zoneID, actor: "demo"))
    }
}
