import SQLKit
import Testing
import ZoneCore
@testable import ZoneStore

/// Status and kind columns (migration 19): the database refuses a value the code does not know, and a
/// value that got in anyway (the check bypassed, as a hand edit or an older tool would) fails the read
/// with the table and the value named, instead of being read as a default.
@Suite("Stored enum values")
struct StoredValueCheckTests {
    /// The frozen lists equal the code's cases: a new case needs a migration that widens the check.
    @Test func everyCheckedColumnListsExactlyTheCodesValues() {
        #expect(StoredEnums.columns.count == 25)
        for column in StoredEnums.columns {
            #expect(column.values == column.current, "\(column.table).\(column.column)")
        }
    }

    /// Every listed column is guarded in the database (a CHECK on PostgreSQL, two triggers on SQLite).
    @Test(arguments: TestDatabase.backends)
    func everyColumnHasItsGuard(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { store in
            let names: Set<String> = switch backend {
            case .sqlite: Set(try await store.database.reader.raw("SELECT name FROM sqlite_master WHERE type = 'trigger'").all()
                .map { try $0.decode(column: "name", as: String.self) })
            case .postgres: Set(try await store.database.reader.raw("SELECT conname FROM pg_constraint WHERE contype = 'c'").all()
                .map { try $0.decode(column: "conname", as: String.self) })
            }
            for column in StoredEnums.columns {
                let expected = backend == .sqlite ? [column.name + "_insert", column.name + "_update"] : [column.name]
                #expect(Set(expected).isSubset(of: names), "\(column.table).\(column.column)")
            }
        }
    }

    @Test(arguments: TestDatabase.backends)
    func aBadValueIsRefusedAndAStrayOneFailsTheRead(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { store in
            let (zoneID, _) = try await TestDatabase.seedZone(store)
            let account = try await store.accounts.create(NewAccount(username: "clerk", displayName: "办事员", passwordHash: "x", role: .employee,
                                                                     zoneID: zoneID), actor: "test")
            let round = try await store.rounds.create(zoneID: zoneID, name: "批次", deadline: CivilDate(year: 2027, month: 1, day: 1)!, actor: "test")
            let db = store.database
            await #expect(throws: (any Error).self) {
                try await db.transaction { tx in try await tx.raw("UPDATE accounts SET role = 'superuser' WHERE id = \(bind: account.id)").run() }
            }
            await #expect(throws: (any Error).self) {
                try await db.transaction { tx in
                    try await tx.raw("""
                        INSERT INTO rounds (zone_id, name, status, deadline, created_by, created_at)
                        VALUES (\(bind: zoneID), 'x', 'cancelled', '2027-01-01', 'test', '2026-12-01T00:00:00Z')
                        """).run()
                }
            }
            #expect(try await store.accounts.find(id: account.id)?.role == .employee)

            // Bypass the guard, as a hand edit past the schema would, and store values the code has no case for.
            let bypass: [String] = switch backend {
            case .sqlite: ["DROP TRIGGER accounts_role_check_update", "DROP TRIGGER rounds_status_check_update"]
            case .postgres: ["ALTER TABLE accounts DROP CONSTRAINT accounts_role_check", "ALTER TABLE rounds DROP CONSTRAINT rounds_status_check"]
            }
            try await db.transaction { tx in
                for statement in bypass { try await tx.raw(SQLQueryString(statement)).run() }
                try await tx.raw("UPDATE accounts SET role = 'superuser' WHERE id = \(bind: account.id)").run()
                try await tx.raw("UPDATE rounds SET status = 'cancelled' WHERE id = \(bind: round)").run()
            }
            await #expect(throws: UnknownStoredValue(table: "accounts", column: "role", value: "superuser")) {
                try await store.accounts.find(id: account.id)
            }
            do {
                _ = try await store.rounds.find(id: round, zoneID: zoneID)
                Issue.record("an unknown round status was read")
            } catch let error as UnknownStoredValue {
                #expect(error.message == "数据表 rounds 的 status 列存有未知值“cancelled”，无法读取；请核对数据库")
                #expect(error.englishMessage.contains("rounds") && error.englishMessage.contains("'cancelled'"))
            }
        }
    }
}
