import Foundation
import Synchronization
import Testing
import ZoneCore
import ZoneTestSupport
@testable import ZoneStore

/// The lockout under real concurrency: many attempts on one account at once, on both databases.
@Suite("Login attempts and lockout")
struct LoginStoreTests {
    /// Counts the password checks that had a real hash to check (nil is the dummy check).
    final class Checks: Sendable {
        private let count = Mutex(0)
        var value: Int { count.withLock { $0 } }
        func record(_ hash: String?) { if hash != nil { count.withLock { $0 += 1 } } }
    }

    static func account(_ store: Store, _ name: String) async throws -> Account {
        try await store.accounts.create(NewAccount(username: name, displayName: name, passwordHash: "right-hash", role: .securityAdmin, zoneID: nil,
                                                   mustChangePassword: false), actor: "t")
    }

    /// 40 attempts on "secadmin" at once, from 10.0.`subnet`.0–39; `verify` gets the attempt's number.
    static func parallelLogins(_ store: Store, subnet: Int, verify: @escaping @Sendable (Int, String?) -> Bool) async throws -> [LoginOutcome] {
        try await withThrowingTaskGroup(of: LoginOutcome.self) { group in
            for i in 0..<40 {
                group.addTask {
                    try await store.accounts.login(username: "secadmin", address: "10.0.\(subnet).\(i)") { hash in verify(i, hash) }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    @Test(arguments: TestDatabase.backends)
    func fortyParallelWrongPasswordsGetOnlyFiveChecks(_ backend: Backend) async throws {
        let clock = ManualClock()
        try await TestDatabase.withStore(backend, clock: clock.clock) { (store: Store) async throws in
            let account = try await Self.account(store, "secadmin")
            let checks = Checks()
            let outcomes = try await Self.parallelLogins(store, subnet: 0) { _, hash in
                checks.record(hash)
                return false
            }
            #expect(checks.value == PasswordPolicy.maxFailures)
            // A checked attempt settling after the sixth has locked the account reports the lock.
            #expect(outcomes.filter { $0 == .refused(.wrongPassword) }.count <= PasswordPolicy.maxFailures)
            #expect(outcomes.allSatisfy { $0 == .refused(.wrongPassword) || $0 == .refused(.locked) })
            let after = try #require(try await store.accounts.find(id: account.id))
            #expect(after.lockedUntil == clock.clock.epochSeconds + PasswordPolicy.lockoutSeconds)
            // Every attempt is audited with its address.
            let records = try await store.audit.recent(store.database.reader, limit: 100).filter { $0.entry.entityID == String(account.id) }
            #expect(records.filter { $0.entry.action.hasPrefix("login") }.count == 40)
            #expect(records.allSatisfy { !$0.entry.action.hasPrefix("login") || $0.entry.detail.contains("address=10.0.0.") })
        }
    }

    /// 39 wrong and 1 right at once: however they interleave, no more than four wrong checks before
    /// the right one and five after it, the account ends locked, and at most the one right attempt signs in.
    @Test(arguments: TestDatabase.backends)
    func fortyParallelAttemptsWithOneRightStillLock(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend, clock: ManualClock().clock) { (store: Store) async throws in
            let account = try await Self.account(store, "secadmin")
            let checks = Checks()
            let outcomes = try await Self.parallelLogins(store, subnet: 1) { i, hash in
                checks.record(hash)
                return i == 20 && hash == "right-hash"
            }
            #expect(checks.value <= 2 * PasswordPolicy.maxFailures)
            #expect(outcomes.filter { if case .signedIn = $0 { true } else { false } }.count <= 1)
            #expect(try await store.accounts.find(id: account.id)!.lockedUntil > 0)
        }
    }

    /// The right password is being checked while five wrong ones arrive: the account locks, and
    /// the right one then neither signs in nor clears the lock.
    @Test(arguments: TestDatabase.backends)
    func aRightPasswordCheckedWhileTheAccountLocksDoesNotUnlockIt(_ backend: Backend) async throws {
        let clock = ManualClock()
        try await TestDatabase.withStore(backend, clock: clock.clock) { (store: Store) async throws in
            let account = try await Self.account(store, "secadmin")
            let (checking, checkingStarted) = AsyncStream.makeStream(of: Void.self)
            let (release, releaseCheck) = AsyncStream.makeStream(of: Void.self)
            let right = Task {
                try await store.accounts.login(username: "secadmin", address: "10.0.2.1") { hash in
                    checkingStarted.yield()
                    for await _ in release { break }
                    return hash == "right-hash"
                }
            }
            for await _ in checking { break }
            var wrong: [LoginOutcome] = []
            for i in 0..<PasswordPolicy.maxFailures {
                wrong.append(try await store.accounts.login(username: "secadmin", address: "10.0.2.\(i + 2)") { _ in false })
            }
            // Four take the slots the right attempt leaves; the fifth finds them all taken and locks.
            #expect(wrong == Array(repeating: .refused(.wrongPassword), count: PasswordPolicy.maxFailures - 1) + [.refused(.locked)])
            releaseCheck.yield()
            #expect(try await right.value == .refused(.locked))
            let after = try #require(try await store.accounts.find(id: account.id))
            #expect(after.lockedUntil == clock.clock.epochSeconds + PasswordPolicy.lockoutSeconds)
            // Once the lock expires the right password works again, with a fresh count.
            clock.advance(Double(PasswordPolicy.lockoutSeconds) + 1)
            let later = try await store.accounts.login(username: "secadmin", address: "10.0.2.1") { $0 == "right-hash" }
            #expect(later == .signedIn(try #require(try await store.accounts.find(id: account.id))))
        }
    }

    @Test(arguments: TestDatabase.backends)
    func unknownNamesAreCheckedAgainstADecoyAndAudited(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            let dummyChecks = Mutex(0)
            let outcome = try await store.accounts.login(username: "nobody", address: "192.0.2.7") { hash in
                if hash == nil { dummyChecks.withLock { $0 += 1 } }
                return false
            }
            #expect(outcome == .refused(.unknownAccount))
            #expect(dummyChecks.withLock { $0 } == 1)
            let last = try #require(try await store.audit.recent(store.database.reader, limit: 1).first)
            #expect(last.entry == AuditEntry(actor: "nobody", action: "login.failed", entity: "account", entityID: "",
                                             detail: "reason=unknown_account; address=192.0.2.7"))
        }
    }

    @Test(arguments: TestDatabase.backends)
    func passwordHistoryKeepsTheLatestFiveChosenPasswords(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            let account = try await Self.account(store, "u")
            for i in 1...7 { try await store.accounts.setPassword(id: account.id, hash: "chosen-\(i)", mustChange: false, actor: "u") }
            // A reset's one-time password does not enter the history.
            try await store.accounts.setPassword(id: account.id, hash: "one-time", mustChange: true, actor: "sysadmin")
            #expect(try await store.accounts.recentPasswordHashes(id: account.id) == (3...7).reversed().map { "chosen-\($0)" })
        }
    }

    @Test(arguments: TestDatabase.backends)
    func aPasswordChangeEndsEveryOtherSession(_ backend: Backend) async throws {
        try await TestDatabase.withStore(backend) { (store: Store) async throws in
            let account = try await Self.account(store, "u")
            let (kept, _) = try await store.sessions.create(accountID: account.id)
            let (other, _) = try await store.sessions.create(accountID: account.id)
            try await store.accounts.setPassword(id: account.id, hash: "new", mustChange: false, actor: "u", keepingSession: kept)
            #expect(try await store.sessions.resume(token: kept) != nil)
            #expect(try await store.sessions.resume(token: other) == nil)
            try await store.accounts.setPassword(id: account.id, hash: "reset", mustChange: true, actor: "sysadmin")
            #expect(try await store.sessions.resume(token: kept) == nil)
        }
    }
}
