import Foundation
import Testing
import ZoneCore
@testable import ZoneStore

/// Caches (signed-in sessions, the org tree, the dashboard) trust `changeStamp` to change whenever
/// the data does, including writes by another process on the same database (a CLI import while the
/// server runs, a second server on the same PostgreSQL).
@Suite("Change stamp and cached sessions")
struct ChangeStampTests {
    @Test(arguments: TestDatabase.backends)
    func stampChangesOnCommitNotOnRead(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            let before = try await store.database.changeStamp()
            _ = try await store.accounts.all()
            #expect(try await store.database.changeStamp() == before)
            _ = try await store.accounts.create(NewAccount(username: "a1", displayName: "甲", passwordHash: "h", role: .hr, zoneID: nil), actor: "t")
            #expect(try await store.database.changeStamp() != before)
        }
    }

    @Test(arguments: TestDatabase.backends)
    func anotherProcessesWriteChangesTheStamp(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            let before = try await store.database.changeStamp()
            let other = try await Store.open(store.database.location)
            do {
                _ = try await other.accounts.create(NewAccount(username: "a2", displayName: "乙", passwordHash: "h", role: .hr, zoneID: nil), actor: "t")
                try await other.close()
            } catch {
                try? await other.close()
                throw error
            }
            #expect(try await store.database.changeStamp() != before)
        }
    }

    @Test(arguments: TestDatabase.backends)
    func aSessionEndedOrRoleChangedElsewhereIsNotServedFromCache(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            let account = try await store.accounts.create(NewAccount(username: "u", displayName: "用户", passwordHash: "h", role: .hr, zoneID: nil), actor: "t")
            let (token, _) = try await store.sessions.create(accountID: account.id)
            let (other, _) = try await store.sessions.create(accountID: account.id)
            // Twice, so the second answer can come from the cache.
            #expect(try await store.sessions.resume(token: token)?.account.active == true)
            #expect(try await store.sessions.resume(token: token)?.account.active == true)

            let elsewhere = try await Store.open(store.database.location)
            do {
                try await elsewhere.sessions.end(token: token)
                #expect(try await store.sessions.resume(token: token) == nil)

                #expect(try await store.sessions.resume(token: other)?.account.role == .hr)
                #expect(try await store.sessions.resume(token: other)?.account.role == .hr)
                try await elsewhere.accounts.assignRole(id: account.id, role: .leader, unitID: nil, personID: nil, actor: "t")
                try await elsewhere.close()
            } catch {
                try? await elsewhere.close()
                throw error
            }
            #expect(try await store.sessions.resume(token: other)?.account.role == .leader)
        }
    }
}
