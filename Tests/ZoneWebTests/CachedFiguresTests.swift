import Foundation
import Hummingbird
import Synchronization
import Testing
import ZoneStore
@testable import ZoneWeb

/// The org tree and the dashboard are cached between writes; a write must show on the very next read.
@Suite("Cached figures follow every write")
struct CachedFiguresTests {
    struct UnitRow: Decodable {
        let id: Int64
        let staff: Int
    }

    @Test func unitsAndDashboardShowANewPersonAtOnce() async throws {
        let app = try await TestApp.make()
        let hr = try await app.account("hr")
        let unit = try await app.store.units.all(zoneID: hr.zoneID!)[3].id
        try await app.run { browser in
            try await browser.login("hr")
            func staff() async throws -> Int {
                let rows = try JSONDecoder().decode([UnitRow].self, from: Data(try await browser.get("/api/v1/units").body.utf8))
                return rows.first { $0.id == unit }!.staff
            }
            func total() async throws -> String? {
                let body = try await browser.get("/api/v1/dashboard/staff").body
                return body.firstRange(of: /共(\d+)人/).map { String(body[$0]) }
            }
            let (before, totalBefore) = (try await staff(), try await total())
            #expect(try await staff() == before) // served again, now from the cache
            #expect(try await total() == totalBefore)
            let created = try await browser.request(.post, "/api/v1/people", json: """
                {"name":"李四","idNumber":"11010519491231002X","unitId":\(unit),"establishment":"编外"}
                """, headers: [.init("X-CSRF-Token")!: browser.csrf])
            #expect(created.status == .created)
            #expect(try await staff() == before + 1)
            #expect(try await total() != totalBefore)
        }
    }

    /// Forty requests missing the same key at once share one computation; a commit retires it.
    @Test func concurrentMissesShareOneComputation() async throws {
        let app = try await TestApp.make()
        try await app.run { _ in
            let probe = SlowFigure(database: app.store.database)
            let answers = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<40 { group.addTask { try await probe.value() } }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(answers == Array(repeating: 1, count: 40) && probe.runs.load(ordering: .relaxed) == 1)
            _ = try await app.store.accounts.create(NewAccount(username: "cache-probe", displayName: "探针", passwordHash: "h", role: .hr, zoneID: nil), actor: "t")
            #expect(try await probe.value() == 2)
        }
    }
}

/// A figure that takes 50 ms and answers how many times it has been computed.
final class SlowFigure: Sendable {
    let cache = ComputedCache()
    let runs = Atomic<Int>(0)
    let database: ZoneDatabase

    init(database: ZoneDatabase) { self.database = database }

    func value() async throws -> Int {
        try await cache.value("figure", in: database) {
            try await Task.sleep(for: .milliseconds(50))
            return self.runs.add(1, ordering: .relaxed).newValue
        }
    }
}
