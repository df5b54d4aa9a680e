import Foundation
import SQLKit
import Testing
import ZoneCore
@testable import ZoneStore
@testable import ZoneWeb

/// 仪征 adopts ZoneDesk from an empty database, as a real zone would: the operator creates the zone
/// from `policies/yizheng.yaml` and imports its 三定 sheet on the command line; the zone's system
/// admin creates the office's accounts and its security admin gives them roles; 组织人事 imports
/// the register and runs one appointment round, one annual appraisal and one pay run in the browser.
@Suite("A zone from an empty database: 仪征")
struct ZoneFromEmptyDatabaseTests {
    static let zonedesk = CommandLineTests.zonedesk
    /// The password each account chooses at its first login.
    static let chosen = "Reform!2026zd"
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func id(_ sequence: Int) -> String {
        ResidentID.make(region: "321081", birth: CivilDate(year: 1988, month: 4, day: 9)!, sequence: sequence).value
    }

    /// 组织人事's register: the 管委会's 行政/事业 staff and each park's 员额 staff; two parks have a 招商服务部.
    static let register: [[String]] = [
        ["王建国", id(1), "", "党政办公室", "行政", "", "", "", "在岗", "2008-07-01"],
        ["李秀英", id(2), "", "经济发展局", "事业", "", "", "", "在岗", "2012-08-01"],
        ["张伟", id(3), "", "大数据产业园管理办/招商服务部", "员额", "", "", "", "在岗", "2015-09-01"],
        ["刘洋", id(4), "", "大数据产业园管理办/招商服务部", "员额", "", "", "", "在岗", "2018-03-01"],
        ["陈静", id(5), "", "大数据产业园管理办/企业服务部", "员额", "", "", "", "在岗", "2016-05-01"],
        ["杨帆", id(6), "", "汽车工业园管理办/招商服务部", "员额", "", "", "", "在岗", "2019-07-01"],
        ["赵磊", id(7), "", "汽车工业园管理办/项目建设部", "员额", "", "", "", "在岗", "2011-10-01"],
        ["周敏", id(8), "", "财政审计局", "事业", "", "", "", "在岗", "2014-02-01"],
    ]

    @Test func yizhengAdoptsZoneDesk() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zd-yz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let db = directory.appendingPathComponent("yizheng.sqlite").path

        // The operator: the zone from its policy, then its 三定 sheet.
        let created = try Self.zonedesk(["zone", "create", "--db", db, "--code", "yizheng", "--name", "仪征经济开发区",
                                         "--policy", Self.root.appendingPathComponent("policies/yizheng.yaml").path])
        #expect(created.status == 0, "\(created.output)")
        let adminPasswords = Dictionary(uniqueKeysWithValues: created.output.split(separator: "\n").filter { $0.hasPrefix("  yizheng_") }.map {
            let cells = $0.split(separator: "\t")
            return (cells[0].trimmingCharacters(in: .whitespaces), String(cells[2]))
        })
        #expect(adminPasswords.keys.sorted() == ["yizheng_auditadmin", "yizheng_secadmin", "yizheng_sysadmin"])
        let sheet = Self.root.appendingPathComponent("docs/examples/yizheng-units.csv").path
        let sheetRows = try String(contentsOfFile: sheet, encoding: .utf8).split(whereSeparator: \.isNewline).count - 1
        let units = try Self.zonedesk(["import", "units", "--db", db, "--zone", "yizheng", "--document-no", "仪编〔2021〕12号", sheet])
        #expect(units.status == 0 && units.output.contains("新建 \(sheetRows) 个机构"), "\(units.output)")

        let app = try await TestApp.existing(DatabaseLocation(db), directory: directory)
        let zone = try #require(try await app.store.zones.find(code: "yizheng"))
        let tree = try await app.store.units.tree(zoneID: zone.id)
        let names = UnitReference(tree)
        let resolved: Int64? = if case .unit(let id) = names.resolve("大数据产业园管理办/招商服务部") { id } else { nil }
        let investment = try #require(resolved)

        try await app.run { browser in
            /// A first login with a one-time password ends on the password page; the new one is chosen there.
            func firstLogin(_ username: String, _ password: String) async throws {
                let page = try await browser.login(username, password)
                #expect(page.status == .seeOther && page.location == "/password", "\(username): \(page.status)")
                let changed = try await browser.post("/password", [("current", password), ("new", Self.chosen), ("confirm", Self.chosen)])
                #expect(changed.status == .seeOther, "\(username): \(changed.body.prefix(300))")
            }
            func login(_ username: String) async throws { #expect(try await browser.login(username, Self.chosen).status == .seeOther) }

            // The zone's system admin creates the office's accounts; each starts with a one-time password.
            try await firstLogin("yizheng_sysadmin", adminPasswords["yizheng_sysadmin"]!)
            var passwords: [String: String] = [:]
            for (username, name) in [("yz_hr", "组织人事局 孙丽"), ("yz_leader", "管委会 主任"), ("yz_head", "大数据园 招商服务部长"), ("yz_zhangwei", "张伟")] {
                let page = try await browser.post("/admin/accounts", [("username", username), ("displayName", name)])
                let password = try #require(page.body.firstMatch(of: /已创建账号 [A-Za-z0-9_]+，初始密码：([^（]+)（/).map { String($0.1) }, "\(page.body.prefix(500))")
                passwords[username] = password
            }
            let accounts = try await app.store.accounts.all().filter { $0.zoneID == zone.id }
            #expect(accounts.count == 7 && accounts.allSatisfy { $0.zoneID == zone.id })

            // 组织人事 cannot act before the security admin gives the role.
            try await firstLogin("yz_hr", passwords["yz_hr"]!)
            #expect(try await browser.get("/people/import").status == .forbidden)

            try await firstLogin("yizheng_secadmin", adminPasswords["yizheng_secadmin"]!)
            let account = { (username: String) async throws -> Int64 in try await app.account(username).id }
            #expect(try await browser.post("/admin/roles/\(try await account("yz_hr"))", [("role", "hr")]).status == .ok)
            #expect(try await browser.post("/admin/roles/\(try await account("yz_leader"))", [("role", "leader")]).status == .ok)
            #expect(try await browser.post("/admin/roles/\(try await account("yz_head"))", [("role", "department_head"), ("unitID", String(investment))]).status == .ok)

            // 组织人事 imports the register; 一区多园's same-named departments are named with their park.
            try await login("yz_hr")
            let csv = ([PeopleImport.columns] + Self.register).map { $0.joined(separator: ",") }.joined(separator: "\n")
            let preview = try await browser.post("/people/import", [("mode", "preview"), ("csv", csv)])
            #expect(preview.status == .ok && preview.body.contains("校验通过：共 \(Self.register.count) 行"), "\(preview.body.prefix(3000))")
            let imported = try await browser.post("/people/import", [("mode", "commit"), ("csv", csv)])
            #expect(imported.status == .ok && imported.body.contains("已导入 \(Self.register.count) 人"), "\(imported.body.prefix(1000))")
            let people = try await app.store.people.search(PeopleQuery(zoneID: zone.id, pageSize: 100)).people
            let zhangwei = try #require(people.first { $0.name == "张伟" }), liuyang = try #require(people.first { $0.name == "刘洋" })
            #expect(zhangwei.unitID == investment && people.first { $0.name == "杨帆" }?.unitID != investment)

            try await login("yizheng_secadmin")
            #expect(try await browser.post("/admin/roles/\(try await account("yz_zhangwei"))", [("role", "employee"), ("person", "张伟")]).status == .ok)

            // One appointment round: a 招商 post with its own coefficient, filled by two-way selection.
            try await login("yz_hr")
            let post = try await browser.post("/posts", [("unitID", String(investment)), ("title", "招商专员"), ("level", "3"), ("category", "招商"),
                                                         ("payCoefficient", "1.3"), ("headcount", "1"), ("termYears", "3"), ("leadership", ""), ("requirements", "")])
            #expect(post.location == "/posts?msg=saved", "\(post.body.prefix(500))")
            let postID = try #require(try await app.store.posts.all(zoneID: zone.id).first { $0.title == "招商专员" }).id
            let round = try #require(try await browser.post("/rounds", [("name", "2026年全员聘任"), ("deadline", "2026-09-25")]).location)
            #expect(try await browser.post(round + "/offers", [("postID", String(postID)), ("method", "mutual_selection"), ("capacity", "1"), ("examWeight", "")]).status == .seeOther)
            #expect(try await browser.post(round + "/status", [("to", "open")]).status == .seeOther)
            try await firstLogin("yz_zhangwei", passwords["yz_zhangwei"]!)
            #expect(try await browser.post(round + "/apply", [("choice1", String(postID))]).status == .seeOther)
            try await firstLogin("yz_head", passwords["yz_head"]!)
            #expect(try await browser.post(round + "/posts/\(postID)/ranking", [("pos_\(zhangwei.id)", "1")]).status == .seeOther)
            app.clock.advance(5 * 86_400)
            try await login("yz_hr")
            for step in ["compute", "publish"] { #expect(try await browser.post(round + "/status", [("to", step)]).status == .seeOther, "\(step)") }
            app.clock.advance(25 * 86_400)
            try await login("yz_hr")
            #expect(try await browser.post(round + "/status", [("to", "confirm")]).status == .seeOther)
            let appointed = try await app.store.appointments.current(zoneID: zone.id)
            #expect(appointed.contains { $0.person.id == zhangwei.id && $0.post.id == postID })

            // One annual appraisal under 仪征's rules: a zone indicator, everyone's reviews, computed, published, final.
            let year = try #require(try await browser.post("/appraisals", [("year", "2026"), ("name", "2026年度考核")]).location)
            #expect(try await browser.post(year + "/indicators", [("name", "年度重点工作完成率"), ("level", "zone"), ("weight", "100"), ("measure", "%"),
                                                                  ("ruleKind", "linear"), ("target", "100"), ("cap", "120"), ("cycle", "annual")]).status == .seeOther)
            let indicator = try #require(try await app.store.appraisals.indicators(appraisalID: Int64(year.split(separator: "/").last!)!).first).id
            #expect(try await browser.post(year + "/actuals", [("actual_\(indicator)", "96.5")]).status == .seeOther)
            let rows = people.sorted { $0.id < $1.id }.enumerated().map { index, person in
                "\(person.id)\t\(95 - index * 4)\t\(93 - index * 3)\t12\t12\t\(60 + index * 12)"
            }.joined(separator: "\n")
            let inputs = try await browser.post(year + "/inputs", [("rows", rows)])
            #expect(inputs.status == .seeOther, "\(AuthenticationTests.flash(inputs) ?? inputs.body)")
            for step in ["compute", "publish"] {
                let page = try await browser.post(year + "/status", [("to", step)])
                #expect(page.status == .seeOther, "\(step): \(AuthenticationTests.flash(page) ?? "")")
            }
            app.clock.advance(12 * 86_400)
            try await login("yz_hr")
            #expect(try await browser.post(year + "/status", [("to", "final")]).status == .seeOther)
            let appraisalID = Int64(year.split(separator: "/").last!)!
            let results = try await app.store.appraisals.results(appraisalID: appraisalID)
            #expect(results.count == Self.register.count)
            // 刚性淘汰: every comparison group (unit) has its bottom person, so no one is 优秀 past the cap.
            #expect(results.contains { $0.personID == liuyang.id })

            // One pay run from the final appraisal, approved by the leader and locked; it adds up to the fen.
            let run = try #require(try await browser.post("/pay-runs", [("period", "2026"), ("appraisalID", String(appraisalID)), ("poolKind", "fixed"),
                                                                         ("amount", "480000.00")]).location)
            let runID = Int64(run.split(separator: "/").last!)!
            try await firstLogin("yz_leader", passwords["yz_leader"]!)
            #expect(try await browser.post(run + "/approve").status == .seeOther)
            try await login("yz_hr")
            #expect(try await browser.post(run + "/lock").status == .seeOther)
            let stored = try #require(try await app.store.payRuns.find(id: runID, zoneID: zone.id))
            let lines = try await app.store.payRuns.lines(runID: runID)
            #expect(stored.poolFen == 48_000_000 && lines.count == Self.register.count)
            #expect(lines.reduce(0) { $0 + $1.totalFen } + stored.unallocatedFen == stored.poolFen)

            // Every write above is in the zone's audit trail under the person who made it.
            let actors = Set(try await app.store.audit.recent(app.store.database.reader, limit: 500).map(\.entry.actor))
            #expect(actors.isSuperset(of: ["cli", "yizheng_sysadmin", "yizheng_secadmin", "yz_hr", "yz_leader", "yz_head", "yz_zhangwei"]))
        }
    }
}
