import Foundation
import SQLKit
import Testing
import ZoneCore
@testable import ZoneStore
@testable import ZoneWeb

/// Tenancy: a principal of 毕节 given 新余's ids, on every route that takes an id, is answered 403 or
/// 404 and changes nothing of anyone's; a principal of no zone is refused every zone route.
@Suite("Cross-zone isolation of every :id route")
struct CrossZoneTests {
    /// 新余's ids for every kind of `:param`, with rows made where the demo has none.
    struct Ids {
        var values: [String: Int64] = [:]
        var ledgerKind: LedgerKind = .stripping

        subscript(_ key: String) -> Int64 { values[key]! }
    }

    static func xinyuIds(_ app: TestApp) async throws -> (zone: Int64, ids: Ids) {
        let store = app.store
        let xinyu = try #require(try await store.zones.find(code: DemoXinyu.zoneCode)).id
        var ids = Ids()
        let units = try await store.units.all(zoneID: xinyu)
        let people = try await store.people.register(zoneID: xinyu)
        ids.values["unit"] = units[1].id
        ids.values["person"] = people[0].id
        let post = try await store.posts.create(Post(id: 0, unitID: units[1].id, title: "新余岗位", level: 2, category: .general, payCoefficientMilli: 1000,
                                                     requirements: "", headcount: 1, termYears: 3, leadership: nil), zoneID: xinyu, actor: "test")
        ids.values["post"] = post.id
        ids.values["round"] = try await store.rounds.create(zoneID: xinyu, name: "新余聘任", deadline: CivilDate(year: 2099, month: 1, day: 1)!, actor: "test")
        ids.values["plan"] = try await store.plans.create(zoneID: xinyu, name: "新余方案", actor: "test").id
        let appraisal = try #require(try await store.appraisals.all(zoneID: xinyu).first)
        ids.values["appraisal"] = appraisal.id
        ids.values["indicator"] = try #require(try await store.appraisals.indicators(appraisalID: appraisal.id).first).id
        ids.values["payRun"] = try #require(try await store.payRuns.all(zoneID: xinyu).first).id
        let ledger = try #require(try await store.ledgers.all(zoneID: xinyu).first)
        ids.values["ledger"] = ledger.id
        ids.ledgerKind = ledger.kind
        try await app.addAccount("xinyu_clerk", role: .hr, zoneID: xinyu)
        ids.values["account"] = try await app.account("xinyu_clerk").id
        return (xinyu, ids)
    }

    /// The path with 新余's ids in place of its parameters; nil for parameters that are not rows
    /// of a zone (a ledger kind, a job token, a dashboard figure) or routes that read every zone by
    /// design (the province's).
    static func path(_ spec: RouteSpec, _ ids: Ids) -> String? {
        guard spec.path.contains("/:id") || spec.path.contains("/:person"), !spec.path.contains("/province/") else { return nil }
        let resource = spec.path.split(separator: "/").first { $0 != "api" && $0 != "v1" }.map(String.init) ?? ""
        let key = ["people": "person", "units": "unit", "posts": "post", "plans": "plan", "rounds": "round", "appraisals": "appraisal",
                   "pay-runs": "payRun", "ledgers": "ledger", "admin": "account"][resource]
        guard let key else {
            Issue.record("no 新余 id for \(spec.path)")
            return nil
        }
        return spec.path.replacingOccurrences(of: ":id", with: String(ids[key]))
            .replacingOccurrences(of: ":kind", with: ids.ledgerKind.rawValue)
            .replacingOccurrences(of: ":person", with: String(ids["person"]))
            .replacingOccurrences(of: ":post", with: String(ids["post"]))
            .replacingOccurrences(of: ":indicator", with: String(ids["indicator"]))
            .replacingOccurrences(of: ":objection", with: "1").replacingOccurrences(of: ":proposal", with: "1")
            .replacingOccurrences(of: ":candidate", with: "1")
    }

    /// A form that would write if the zone were not checked: every field the id routes read, filled
    /// with values that pass their checks and name 新余's rows.
    static func form(_ ids: Ids) -> [(String, String)] {
        [("name", "跨区测试"), ("title", "跨区测试"), ("deadline", "2099-12-31"), ("postID", String(ids["post"])), ("method", "direct"),
         ("capacity", "1"), ("examWeight", "50"), ("to", "open"), ("quota", "99"), ("category", "事业"), ("class", "e:事业"), ("extra", "1"),
         ("docNumber", "跨区〔2024〕1号"), ("documentNo", "跨区〔2024〕1号"), ("approver", "跨区"), ("approvedOn", "2024-01-01"),
         ("summary", "跨区"), ("rank", "正科级"), ("version", "1"), ("role", "leader"), ("unitID", String(ids["unit"])),
         ("person", String(ids["person"])), ("personID", String(ids["person"])), ("people", String(ids["person"])),
         ("reason", "跨区测试"), ("reply", "跨区测试"), ("decision", "accepted"), ("choice1", String(ids["post"])),
         ("level", "2"), ("headcount", "1"), ("termYears", "3"), ("payCoefficient", "1.000"), ("milli", "1000"), ("value", "1")]
    }

    /// Rows of both zones and of the accounts, and the audit rows but for logins.
    static func fingerprint(_ app: TestApp) async throws -> [String] {
        let store = app.store
        var out: [String] = []
        for zone in try await store.zones.all() {
            let z = zone.id
            out.append("\(zone.code) people \(try await store.people.register(zoneID: z).map { "\($0.id):\($0.version)" })")
            out.append("\(zone.code) units \(try await store.units.all(zoneID: z).map(\.name)) \(try await store.quotas.approvals(zoneID: z).count)")
            out.append("\(zone.code) posts \(try await store.posts.all(zoneID: z).map { "\($0.id):\($0.title):\($0.headcount)" })")
            out.append("\(zone.code) rounds \(try await store.rounds.all(zoneID: z).map { "\($0.id):\($0.status)" })")
            out.append("\(zone.code) plans \(try await store.plans.all(zoneID: z).map { "\($0.id):\($0.version)" })")
            out.append("\(zone.code) appraisals \(try await store.appraisals.all(zoneID: z).map { "\($0.id):\($0.status)" })")
            out.append("\(zone.code) pay \(try await store.payRuns.all(zoneID: z).map { "\($0.id):\($0.status)" })")
            out.append("\(zone.code) ledgers \(try await store.ledgers.all(zoneID: z).map { "\($0.id):\($0.version)" })")
        }
        out.append("accounts \(try await store.accounts.all().map { "\($0.username):\($0.role):\(String(describing: $0.zoneID)):\($0.version)" })")
        let audit = try await store.database.reader.raw("SELECT COUNT(*) AS n FROM audit_log WHERE action NOT LIKE 'login%'").first()!
        out.append("audit \(try audit.decode(column: "n", as: Int.self))")
        return out
    }

    /// 毕节's account that holds `permission` (组织人事 where it can, else the one role that can).
    static let bijie = ["hr", "leader", "jigongwei", "chanye_head", "staff", "sysadmin", "secadmin", "auditadmin"]

    @Test func aPrincipalOfOneZoneNeverReadsOrWritesAnother() async throws {
        let app = try await TestApp.make()
        let (_, ids) = try await Self.xinyuIds(app)
        var found: [String: Role] = [:]
        for name in Self.bijie { found[name] = try await app.account(name).role }
        let roles = found
        let before = try await Self.fingerprint(app)
        let specs = app.specs
        #expect(specs.compactMap { Self.path($0, ids) }.count >= 60, "every :id route is tried")
        try await app.run { browser in
            for name in Self.bijie {
                try await browser.login(name)
                for spec in specs where Self.bijie.first(where: { roles[$0]!.can(spec.permission) || spec.permission == .signedIn }) == name {
                    guard let path = Self.path(spec, ids) else { continue }
                    let page: TestBrowser.Page = if spec.method == .get {
                        try await browser.get(path)
                    } else if spec.isAPI {
                        try await browser.request(spec.method, path, json: #"{"name":"跨区测试","unitId":\#(ids["unit"]),"version":1}"#,
                                                  headers: [.init("X-CSRF-Token")!: browser.csrf])
                    } else if spec.path.hasSuffix("/import") {
                        try await browser.upload(path, [("mode", "commit")], file: ("file", "x.csv", Array("a,b\n1,2\n".utf8)))
                    } else {
                        try await browser.post(path, Self.form(ids))
                    }
                    #expect(page.status == .notFound || page.status == .forbidden,
                            "\(name) \(spec.method) \(path) → \(page.status) \(page.body.prefix(200))")
                    for secret in ["新余岗位", "新余聘任", "新余方案", "xinyu_clerk"] {
                        #expect(!page.body.contains(secret), "\(name) \(spec.method) \(path) shows \(secret)")
                    }
                }
            }
            #expect(try await Self.fingerprint(app) == before)
        }
    }

    /// The province's accounts belong to no zone: every zone route refuses them, pages and API alike,
    /// and they write nothing. An account of no zone that holds a business role (one the province's
    /// system admin made before its role was given) is refused by the zone check itself, with the reason.
    @Test func accountsOfNoZoneAreRefusedEveryZoneRoute() async throws {
        let app = try await TestApp.make()
        _ = try await app.store.accounts.create(NewAccount(username: "sheng_hr", displayName: "省级人事", passwordHash: app.env.hasher.hash(TestApp.password),
                                                           role: .hr, zoneID: nil, mustChangePassword: false), actor: "test")
        let staff = try await app.account("staff")
        let before = try await Self.fingerprint(app)
        let specs = app.specs.filter(\.permission.isZoneScoped)
        #expect(specs.count >= 80)
        try await app.run { browser in
            for name in ["province", "prov_sysadmin", "prov_secadmin", "prov_auditadmin", "sheng_hr"] {
                try await browser.login(name)
                for spec in specs {
                    let path = spec.path.replacingOccurrences(of: ":id", with: String(staff.personID!))
                    let page = if spec.method == .get { try await browser.get(path) } else if spec.isAPI {
                        try await browser.request(spec.method, path, json: "{}", headers: [.init("X-CSRF-Token")!: browser.csrf])
                    } else { try await browser.post(path) }
                    #expect(page.status == .forbidden, "\(name) \(spec.method) \(path) → \(page.status)")
                    if name == "sheng_hr" && Role.hr.can(spec.permission) {
                        #expect(page.body.contains(spec.isAPI ? "\"code\":\"no_zone\"" : "不归属任何园区"), "\(spec.method) \(path)")
                    }
                }
            }
            // Their own pages still work: the home page, and the province's view for the province role.
            #expect(try await browser.get("/").status == .ok)
            try await browser.login("province")
            #expect(try await browser.get("/province").status == .ok)
            #expect(try await Self.fingerprint(app) == before)
        }
    }
}
