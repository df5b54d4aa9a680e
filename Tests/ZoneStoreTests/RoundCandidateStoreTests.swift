import Testing
@testable import ZoneCore
import ZoneTestSupport
@testable import ZoneStore

@Suite("社会招聘 and 申诉 in the store")
struct RoundCandidateStoreTests {
    static func candidate(_ name: String, sequence: Int, score: Int?) -> ValidCandidate {
        let id = ResidentID.make(region: "520502", birth: CivilDate(year: 1995, month: 3, day: 1 + sequence % 28)!, sequence: sequence)
        return ValidCandidate(identity: PersonalIdentity(name: name, idNumber: id.value, gender: id.isMale ? .male : .female,
                                                         birthDate: id.birthDate.description, phone: "13900139000"), score: score)
    }

    /// Candidates are checked against the register and the round; the confirmation checks the
    /// hire's 员额 with everyone else's and, once it fits, registers only the hired candidate.
    @Test(arguments: TestDatabase.backends)
    func hiredCandidatesJoinTheRegisterInsideTheConfirmation(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            let (zone, units) = try await TestDatabase.seedZone(store)
            let insider = try await store.people.create(TestDatabase.person("甲", sequence: 900, unit: units[1]), zoneID: zone, actor: "t")
            // 党政办公室 manages its headcount by 员额, none free yet.
            try await store.quotas.setEstablishment(unitID: units[2], zoneID: zone, category: .postCap, quota: 0, approval: ChangeApproval(documentNo: "测试", approvedOn: nil, summary: ""), actor: "t")
            let post = try await store.posts.create(Post(id: 0, unitID: units[2], title: "法务专员", level: 3, category: .general,
                                                         payCoefficientMilli: 1100, requirements: "", headcount: 1, termYears: 3, leadership: nil),
                                                    zoneID: zone, actor: "hr")
            let round = try await store.rounds.create(zoneID: zone, name: "社招", deadline: CivilDate(year: 2099, month: 1, day: 1)!, actor: "hr")
            let good = Self.candidate("王五", sequence: 901, score: 8800)
            await #expect(throws: StoreError.invalid("该岗位不是本批次的社会招聘岗位")) {
                try await store.rounds.addCandidate(roundID: round, zoneID: zone, postID: post.id, good, actor: "hr")
            }
            try await store.rounds.offer(roundID: round, zoneID: zone, postID: post.id, method: .openRecruitment, capacity: 1, examWeight: 50, actor: "hr")
            try await store.rounds.addCandidate(roundID: round, zoneID: zone, postID: post.id, good, actor: "hr")
            try await store.rounds.addCandidate(roundID: round, zoneID: zone, postID: post.id, Self.candidate("赵六", sequence: 902, score: 7000), actor: "hr")
            var again = good
            again.identity.name = "王五五"
            await #expect(throws: StoreError.duplicate("身份证号 \(Masking.mask(good.identity.idNumber, keepPrefix: 6, keepSuffix: 4)) 已在本批次登记为“王五”")) {
                try await store.rounds.addCandidate(roundID: round, zoneID: zone, postID: post.id, again, actor: "hr")
            }
            var registered = good
            registered.identity.idNumber = insider.idNumber
            await #expect(throws: StoreError.duplicate("身份证号 \(insider.maskedIDNumber) 已登记为“甲”",
                                                       english: "ID number \(insider.maskedIDNumber) is already registered (甲)")) {
                try await store.rounds.addCandidate(roundID: round, zoneID: zone, postID: post.id, registered, actor: "hr")
            }
            #expect(try await store.rounds.candidates(roundID: round).map(\.identity.name) == ["王五", "赵六"])
            try await store.rounds.setStatus(roundID: round, zoneID: zone, from: [.draft], to: .open, actor: "hr")
            let result = try await store.rounds.compute(roundID: round, zoneID: zone, actor: "hr")
            let hiredID = try await store.rounds.candidates(roundID: round).first { $0.identity.name == "王五" }!.id
            #expect(result.hired == [hiredID: post.id])
            try await store.rounds.setStatus(roundID: round, zoneID: zone, from: [.computed], to: .published, actor: "hr")
            await #expect(throws: StoreError.overQuota([QuotaViolation(kind: .establishment(.postCap), unitID: units[2], unitName: "党政办公室",
                                                                       used: 1, limit: 0, approved: 0)])) {
                try await store.rounds.confirm(roundID: round, zoneID: zone, waitingMonths: 3, actor: "hr")
            }
            #expect(try await store.people.search(PeopleQuery(zoneID: zone, text: "王五")).total == 0)
            try await store.quotas.setEstablishment(unitID: units[2], zoneID: zone, category: .postCap, quota: 1, approval: ChangeApproval(documentNo: "测试", approvedOn: nil, summary: ""), actor: "t")
            try await store.rounds.confirm(roundID: round, zoneID: zone, waitingMonths: 3, actor: "hr")
            let hired = try #require(try await store.people.search(PeopleQuery(zoneID: zone, text: "王五")).people.first)
            #expect(hired.establishment == .postCap && hired.unitID == units[2] && hired.status == .active && hired.phone == "13900139000")
            #expect(try await store.people.search(PeopleQuery(zoneID: zone, text: "赵六")).total == 0)
            #expect(try await store.appointments.current(zoneID: zone).map(\.person.id) == [hired.id])
            #expect(try await store.rounds.candidates(roundID: round).first { $0.id == hiredID }?.personID == hired.id)
            let actions = try await store.database.reader.raw("SELECT action FROM audit_log ORDER BY seq").all()
                .map { try $0.decode(column: "action", as: String.self) }
            #expect(actions.filter { $0 == "round.candidate.add" }.count == 2 && actions.suffix(2) == ["person.create", "round.confirm"])
        }
    }

    /// Only someone the round affects may object, during the 公示期; confirmation waits for every
    /// answer; 更正 sends the round back to be corrected and published again.
    @Test(arguments: TestDatabase.backends)
    func objectionsHoldTheConfirmationUntilAnswered(_ backend: Backend) async throws {
        let clock = ManualClock()
        try await TestDatabase.withStore(backend, clock: clock.clock) { (store: Store) async throws in
            let (zone, units) = try await TestDatabase.seedZone(store)
            let people = try await store.people.createAll([TestDatabase.person("甲", sequence: 910, unit: units[1], category: .contract),
                                                           TestDatabase.person("乙", sequence: 911, unit: units[1], category: .contract),
                                                           TestDatabase.person("丙", sequence: 912, unit: units[1], category: .contract)],
                                                          zoneID: zone, actor: "t")
            let post = try await store.posts.create(Post(id: 0, unitID: units[1], title: "招商专员", level: 2, category: .investment,
                                                         payCoefficientMilli: 1200, requirements: "", headcount: 1, termYears: 3, leadership: nil),
                                                    zoneID: zone, actor: "hr")
            let round = try await store.rounds.create(zoneID: zone, name: "双选", deadline: CivilDate(year: 2099, month: 1, day: 1)!, actor: "hr")
            try await store.rounds.offer(roundID: round, zoneID: zone, postID: post.id, method: .mutualSelection, capacity: 1, examWeight: 50, actor: "hr")
            try await store.rounds.setStatus(roundID: round, zoneID: zone, from: [.draft], to: .open, actor: "hr")
            for person in people.prefix(2) {
                try await store.rounds.replaceEntries(roundID: round, zoneID: zone, kind: "apply", personID: person.id, postID: nil,
                                                      entries: [.init(kind: "apply", personID: person.id, postID: post.id, position: 1, exam: 0, interview: 0)],
                                                      allowed: [.open], actor: "t")
            }
            try await store.rounds.replaceEntries(roundID: round, zoneID: zone, kind: "order", personID: nil, postID: post.id,
                                                  entries: [.init(kind: "order", personID: people[0].id, postID: post.id, position: 1, exam: 0, interview: 0)],
                                                  allowed: [.open], actor: "t")
            _ = try await store.rounds.compute(roundID: round, zoneID: zone, actor: "hr")
            await #expect(throws: StoreError.invalid("聘任批次当前为“已匹配”，不能进行此操作")) {
                try await store.rounds.fileObjection(roundID: round, zoneID: zone, personID: people[1].id, reason: "排序不公", actor: "yi")
            }
            let ends = try await store.holidays.calendar().end(of: 5, after: store.clock.today)
            try await store.rounds.publish(roundID: round, zoneID: zone, ends: ends, actor: "hr")
            await #expect(throws: StoreError.invalid("您未参加本批次聘任，不能对其结果提出申诉")) {
                try await store.rounds.fileObjection(roundID: round, zoneID: zone, personID: people[2].id, reason: "我也要", actor: "bing")
            }
            try await store.rounds.fileObjection(roundID: round, zoneID: zone, personID: people[1].id, reason: "排序不公", actor: "yi")
            await #expect(throws: StoreError.invalid("您已有一件申诉正在处理，请等待答复")) {
                try await store.rounds.fileObjection(roundID: round, zoneID: zone, personID: people[1].id, reason: "再说一次", actor: "yi")
            }
            clock.advance(30 * 86_400)
            await #expect(throws: StoreError.invalid("公示期已于\(ends)结束，不能再提出申诉")) {
                try await store.rounds.fileObjection(roundID: round, zoneID: zone, personID: people[0].id, reason: "迟到", actor: "jia")
            }
            await #expect(throws: StoreError.invalid("尚有1件申诉未处理，请先答复（维持或更正）后再确认聘任")) {
                try await store.rounds.confirm(roundID: round, zoneID: zone, waitingMonths: 3, actor: "hr")
            }
            let objection = try await store.rounds.objections(roundID: round)[0]
            #expect(objection.status == .pending && objection.personID == people[1].id)
            try await store.rounds.reviewObjection(roundID: round, zoneID: zone, objectionID: objection.id, decision: .corrected,
                                                   reply: "部门负责人重新排序", actor: "hr")
            let reopened = try #require(try await store.rounds.find(id: round, zoneID: zone))
            #expect(reopened.status == .open && reopened.publicityEnds == nil)
            #expect(try await store.rounds.objections(roundID: round)[0].reply == "部门负责人重新排序")
            // Corrected, matched and published again; a second objection is 维持 and the round confirms.
            _ = try await store.rounds.compute(roundID: round, zoneID: zone, actor: "hr")
            try await store.rounds.publish(roundID: round, zoneID: zone, ends: try await store.holidays.calendar().end(of: 5, after: store.clock.today), actor: "hr")
            try await store.rounds.fileObjection(roundID: round, zoneID: zone, personID: people[1].id, reason: "仍有异议", actor: "yi")
            let second = try await store.rounds.objections(roundID: round)[1]
            try await store.rounds.reviewObjection(roundID: round, zoneID: zone, objectionID: second.id, decision: .upheld, reply: "经复核维持", actor: "hr")
            await #expect(throws: StoreError.invalid("该申诉不存在或已处理")) {
                try await store.rounds.reviewObjection(roundID: round, zoneID: zone, objectionID: second.id, decision: .corrected, reply: "x", actor: "hr")
            }
            clock.advance(30 * 86_400)
            try await store.rounds.confirm(roundID: round, zoneID: zone, waitingMonths: 3, actor: "hr")
            let actions = try await store.database.reader.raw("SELECT action FROM audit_log WHERE action LIKE 'round.objection%' ORDER BY seq").all()
                .map { try $0.decode(column: "action", as: String.self) }
            #expect(actions == ["round.objection.file", "round.objection.review", "round.objection.file", "round.objection.review"])
        }
    }
}
