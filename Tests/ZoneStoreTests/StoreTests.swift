import Foundation
import SQLKit
import Testing
import ZoneCore
import ZoneTestSupport
@testable import ZoneStore

@Suite("Store on SQLite and PostgreSQL")
struct StoreTests {
    @Test(arguments: TestDatabase.backends)
    func migrationsAreRecordedAndIdempotent(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            let migrator = Migrator(database: store.database)
            #expect(try await migrator.migrate() == [])
            #expect(try await migrator.migrate() == [])
            #expect(try await migrator.appliedVersions() == Schema.migrations.map(\.version))
        }
    }

    @Test(arguments: TestDatabase.backends)
    func createFindSearchAndAuditPeople(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            let (zone, units) = try await TestDatabase.seedZone(store)
            let created = try await store.people.createAll([
                TestDatabase.person("王小明", sequence: 1, unit: units[1]),
                TestDatabase.person("王_芳", sequence: 2, unit: units[2]),
                TestDatabase.person("李四", sequence: 3, unit: units[3], category: .contract),
            ], zoneID: zone, actor: "tester")
            #expect(try await store.people.find(id: created[0].id, zoneID: zone) == created[0])
            #expect(try await store.people.search(PeopleQuery(zoneID: zone, text: "王")).total == 2)
            // "_" typed by a user is a literal, not a LIKE wildcard.
            #expect(try await store.people.search(PeopleQuery(zoneID: zone, text: "王_")).people.map(\.name) == ["王_芳"])
            #expect(try await store.people.search(PeopleQuery(zoneID: zone, text: created[2].idNumber)).people.map(\.name) == ["李四"])
            #expect(try await store.people.search(PeopleQuery(zoneID: zone, unitIDs: [units[1], units[2]])).total == 2)
            #expect(try await store.people.search(PeopleQuery(zoneID: zone, unitIDs: [])).total == 0)
            let paged = try await store.people.search(PeopleQuery(zoneID: zone, page: 2, pageSize: 2))
            #expect(paged.people.count == 1 && paged.total == 3 && paged.pageCount == 2)
            let usage = EstablishmentUsage(book: try await store.quotas.book(zoneID: zone))
            #expect(usage.contractStaff[units[3]] == 1)
            let records = try await store.audit.recent(store.database.reader, limit: 10)
            #expect(records.filter { $0.entry.action == "person.create" }.count == 3)
            // The audit text never carries a full ID number.
            #expect(!records.contains { $0.entry.detail.contains(created[0].idNumber) })
        }
    }

    @Test(arguments: TestDatabase.backends)
    func aDuplicateAnywhereInABatchWritesNothing(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            let (zone, units) = try await TestDatabase.seedZone(store)
            _ = try await store.people.create(TestDatabase.person("张三", sequence: 5, unit: units[1]), zoneID: zone, actor: "t")
            let auditBefore = try await store.audit.count(store.database.reader)
            await #expect(throws: StoreError.self) {
                try await store.people.createAll([TestDatabase.person("李四", sequence: 6, unit: units[1]),
                                                  TestDatabase.person("张三", sequence: 5, unit: units[2])], zoneID: zone, actor: "t")
            }
            #expect(try await store.people.search(PeopleQuery(zoneID: zone)).total == 1)
            #expect(try await store.audit.count(store.database.reader) == auditBefore)
        }
    }

    @Test(arguments: TestDatabase.backends)
    func aStaleEditIsRefusedAndTheNewerOneKept(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            let (zone, units) = try await TestDatabase.seedZone(store)
            let original = try await store.people.create(TestDatabase.person("张三", sequence: 7, unit: units[1]), zoneID: zone, actor: "a")
            var first = TestDatabase.person("张三", sequence: 7, unit: units[1])
            first.archivePost = "科长"
            let saved = try await store.people.update(id: original.id, zoneID: zone, to: first, expectedVersion: 1, actor: "a")
            #expect(saved.version == 2)
            var second = first
            second.archivePost = "副科长"
            await #expect(throws: StoreError.staleVersion(entity: "人员“张三”", expected: 1, actual: 2)) {
                try await store.people.update(id: original.id, zoneID: zone, to: second, expectedVersion: 1, actor: "b")
            }
            #expect(try await store.people.find(id: original.id, zoneID: zone)?.archivePost == "科长")
            let detail = try await store.audit.recent(store.database.reader, limit: 1)[0].entry.detail
            #expect(detail.contains("archivePost: 科员 → 科长"))
        }
    }

    @Test(arguments: TestDatabase.backends)
    func concurrentWritersKeepOneUnbrokenChain(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            let (zone, units) = try await TestDatabase.seedZone(store)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<24 {
                    group.addTask {
                        _ = try await store.people.create(TestDatabase.person("赵钱", sequence: 100 + i, unit: units[i % 4], category: .contract),
                                                          zoneID: zone, actor: "w\(i)")
                    }
                }
                try await group.waitForAll()
            }
            let result = try await store.audit.verify(store.database.reader)
            #expect(result.isIntact)
            #expect(result.rowsChecked == 25)
        }
    }

    @Test(arguments: TestDatabase.backends)
    func theAuditLogRefusesUpdatesAndDeletes(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            _ = try await TestDatabase.seedZone(store)
            await #expect(throws: (any Error).self) {
                try await store.database.transaction { tx in try await tx.raw("UPDATE audit_log SET actor = 'x'").run() }
            }
            await #expect(throws: (any Error).self) {
                try await store.database.transaction { tx in try await tx.raw("DELETE FROM audit_log").run() }
            }
            #expect(try await store.audit.verify(store.database.reader).isIntact)
        }
    }

    @Test(arguments: TestDatabase.backends)
    func verifyNamesTheFirstTamperedRow(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            let (zone, units) = try await TestDatabase.seedZone(store)
            for i in 0..<4 {
                _ = try await store.people.create(TestDatabase.person("孙李", sequence: 200 + i, unit: units[0], category: .contract), zoneID: zone, actor: "t")
            }
            let intact = try await store.audit.verify(store.database.reader)
            #expect(intact.rowsChecked == 5 && intact.isIntact && intact.head?.seq == 5)
            // Someone with database access drops the guard and rewrites history.
            try await Self.dropGuards(store)
            try await store.database.transaction { tx in try await tx.raw("UPDATE audit_log SET actor = 'nobody' WHERE seq = 3").run() }
            let edited = try await store.audit.verify(store.database.reader)
            #expect(edited.firstBad == 3)
            #expect(edited.reason?.contains("内容被改动") == true)
            try await store.database.transaction { tx in try await tx.raw("DELETE FROM audit_log WHERE seq = 2").run() }
            #expect(try await store.audit.verify(store.database.reader).firstBad == 2)
        }
    }

    /// Cutting rows off the end leaves a valid shorter chain; only an anchor kept elsewhere shows it.
    @Test(arguments: TestDatabase.backends)
    func anchorsCatchACutOrRewrittenTail(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            let (zone, units) = try await TestDatabase.seedZone(store)
            for i in 0..<3 {
                _ = try await store.people.create(TestDatabase.person("孙李", sequence: 300 + i, unit: units[0], category: .contract), zoneID: zone, actor: "t")
            }
            let anchor = try #require(try await store.audit.verify(store.database.reader).head)
            #expect(anchor.seq == 4)
            #expect(try await store.audit.verify(store.database.reader, anchors: [anchor]).isIntact)
            try await Self.dropGuards(store)
            try await store.database.transaction { tx in try await tx.raw("DELETE FROM audit_log WHERE seq >= 3").run() }
            #expect(try await store.audit.verify(store.database.reader).isIntact)
            let cut = try await store.audit.verify(store.database.reader, anchors: [anchor])
            #expect(cut.firstBad == 3 && cut.reason?.contains("锚点记录的第4行已不存在") == true)
            // Rewriting the tail with a fresh, self-consistent chain does not match the anchor either.
            for i in 0..<2 {
                _ = try await store.people.create(TestDatabase.person("孙李", sequence: 310 + i, unit: units[0], category: .contract), zoneID: zone, actor: "t")
            }
            let rewritten = try await store.audit.verify(store.database.reader, anchors: [anchor])
            #expect(rewritten.firstBad == 4 && rewritten.reason?.contains("与锚点记录的哈希不同") == true)
            #expect(try AuditAnchor.parse(lines: "# 2026-11-25\n\(anchor.line) 2026-11-25T08:00:00Z\n") == [anchor])
            #expect(throws: StoreError.self) { try AuditAnchor.parse(lines: "4 abc") }
        }
    }

    static func dropGuards(_ store: Store) async throws {
        let statements = store.database.backend == .sqlite
            ? ["DROP TRIGGER audit_log_no_update", "DROP TRIGGER audit_log_no_delete"]
            : ["DROP TRIGGER audit_log_no_change ON audit_log"]
        try await store.database.transaction { tx in
            for statement in statements { try await tx.raw(SQLQueryString(statement)).run() }
        }
    }

    @Test(arguments: TestDatabase.backends)
    func fiveFailuresLockTheAccountForThirtyMinutes(_ backend: Backend) async throws {
        let clock = ManualClock()
        try await TestDatabase.withStore(backend, clock: clock.clock) { (store: Store) async throws in
            let account = try await store.accounts.create(NewAccount(username: "u1", displayName: "用户", passwordHash: "h", role: .hr, zoneID: nil), actor: "t")
            let wrong: @Sendable (String?) async -> Bool = { _ in false }
            for _ in 0..<4 { #expect(try await store.accounts.login(username: "u1", address: "a", verify: wrong) == .refused(.wrongPassword)) }
            #expect(try await store.accounts.find(id: account.id)?.failedAttempts == 4)
            #expect(try await store.accounts.login(username: "u1", address: "a", verify: wrong) == .refused(.wrongPassword))
            #expect(try await store.accounts.find(id: account.id)?.lockedUntil == clock.clock.epochSeconds + 1800)
            try await store.accounts.unlock(id: account.id, actor: "sec")
            #expect(try await store.accounts.find(id: account.id)?.lockedUntil == 0)
        }
    }

    @Test(arguments: TestDatabase.backends)
    func sessionsExpireAfterThirtyIdleMinutes(_ backend: Backend) async throws {
        let clock = ManualClock()
        try await TestDatabase.withStore(backend, clock: clock.clock) { (store: Store) async throws in
            let account = try await store.accounts.create(NewAccount(username: "u2", displayName: "用户", passwordHash: "h", role: .hr, zoneID: nil), actor: "t")
            let (token, session) = try await store.sessions.create(accountID: account.id)
            clock.advance(29 * 60)
            #expect(try await store.sessions.resume(token: token)?.session == session)
            clock.advance(29 * 60) // activity above reset the idle timer
            #expect(try await store.sessions.resume(token: token)?.account == account)
            clock.advance(31 * 60)
            #expect(try await store.sessions.resume(token: token) == nil)
            #expect(try await store.sessions.resume(token: "forged") == nil)
        }
    }

    /// A session brings its account's zone name in the same read (and from the cache); an account of no zone has none.
    @Test(arguments: TestDatabase.backends)
    func aSessionCarriesItsZonesName(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            let (zoneID, _) = try await store.units.createZone(code: "yz", name: "仪征经济开发区", units: [], actor: "t")
            let zoned = try await store.accounts.create(NewAccount(username: "yz_hr", displayName: "用户", passwordHash: "h", role: .hr, zoneID: zoneID), actor: "t")
            let province = try await store.accounts.create(NewAccount(username: "prov", displayName: "省", passwordHash: "h", role: .province, zoneID: nil), actor: "t")
            let (zonedToken, _) = try await store.sessions.create(accountID: zoned.id)
            let (provinceToken, _) = try await store.sessions.create(accountID: province.id)
            for _ in 0..<2 {
                #expect(try await store.sessions.resume(token: zonedToken)?.zoneName == "仪征经济开发区")
                let provinceSession = try await store.sessions.resume(token: provinceToken)
                #expect(provinceSession != nil && provinceSession?.zoneName == nil)
            }
        }
    }
}

@Suite("Calendar days are Beijing days")
struct ClockTests {
    @Test func todayIsTheDateInAsiaShanghai() {
        // 2026-11-24 20:00 UTC is already 2026-11-25 04:00 in Beijing.
        let clock = Clock { Date(timeIntervalSince1970: 1_795_550_400) }
        #expect(clock.isoTimestamp == "2026-11-24T20:00:00Z")
        #expect(clock.today == CivilDate(year: 2026, month: 11, day: 25))
    }
}
