import Foundation
import Hummingbird
import Testing
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
}
