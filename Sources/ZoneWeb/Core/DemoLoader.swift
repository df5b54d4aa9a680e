import ZoneCore
import ZoneStore

/// Loads the 毕节高新区 demo zone (DemoZone) and one account per role with random first passwords.
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
        let keys = DemoZone.units.map(\.key)
        let specs = DemoZone.units.enumerated().map { index, spec in
            NewUnit(unit: Unit(id: 0, parentID: nil, name: spec.name, kind: spec.kind, orgType: spec.orgType, funding: spec.funding,
                               rank: spec.rank, isEconomic: spec.isEconomic, sortOrder: index),
                    parentIndex: spec.parentKey.flatMap { keys.firstIndex(of: $0) },
                    establishment: spec.quota > 0 ? [.institutional: spec.quota] : [:],
                    leadership: spec.sectionLeaderPosts > 0 ? [.sectionLevel: spec.sectionLeaderPosts] : [:])
        }
        let (zoneID, unitIDs) = try await store.units.createZone(code: DemoZone.zoneCode, name: DemoZone.zoneName,
                                                                 units: specs, actor: "demo")
        let people = DemoZone.people().map { spec in
            var person = spec.person
            person.unitID = unitIDs[keys.firstIndex(of: spec.unitKey)!]
            return person
        }
        let stored = try await store.people.createAll(people, zoneID: zoneID, actor: "demo")
        try await DemoAppraisalLoader(store: store, zoneID: zoneID).load()
        let chanyeID = unitIDs[keys.firstIndex(of: "chanye")!]
        try await store.ledgers.createAll(DemoLedgers.bijie(units: Dictionary(uniqueKeysWithValues: zip(keys, unitIDs)),
                                                            workers: stored.filter { $0.unitID == chanyeID }.map { ($0.id, $0.unitID) }),
                                          zoneID: zoneID, actor: "demo", via: "demo")
        let chanye = unitIDs[keys.firstIndex(of: "chanye")!]
        let employee = stored.first { $0.unitID == chanye }!
        let accounts: [(String, String, Role, Int64?, Int64?)] = [
            ("hr", "组织人事部 李敏", .hr, nil, nil),
            ("leader", "管委会 王建国", .leader, nil, nil),
            ("jigongwei", "纪工委 赵峰", .discipline, nil, nil),
            ("chanye_head", "产业发展局 陈涛", .departmentHead, chanye, nil),
            ("staff", employee.name, .employee, nil, employee.id),
            ("sysadmin", "系统管理员", .systemAdmin, nil, nil),
            ("secadmin", "安全管理员", .securityAdmin, nil, nil),
            ("auditadmin", "审计管理员", .auditAdmin, nil, nil),
        ]
        return try await createAccounts(accounts, zoneID: zoneID)
    }

    /// One account per (user name, display name, role, unit, person) in `zoneID`, each with a random
    /// first password that must be changed at first login; also used by `zonedesk seed-payrun`.
    public func createAccounts(_ accounts: [(String, String, Role, Int64?, Int64?)], zoneID: Int64, actor: String = "demo") async throws -> [Login] {
        var logins: [Login] = []
        for (username, name, role, unit, person) in accounts {
            let password = PasswordHasher.randomPassword()
            _ = try await env.store.accounts.create(NewAccount(username: username, displayName: name, passwordHash: env.hasher.hash(password),
                                                               role: role, zoneID: zoneID, unitID: unit, personID: person),
                                                    actor: actor)
            logins.append(Login(username: username, password: password, role: role))
        }
        return logins
    }
}
