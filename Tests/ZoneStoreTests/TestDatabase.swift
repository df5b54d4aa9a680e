import Foundation
import PostgresKit
import Synchronization
import Testing
import ZoneCore
import ZoneTestSupport
@testable import ZoneStore

/// The backends every store test runs on. PostgreSQL comes from `ZONEDESK_PG_URL`; without it the
/// PostgreSQL cases are left out and a warning is printed, unless `ZONEDESK_REQUIRE_PG=1` (CI),
/// where its absence fails the run.
enum TestDatabase {
    static var backends: [Backend] {
        let env = ProcessInfo.processInfo.environment
        if env["ZONEDESK_PG_URL"] != nil || env["ZONEDESK_REQUIRE_PG"] == "1" { return [.sqlite, .postgres] }
        print("⚠️⚠️⚠️ ZONEDESK_PG_URL is not set: PostgreSQL store tests are NOT running (run ./scripts/test) ⚠️⚠️⚠️")
        return [.sqlite]
    }

    /// A fresh, migrated, empty database of the given kind; removed after `body`.
    static func withStore(_ backend: Backend, clock: Clock = .system, _ body: (Store) async throws -> Void) async throws {
        try await withLocation(backend) { location in
            let store = try await Store.open(location, clock: clock)
            do {
                try await body(store)
                try await store.close()
            } catch {
                try? await store.close()
                throw error
            }
        }
    }

    /// Where a new, empty database of the given kind can be made (an SQLite path, a created PostgreSQL
    /// database), with its audit key file in a scratch directory; all removed after `body`.
    static func withLocation(_ backend: Backend, _ body: (DatabaseLocation) async throws -> Void) async throws {
        let location: DatabaseLocation
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("zd-test-\(UUID().uuidString)")
        var cleanup: () async throws -> Void = { try? FileManager.default.removeItem(at: dir) }
        switch backend {
        case .sqlite:
            location = DatabaseLocation(dir.appendingPathComponent("test.sqlite").path)
        case .postgres:
            guard let base = ProcessInfo.processInfo.environment["ZONEDESK_PG_URL"] else {
                throw StoreError.invalid("ZONEDESK_REQUIRE_PG=1 but ZONEDESK_PG_URL is not set")
            }
            let name = "zd_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
            try await admin(base, "CREATE DATABASE \(name)")
            location = DatabaseLocation(replacingDatabase(in: base, with: String(name)), auditKey: dir.appendingPathComponent("audit.key").path)
            cleanup = {
                try? FileManager.default.removeItem(at: dir)
                try await admin(base, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            }
        }
        do {
            try await body(location)
            try await cleanup()
        } catch {
            try? await cleanup()
            throw error
        }
    }

    static func replacingDatabase(in url: String, with name: String) -> String {
        let slash = url.lastIndex(of: "/")!
        return String(url[...slash]) + name
    }

    /// Runs one statement on the base database (CREATE/DROP DATABASE cannot run in a transaction).
    static func admin(_ url: String, _ statement: String) async throws {
        let db = try await ZoneDatabase.open(DatabaseLocation(url))
        do {
            try await db.reader.raw(SQLQueryString(statement)).run()
        } catch {
            try? await db.close()
            throw error
        }
        try await db.close()
    }

    /// A small zone: 管委会 (quota 3) → 产业发展局, 党政办公室; 服务中心 (quota 2).
    /// `committeeQuota`: the 管委会's 事业编制, shared by its two departments.
    static func seedZone(_ store: Store, committeeQuota: Int = 3) async throws -> (zoneID: Int64, unitIDs: [Int64]) {
        let specs: [(String, UnitKind, Int?, Int)] = [("管委会", .committee, nil, committeeQuota), ("产业发展局", .department, 0, 0),
                                                     ("党政办公室", .department, 0, 0), ("服务中心", .institution, nil, 2)]
        let units = specs.enumerated().map { i, spec in
            NewUnit(unit: Unit(id: 0, parentID: nil, name: spec.0, kind: spec.1, orgType: .government, funding: .full, rank: "正科级",
                               isEconomic: false, sortOrder: i),
                    parentIndex: spec.2, establishment: spec.3 > 0 ? [.institutional: spec.3] : [:])
        }
        return try await store.units.createZone(code: "t\(UUID().uuidString.prefix(6))", name: "测试园区", units: units, actor: "test")
    }

    static func person(_ name: String, sequence: Int, unit: Int64, category: StaffCategory = .institutional) -> ValidPerson {
        let id = ResidentID.make(region: "520502", birth: CivilDate(year: 1980, month: 1, day: 1 + sequence % 28)!, sequence: sequence)
        return ValidPerson(name: name, idNumber: id.value, gender: id.isMale ? .male : .female, birthDate: id.birthDate.description,
                           phone: "13800138000", unitID: unit, establishment: category, archivePost: "科员", archiveRank: "一级科员",
                           status: .active)
    }
}
