import Foundation
import Hummingbird
import Testing
import ZoneCore
@testable import ZoneStore
@testable import ZoneWeb

/// 等保 2.0 level 3 authentication through the login form: the lockout under parallel attempts, one
/// answer for every refusal, the per-address throttle, admin recovery, password rules and sessions.
@Suite("Authentication hardening")
struct AuthenticationTests {
    static func flash(_ page: TestBrowser.Page) -> String? {
        page.body.firstMatch(of: /<div class="flash error" role="alert">([^<]*)<\/div>/).map { String($0.1) }
    }

    /// Records of wrong passwords actually checked ("failures=N"), as opposed to refusals.
    static func wrongChecks(_ app: TestApp, accountID: Int64) async throws -> Int {
        try await app.store.audit.recent(app.store.database.reader, limit: 500)
            .filter { $0.entry.entityID == String(accountID) && $0.entry.detail.hasPrefix("failures=") }.count
    }

    /// 40 logins at once, 39 wrong and 1 right (standing for 40 addresses, so the throttle is wide):
    /// the lock is taken with the check, so no more than 4 wrong passwords are checked before the
    /// right one and 5 after it, and the account ends locked.
    @Test(arguments: TestApp.backends)
    func parallelLoginsCannotOutrunTheLockout(_ backend: Backend) async throws {
        let app = try await TestApp.make(backend, loginThrottle: LoginThrottle(capacity: 100))
        let account = try await app.account("secadmin")
        try await app.run { browser in
            _ = try await browser.get("/login")
            let pages = try await withThrowingTaskGroup(of: TestBrowser.Page.self) { group in
                for i in 0..<40 {
                    group.addTask {
                        try await browser.post("/login", [("username", "secadmin"), ("password", i == 20 ? TestApp.password : "Wrong!pass1")])
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(pages.filter { $0.status == .seeOther }.count <= 1)
            #expect(pages.allSatisfy { $0.status == .seeOther || ($0.status == .unauthorized && Self.flash($0) == SessionController.refusedMessage) })
            #expect(try await Self.wrongChecks(app, accountID: account.id) <= 2 * PasswordPolicy.maxFailures - 1)
            #expect(try await app.account("secadmin").lockedUntil > app.store.clock.epochSeconds)
        }
    }

    /// An unknown name, a wrong password and a locked account get the same status and message, and
    /// take about as long (each checks one bcrypt hash); the unknown name is audited too.
    @Test func unknownKnownAndLockedAccountsGetOneAnswer() async throws {
        let app = try await TestApp.make(hasherCost: 10, loginThrottle: LoginThrottle(capacity: 100))
        try await app.run { browser in
            for _ in 0..<PasswordPolicy.maxFailures { try await browser.login("leader", "Wrong!pass1") }
            var seconds: [String: [Double]] = [:]
            for _ in 0..<5 {
                for (name, password) in [("nobody", "Wrong!pass1"), ("hr", "Wrong!pass1"), ("leader", TestApp.password)] {
                    let start = ContinuousClock.now
                    let page = try await browser.login(name, password)
                    let elapsed = ContinuousClock.now - start
                    seconds[name, default: []].append(Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds))
                    #expect(page.status == .unauthorized, "\(name)")
                    #expect(Self.flash(page) == SessionController.refusedMessage, "\(name)")
                }
            }
            let medians = seconds.mapValues { $0.sorted()[2] }
            let slowest = medians.values.max()!
            // Without a check for unknown or locked names those answers come back ~50× sooner.
            #expect(medians.values.allSatisfy { $0 > slowest * 0.3 }, "\(medians)")
            let unknown = try await app.store.audit.recent(app.store.database.reader, limit: 50).filter { $0.entry.actor == "nobody" }
            #expect(unknown.count == 5 && unknown.allSatisfy { $0.entry.action == "login.failed" && $0.entry.detail.contains("unknown_account") })
        }
    }

    /// Ten failures from one address and it must wait, whatever account it tries; a success gives
    /// its token back, so an office behind one address is never throttled by signing in.
    @Test func oneAddressIsThrottledAfterTenFailures() async throws {
        let app = try await TestApp.make()
        try await app.run { browser in
            for _ in 0..<30 { #expect(try await browser.login("hr").status == .seeOther) }
            for i in 0..<10 { #expect(try await browser.login("user\(i)", "Wrong!pass1").status == .unauthorized) }
            let throttled = try await browser.login("hr")
            #expect(throttled.status == .tooManyRequests && throttled.headers[.retryAfter] == "60")
            #expect(Self.flash(throttled) == "此地址登录失败次数过多，请1分钟后再试。")
            #expect(try await browser.login("jigongwei").status == .tooManyRequests)
            let records = try await app.store.audit.recent(app.store.database.reader, limit: 50)
            #expect(records.filter { $0.entry.action == "login.throttled" }.count == 1)
            // The refused attempts were not checked: hr is not locked and has no failures.
            #expect(try await app.account("hr").failedAttempts == 0)
            app.clock.advance(60)
            #expect(try await browser.login("hr").status == .seeOther)
        }
    }

    /// 三员分立 recovery: the system admin unlocks the security admin, the security admin unlocks
    /// the system and audit admins; neither unlocks what is the other's to unlock. All audited.
    @Test func lockedAdminsAreUnlockedByTheOtherAdmin() async throws {
        let app = try await TestApp.make(loginThrottle: LoginThrottle(capacity: 100))
        let secadmin = try await app.account("secadmin"), sysadmin = try await app.account("sysadmin")
        let auditadmin = try await app.account("auditadmin"), hr = try await app.account("hr")
        try await app.run { browser in
            for name in ["secadmin", "auditadmin", "hr"] {
                for _ in 0..<PasswordPolicy.maxFailures { try await browser.login(name, "Wrong!pass1") }
            }
            try await browser.login("sysadmin")
            let accounts = try await browser.get("/admin/accounts")
            #expect(accounts.body.contains("/admin/accounts/\(secadmin.id)/unlock"))
            #expect(!accounts.body.contains("/admin/accounts/\(hr.id)/unlock"))
            let refused = try await browser.post("/admin/accounts/\(hr.id)/unlock")
            #expect(refused.status == .unprocessableContent && refused.body.contains("由安全管理员解锁"))
            #expect(try await app.account("hr").lockedUntil > 0)
            #expect(try await browser.post("/admin/accounts/\(secadmin.id)/unlock").status == .ok)
            _ = try await browser.post("/logout")

            #expect(try await browser.login("secadmin").status == .seeOther)
            #expect(try await browser.post("/admin/roles/\(auditadmin.id)/unlock").status == .ok)
            #expect(try await browser.post("/admin/roles/\(hr.id)/unlock").status == .ok)
            #expect(try await browser.post("/admin/roles/\(secadmin.id)/unlock").status == .unprocessableContent)
            #expect(try await browser.login("auditadmin").status == .seeOther)
            #expect(try await browser.login("hr").status == .seeOther)
            let unlocks = try await app.store.audit.recent(app.store.database.reader, limit: 100).filter { $0.entry.action == "account.unlock" }
            #expect(Set(unlocks.map { "\($0.entry.actor)→\($0.entry.entityID)" })
                == ["sysadmin→\(secadmin.id)", "secadmin→\(auditadmin.id)", "secadmin→\(hr.id)"])
            #expect(sysadmin.id != secadmin.id)
        }
    }

    /// A password change ends the account's other sessions, keeps the one that changed it.
    @Test func changingThePasswordEndsEveryOtherSession() async throws {
        let app = try await TestApp.make()
        try await app.run { browser in
            try await browser.login("hr")
            let other = TestBrowser(client: browser.client)
            try await other.login("hr")
            #expect(try await other.get("/people").status == .ok)
            let changed = try await browser.post("/password", [("current", TestApp.password), ("new", "Fresh!pass42"), ("confirm", "Fresh!pass42")])
            #expect(changed.location == "/?msg=password")
            #expect(try await browser.get("/people").status == .ok)
            #expect(try await other.get("/people").location?.hasPrefix("/login") == true)
        }
    }

    /// Common passwords are refused whatever their case; the last five chosen cannot be reused.
    @Test func commonAndRecentPasswordsAreRefused() async throws {
        let app = try await TestApp.make()
        try await app.run { browser in
            try await browser.login("hr")
            var current = TestApp.password
            func change(_ new: String) async throws -> TestBrowser.Page {
                let page = try await browser.post("/password", [("current", current), ("new", new), ("confirm", new)])
                if page.status == .seeOther { current = new }
                return page
            }
            for common in ["Password1", "P@ssw0rd", "Password123", "Woaini1314"] {
                let page = try await change(common)
                #expect(page.status == .unprocessableContent && page.body.contains("过于常见"), "\(common)")
            }
            let chosen = (1...4).map { "Fresh!pass\($0)x" }
            for password in chosen { #expect(try await change(password).status == .seeOther) }
            // The demo password and the four since are the last five: none may come back.
            for old in [TestApp.password] + chosen.dropLast() {
                let page = try await change(old)
                #expect(page.status == .unprocessableContent && page.body.contains("最近5次"), "\(old)")
            }
            #expect(try await change("Fresh!pass5x").status == .seeOther)
            // Six changes on, the demo password has left the history.
            #expect(try await change(TestApp.password).status == .seeOther)
        }
    }

    /// `next` after login: only a path on this server; every form a browser reads as another host
    /// (or a script) goes to the home page instead.
    @Test func loginRedirectsOnlyToLocalPaths() async throws {
        let app = try await TestApp.make()
        let offsite = ["//evil.example", "/\\evil.example", "\\\\evil.example", "/\t/evil.example", "/\n/evil.example", "/\r/evil.example",
                       "https:evil.example", "https://evil.example", "javascript:alert(1)", "/%2F%2Fevil.example", "/%5Cevil.example",
                       "/%09/evil.example", " /evil", "evil.example", "/\\/evil.example", "/people\\..\\evil", "/%zz"]
        let local = ["/", "/people", "/people?page=2&unit=3", "/people/12/history", "/units%2F3"]
        try await app.run { browser in
            for next in offsite + local {
                _ = try await browser.get("/login")
                let page = try await browser.post("/login", [("username", "hr"), ("password", TestApp.password), ("next", next)])
                #expect(page.status == .seeOther)
                #expect(page.location == (local.contains(next) ? next : "/"), "\(next.debugDescription) → \(page.location ?? "nil")")
            }
        }
    }
}

@Suite("Client address and login throttle")
struct LoginThrottleTests {
    @Test func forwardedForIsBelievedOnlyFromATrustedProxy() {
        let direct = ClientAddress()
        #expect(direct.resolve(peer: "203.0.113.5", forwardedFor: "198.51.100.1") == "203.0.113.5")
        #expect(direct.resolve(peer: nil, forwardedFor: "198.51.100.1") == "unknown")
        let proxied = ClientAddress(trustedProxies: ["127.0.0.1", "10.0.0.2"])
        // The client wrote the left entry; the proxies appended the rest.
        #expect(proxied.resolve(peer: "127.0.0.1", forwardedFor: "1.2.3.4, 198.51.100.1, 10.0.0.2") == "198.51.100.1")
        #expect(proxied.resolve(peer: "127.0.0.1", forwardedFor: "not-an-address") == "127.0.0.1")
        #expect(proxied.resolve(peer: "203.0.113.5", forwardedFor: "198.51.100.1") == "203.0.113.5")
        #expect(proxied.resolve(peer: "127.0.0.1", forwardedFor: nil) == "127.0.0.1")
    }

    @Test func ipv6AddressesAreThrottledPerSlash64() {
        #expect(ClientAddress.throttleKey("2001:db8:1:2:aaaa::1") == "2001:db8:1:2::/64")
        #expect(ClientAddress.throttleKey("2001:db8:1:2:bbbb:cccc:dddd:eeee") == "2001:db8:1:2::/64")
        #expect(ClientAddress.throttleKey("::ffff:192.0.2.9") == "192.0.2.9")
        #expect(ClientAddress.throttleKey("::1") == "0:0:0:0::/64")
        #expect(ClientAddress.throttleKey("198.51.100.7") == "198.51.100.7")
        #expect(ClientAddress.isIPAddress("fe80::1%eth0") && !ClientAddress.isIPAddress("1.2.3") && !ClientAddress.isIPAddress("1:2:3:4:5:6:7:8:9"))
    }

    @Test func aBucketRefillsOneAttemptAMinute() {
        let throttle = LoginThrottle(capacity: 3, refillSeconds: 60)
        for _ in 0..<3 { #expect(throttle.admit("a", now: 1000) == .allowed) }
        #expect(throttle.admit("a", now: 1000) == .refused(retryAfterSeconds: 60, first: true))
        #expect(throttle.admit("a", now: 1030) == .refused(retryAfterSeconds: 30, first: false))
        #expect(throttle.admit("b", now: 1030) == .allowed)
        #expect(throttle.admit("a", now: 1060) == .allowed)
        #expect(throttle.admit("a", now: 1060) == .refused(retryAfterSeconds: 60, first: true))
        throttle.refund("a")
        #expect(throttle.admit("a", now: 1060) == .allowed)
    }

    /// However many addresses try, the table stays within its bound.
    @Test func theTableIsBounded() {
        let throttle = LoginThrottle(capacity: 2, refillSeconds: 60, maxAddresses: 1_000)
        for i in 0..<50_000 { _ = throttle.admit("198.51.\(i / 256).\(i % 256)", now: 1000 + Int64(i / 1000)) }
        #expect(throttle.trackedAddresses <= 1_000)
    }
}
