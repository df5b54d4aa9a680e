import Testing
import ZoneCore
@testable import ZoneStore
@testable import ZoneWeb

/// The in-memory tokens behind jobs, held sheets and problem lists: whose they are, where, for how long, how often.
@Suite("Scoped tokens")
struct ScopedTokensTests {
    static func principal(_ account: Account) -> Principal {
        Principal(account: account, session: Session(accountID: account.id, csrfToken: ""), token: "", scope: .zone,
                  zone: account.zoneID.map { ZoneScope(id: $0, name: "") })
    }

    @Test func tokensAreTheirOwnersInTheirSlotOnceAndUntilTheyExpire() async throws {
        let app = try await TestApp.make()
        let hr = Self.principal(try await app.account("hr")), leader = Self.principal(try await app.account("leader"))
        try await app.store.close()

        let held = ScopedTokens<Int>(lifetime: .seconds(60))
        let first = held.hold(1, for: hr, slot: "/people/import")
        let other = held.hold(2, for: hr, slot: "/posts/import")
        #expect(held.read(first, for: hr, slot: "/people/import") == 1)
        #expect(held.read(first, for: leader, slot: "/people/import") == nil)
        #expect(held.read(first, for: hr, slot: "/posts/import") == nil)
        #expect(held.take(first, for: leader, slot: "/people/import") == nil)
        // A new value in the same slot replaces the owner's previous one; other slots keep theirs.
        let second = held.hold(3, for: hr, slot: "/people/import")
        #expect(held.read(first, for: hr, slot: "/people/import") == nil)
        #expect(held.read(other, for: hr, slot: "/posts/import") == 2)
        #expect(held.take(second, for: hr, slot: "/people/import") == 3)
        #expect(held.take(second, for: hr, slot: "/people/import") == nil)

        let brief = ScopedTokens<Int>(lifetime: .milliseconds(20))
        let token = brief.hold(4, for: hr)
        #expect(brief.read(token, for: hr) == 4)
        try await Task.sleep(for: .milliseconds(40))
        #expect(brief.read(token, for: hr) == nil)
    }
}
