import Foundation
import Hummingbird
import Testing
import ZoneCore
@testable import ZoneStore
@testable import ZoneWeb

/// The demo's 潍坊, 仪征 and 成都芯谷: each started as a real zone (policy file, 三定 sheet, register sheet), its
/// seed's figures read back from what was entered, and its reform year — round, appraisal with forced
/// distribution and publicity, pay run — run to the end on its own policy with every part adding up to the whole.
@Suite("Demo seed zones")
struct DemoSeedZonesTests {
    struct Loaded {
        let zone: Zone
        let policy: ZonePolicy
        let units: [ZoneCore.Unit]
        let book: QuotaBook
        let people: [Person]
        func children(of id: Int64?) -> [ZoneCore.Unit] { units.filter { $0.parentID == id } }
    }

    static func load(_ app: TestApp, _ code: String) async throws -> Loaded {
        let zone = try #require(try await app.store.zones.find(code: code))
        return Loaded(zone: zone, policy: try await app.store.policies.require(zoneID: zone.id).policy,
                      units: try await app.store.units.all(zoneID: zone.id), book: try await app.store.quotas.book(zoneID: zone.id),
                      people: try await app.store.people.onStrength(zoneID: zone.id))
    }

    static func count(_ policy: ZonePolicy, _ key: String) throws -> Int {
        guard case .count(let value)? = policy.figure(key)?.measure else { throw PolicyFigureMissing(key: key) }
        return value
    }

    struct PolicyFigureMissing: Error { let key: String }

    /// The zone's round confirmed with everyone on the register appointed; its appraisal final after its
    /// publicity, each comparison group's top grade within its cap and the groups covering everyone; its pay
    /// run locked, paid to everyone appraised, lines adding up to the run and the run to its pool. Returns the
    /// run's lines.
    @discardableResult
    static func reformYear(_ app: TestApp, _ z: Loaded) async throws -> [PayLineRow] {
        let id = z.zone.id
        let rounds = try await app.store.rounds.all(zoneID: id)
        #expect(rounds.count == 1 && rounds.allSatisfy { $0.status == .confirmed && $0.publicityEnds != nil })
        let current = try await app.store.appointments.current(zoneID: id)
        #expect(!z.people.isEmpty && Set(current.map(\.person.id)) == Set(z.people.map(\.id)), "\(z.zone.code)")
        #expect(try await app.store.appointments.waiting(zoneID: id).isEmpty)

        let appraisals = try await app.store.appraisals.all(zoneID: id)
        let appraisal = try #require(appraisals.first)
        #expect(appraisals.count == 1 && appraisal.status == .final && appraisal.publicityEnds != nil)
        let results = try await app.store.appraisals.results(appraisalID: appraisal.id)
        #expect(results.count == z.people.count && Set(results.map(\.grade)).isSubset(of: Set(z.policy.appraisal.grades.keys)))
        let groups = try await app.store.appraisals.groups(appraisalID: appraisal.id)
        #expect(groups.reduce(0) { $0 + Int($1.tally.size) } == results.count)
        let top = z.policy.appraisal.grades.keys[0]
        for group in groups {
            let members = results.filter { $0.groupKey == group.groupKey }
            #expect(members.count == group.tally.size && members.count { $0.grade == top } == group.tally.top)
            #expect(group.tally.top <= group.tally.capCount, "\(z.zone.code) group \(group.groupKey)")
        }

        let runs = try await app.store.payRuns.all(zoneID: id)
        let run = try #require(runs.first)
        #expect(runs.count == 1 && run.status == .locked && run.appraisalID == appraisal.id && run.period == String(appraisal.year))
        let lines = try await app.store.payRuns.lines(runID: run.id)
        #expect(lines.count == run.headcount && Set(lines.map(\.personID)) == Set(results.map(\.personID)))
        #expect(lines.reduce(0) { $0 + $1.performanceFen } == run.paidFen && run.paidFen + run.unallocatedFen == run.poolFen)
        #expect(lines.reduce(0) { $0 + $1.totalFen } == run.paidFen + run.rewardFen)
        let packages = try await app.store.payRuns.packages(runID: run.id)
        #expect(packages.reduce(0) { $0 + $1.headcount } == lines.count)
        return lines
    }

    /// Seed 002: "整合压减为19个“大部门”和4个经济发展一线经济服务部门" (4 "法定机构+集团公司"), "把原来8个园区整合为6个园区"
    /// (each a 开发服务中心), "保留央子街道……和大家洼街道" — and "部门单位的KPI价值系数一般在0.5—1.5之间", assigned.
    @Test func weifangHasItsBigDepartmentsFrontlinePairsParksAndStreets() async throws {
        let app = try await TestApp.make()
        let z = try await Self.load(app, DemoWeifang.zoneCode)
        let root = try #require(z.children(of: nil).first)
        #expect(z.children(of: nil).count == 1 && root.kind == .zone && root.name == z.policy.name)
        let committee = try #require(z.children(of: root.id).first { $0.kind == .committee })
        let departments = z.children(of: committee.id).filter { $0.kind == .department }
        let frontline = z.children(of: committee.id).filter { $0.kind == .statutory }
        guard case .change(let before, let after, let parts, _)? = z.policy.figure("departments")?.measure else {
            Issue.record("weifang.yaml should publish departments"); return
        }
        #expect(before == 48 && after == departments.count + frontline.count)
        #expect(parts.map(\.count) == [departments.count, frontline.count] && departments.count == 19 && frontline.count == 4)
        #expect(departments.contains { $0.name == "人大工作室" } && departments.contains { $0.name == "政协工作室" })
        for body in frontline {
            let groups = z.children(of: body.id)
            #expect(body.orgType == .statutory && groups.count == 1 && groups.allSatisfy { $0.kind == .company && $0.name.hasSuffix("集团有限公司") })
        }
        let parks = z.children(of: root.id).filter { $0.kind == .park }
        guard case .change(8, let parkCount, _, _)? = z.policy.figure("parks")?.measure else { Issue.record("weifang.yaml should publish parks"); return }
        #expect(parks.count == parkCount && parks.allSatisfy { $0.name.hasSuffix("开发服务中心") && $0.orgType == .statutory })
        let streets = z.children(of: root.id).filter { $0.name.hasSuffix("街道党委、办事处") }
        #expect(streets.count == (try Self.count(z.policy, "streets_kept")) && streets.count == 2)

        try await Self.reformYear(app, z)
        let appraisal = try #require(try await app.store.appraisals.all(zoneID: z.zone.id).first)
        let coefficients = Dictionary(uniqueKeysWithValues: try await app.store.appraisals.departmentResults(appraisalID: appraisal.id)
            .map { ($0.unitID, $0.coefficientMilli) })
        let rule = z.policy.appraisal.departmentCoefficient
        #expect(rule.source == .assigned && rule.range == 0.5...1.5)
        // Every one of the 19 + 4 has its own assigned coefficient, and they span the range the seed gives.
        let assigned = (departments + frontline).map { coefficients[$0.id] }
        #expect(assigned.allSatisfy { $0.map { (500...1_500).contains($0) } ?? false })
        #expect(assigned.compactMap { $0 }.min() == 500 && assigned.compactMap { $0 }.max() == 1_500)
        try await app.run { browser in
            try await browser.login("weifang_hr")
            let page = try await browser.get("/units")
            #expect(page.status == .ok && page.body.contains("“四个滨海”建设协调推进办公室") && page.body.contains("先进制造业产业园开发服务中心"))
            #expect(!page.body.contains("国家能源大规模物理储能技术研发中心"))
        }
    }

    /// Seed 003: "经济开发区+大数据产业园、汽车工业园、化工园区(新材料产业园)", "核定各园员额上限", and "区别招商引资岗和其它
    /// 岗位性质,确定不同的薪酬系数".
    @Test func yizhengHasThreeParksWithPostCapsAndInvestmentPostsPaidTheirOwnCoefficient() async throws {
        let app = try await TestApp.make()
        let z = try await Self.load(app, DemoYizheng.zoneCode)
        let root = try #require(z.children(of: nil).first)
        #expect(z.children(of: nil).count == 1 && root.kind == .committee)
        let parks = z.children(of: root.id).filter { $0.kind == .park }
        guard case .total(3, let parts)? = z.policy.figure("parks")?.measure else { Issue.record("yizheng.yaml should publish parks"); return }
        #expect(parks.map(\.name) == parts.map { $0.name + "管理办" })
        // Each park holds its own 员额 cap and no 编制; its people count against it.
        for park in parks {
            let cap = try #require(z.book.establishment[park.id]?[.postCap])
            #expect(z.book.establishment[park.id]?.count == 1 && cap > 0)
            let inPark = Set([park.id] + z.children(of: park.id).map(\.id))
            let staff = z.people.filter { inPark.contains($0.unitID) }
            #expect(!staff.isEmpty && staff.count <= cap && staff.allSatisfy { $0.establishment == .postCap })
        }
        let lines = try await Self.reformYear(app, z)
        let posts = Dictionary(uniqueKeysWithValues: try await app.store.appointments.current(zoneID: z.zone.id).map { ($0.person.id, $0.post) })
        let investment = posts.values.filter { $0.category == .investment }
        #expect(Set(investment.map(\.unitID)) == Set(parks.compactMap { park in z.children(of: park.id).first { $0.name.hasSuffix("招商服务部") }?.id }))
        // A 招商 post is paid at its 分级's coefficient × the policy's 招商 coefficient; the others at their 分级's alone.
        let pay = z.policy.pay
        for line in lines {
            let post = try #require(posts[line.personID])
            let level = post.leadership.map { $0 == .section ? "部门负责人" : "主管" } ?? "普通职工"
            #expect(Int64(line.postCoefficientMilli) == pay.postCoefficientPerMille(level: level, category: post.category.rawValue))
        }
        let head = try #require(lines.first { posts[$0.personID]?.category == .investment && posts[$0.personID]?.leadership == .section })
        let other = try #require(lines.first { posts[$0.personID]?.category == .general && posts[$0.personID]?.leadership == .section })
        #expect(head.postCoefficientMilli == 1_690 && other.postCoefficientMilli == 1_300)
        try await app.run { browser in
            try await browser.login("yizheng_hr")
            let page = try await browser.get("/units")
            #expect(page.status == .ok && parks.allSatisfy { page.body.contains($0.name) })
        }
    }

    /// Seed 004: "依法设立发展服务局……实行以“员额总控+岗位管理”为核心……取消编制管理", "规划建设部、战略研究部等6个内设机构",
    /// "妥善安置涉改机关事业身份人员20人" and "面向全球引进紧缺专业人才25名".
    @Test func chengduXinguIsAStatutoryBodyWithPostCapsItsSixDepartmentsAndFortyFivePeople() async throws {
        let app = try await TestApp.make()
        let z = try await Self.load(app, DemoChengduXingu.zoneCode)
        let bureau = try #require(z.children(of: nil).first)
        #expect(z.children(of: nil).count == 1 && bureau.kind == .statutory && bureau.orgType == .statutory && bureau.name == "成都芯谷发展服务局")
        // 员额总控: one 员额 total at the bureau, no 编制 of any kind anywhere.
        #expect(z.book.establishment.keys.sorted() == [bureau.id] && z.book.establishment[bureau.id]!.keys.sorted { $0.rawValue < $1.rawValue } == [.postCap])
        let departments = z.children(of: bureau.id)
        #expect(departments.count == (try Self.count(z.policy, "internal_departments")) && departments.count == 6)
        #expect(departments.allSatisfy { $0.kind == .department } && departments.prefix(2).map(\.name) == ["规划建设部", "战略研究部"])

        // The 20 came in on the register sheet with their sealed 机关事业 archives; the 25 were hired by the round.
        let round = try #require(try await app.store.rounds.all(zoneID: z.zone.id).first)
        let hired = try await app.store.rounds.candidates(roundID: round.id).compactMap(\.personID)
        let resettled = z.people.filter { !hired.contains($0.id) }
        #expect(resettled.count == (try Self.count(z.policy, "staff_resettled")) && resettled.count == 20)
        #expect(resettled.allSatisfy { ArchiveRankScale.level(ofArchiveRank: $0.archiveRank) != nil })
        #expect(hired.count == (try Self.count(z.policy, "talents_recruited")) && hired.count == 25)
        #expect(z.people.filter { hired.contains($0.id) }.allSatisfy { $0.archiveRank.isEmpty })
        #expect(z.people.count == 45 && z.people.allSatisfy { $0.establishment == .postCap })
        #expect(z.people.count <= z.book.establishment[bureau.id]![.postCap]!)
        #expect(try await app.store.rounds.offers(roundID: round.id).filter { $0.method == .openRecruitment }.count == departments.count)

        try await Self.reformYear(app, z)
        // 工资总控: the locked run passed the cap check on the 2020 average the office entered; a run without it is refused.
        let cap = try #require(z.policy.pay.totalCap)
        #expect(cap.baseYear == 2020 && cap.multiple == 1.5...2.0)
        let run = try #require(try await app.store.payRuns.all(zoneID: z.zone.id).first)
        do {
            _ = try await app.store.payRuns.create(PayRunRequest(period: "2021-12", appraisalID: run.appraisalID, pool: .fixed(fen: run.poolFen)),
                                                   zoneID: z.zone.id, actor: "chengdu_xingu_hr")
            Issue.record("a run without the average pay should be refused")
        } catch let error as StoreError {
            #expect(error.bilingualMessage.contains("工资总控"))
        }
        try await app.run { browser in
            try await browser.login("chengdu_xingu_hr")
            let page = try await browser.get("/units")
            #expect(page.status == .ok && departments.allSatisfy { page.body.contains($0.name) })
        }
    }

    /// The logins the demo prints: each sheet zone's three admins (as `zone create` makes them) and its
    /// 组织人事 and 领导, every one in its own zone with a one-time password that is the stored one.
    @Test func theDemoPrintsEverySheetZonesLogins() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zd-demo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try await Store.open(DatabaseLocation(directory.appendingPathComponent("demo.sqlite").path))
        let env = AppEnvironment(store: store, hasher: PasswordHasher(cost: 4))
        let logins = try #require(try await DemoLoader(env: env).load())
        for zone in DemoSheetZone.all {
            let id = try #require(try await store.zones.find(code: zone.code)).id
            let expected: [(String, Role)] = [("sysadmin", .systemAdmin), ("secadmin", .securityAdmin), ("auditadmin", .auditAdmin),
                                              ("hr", .hr), ("leader", .leader)]
            for (suffix, role) in expected {
                let username = zone.accountStem + "_" + suffix
                let login = try #require(logins.first { $0.username == username }, "\(username)")
                let account = try #require(try await store.accounts.find(username: username))
                #expect(login.role == role && account.role == role && account.zoneID == id && account.mustChangePassword)
                #expect(env.hasher.verify(login.password, hash: account.passwordHash))
            }
        }
        #expect(Set(logins.map(\.username)).count == logins.count && logins.first?.username == "hr")
        #expect(try await DemoLoader(env: env).load() == nil)
        try await store.close()
    }

    /// The acceptance: after the demo, the province account's API lists the five seed zones, each with its
    /// headline figures as the store computes them from the zone's rows.
    @Test func theProvinceComparesTheFiveSeedZones() async throws {
        let app = try await TestApp.make()
        let expected = try await app.store.province.figures()
        struct ProvinceJSON: Decodable {
            struct Zone: Decodable {
                struct Establishment: Decodable { let quota: Int, used: Int }
                struct Staff: Decodable { let total: Int }
                struct Grades: Decodable { let year: Int, total: Int }
                struct Pay: Decodable { let period: String, paidFen: Int64, headcount: Int }
                let code: String, name: String
                let establishment: Establishment
                let staff: Staff
                let grades: Grades?
                let pay: Pay?
            }
            let zones: [Zone]
        }
        try await app.run { browser in
            try await browser.login("province")
            let response = try await browser.get("/api/v1/province")
            #expect(response.status == .ok)
            let zones = try JSONDecoder().decode(ProvinceJSON.self, from: Data(response.bytes)).zones
            #expect(zones.map(\.code) == ["bijie", "xinyu", "weifang", "yizheng", "chengdu-xingu"])
            for (zone, figures) in zip(zones, expected) {
                #expect(zone.code == figures.zone.code && zone.name == figures.zone.name)
                #expect(zone.establishment.quota == figures.quota && zone.establishment.quota > 0 && zone.staff.total == figures.staffTotal)
                #expect(zone.grades?.total == figures.grades?.total && zone.grades?.total == zone.staff.total, "\(zone.code)")
                #expect(zone.pay?.paidFen == figures.pay?.paidFen && (zone.pay?.paidFen ?? 0) > 0, "\(zone.code)")
            }
            let byCode = Dictionary(uniqueKeysWithValues: zones.map { ($0.code, $0) })
            #expect(byCode["weifang"]?.grades?.year == 2018 && byCode["yizheng"]?.grades?.year == 2022 && byCode["chengdu-xingu"]?.grades?.year == 2021)
            #expect(byCode["chengdu-xingu"]?.staff.total == 45)
            let page = try await browser.get("/province")
            for zone in zones { #expect(page.body.contains(zone.name)) }
        }
    }
}
