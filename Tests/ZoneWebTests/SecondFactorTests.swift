import Foundation
import Hummingbird
import Testing
import ZoneCore
@testable import ZoneStore
@testable import ZoneWeb

@Suite("TOTP second factor for the three admins")
struct SecondFactorTests {
    /// RFC 6238 appendix B (SHA-1, 8 digits) and the base32 of RFC 4648.
    @Test func codesMatchTheRFCVectors() {
        let key = Array("12345678901234567890".utf8)
        let vectors: [(Int64, String)] = [(59, "94287082"), (1_111_111_109, "07081804"), (1_111_111_111, "14050471"),
                                          (1_234_567_890, "89005924"), (2_000_000_000, "69279037"), (20_000_000_000, "65353130")]
        for (time, code) in vectors { #expect(TOTP.code(key: key, step: time / 30, digits: 8) == code) }
        #expect(TOTP.base32Encode(Array("foobar".utf8)) == "MZXW6YTBOI")
        #expect(TOTP.base32Decode("mzxw 6ytb oi======") == Array("foobar".utf8))
        #expect(TOTP.base32Decode("MZXW1") == nil)
        let secret = TOTP.randomSecret()
        #expect(secret.count == 32 && TOTP.base32Decode(secret)?.count == 20)
    }

    static func code(_ secret: String, _ app: TestApp, stepOffset: Int64 = 0) -> String {
        TOTP.code(key: TOTP.base32Decode(secret)!, step: app.store.clock.epochSeconds / TOTP.stepSeconds + stepOffset)
    }

    /// Enrolled, the security admin needs password and a fresh code; a code works once; wrong
    /// codes count towards the lockout like wrong passwords; no code gets the one refusal answer.
    @Test func anEnrolledAdminNeedsAFreshCode() async throws {
        let app = try await TestApp.make()
        try await app.run { browser in
            try await browser.login("secadmin")
            let page = try await browser.get("/totp")
            let secret = try #require(page.body.firstMatch(of: /name="secret" value="([A-Z2-7]+)"/).map { String($0.1) })
            let wrongPassword = try await browser.post("/totp", [("secret", secret), ("password", "Wrong!pass1"), ("code", Self.code(secret, app))])
            #expect(wrongPassword.status == .unprocessableContent)
            #expect(try await !app.account("secadmin").hasTOTP)
            let enrolling = Self.code(secret, app)
            let enrolled = try await browser.post("/totp", [("secret", secret), ("password", TestApp.password), ("code", enrolling)])
            #expect(enrolled.location == "/totp?msg=on")
            #expect(try await app.account("secadmin").hasTOTP)
            _ = try await browser.post("/logout")

            let noCode = try await browser.login("secadmin")
            #expect(noCode.status == .unauthorized && AuthenticationTests.flash(noCode) == SessionController.refusedMessage)
            // The code that confirmed the enrolment is spent.
            #expect(try await browser.login("secadmin", code: enrolling).status == .unauthorized)
            app.clock.advance(Double(TOTP.stepSeconds))
            let code = Self.code(secret, app)
            #expect(try await browser.login("secadmin", code: code).status == .seeOther)
            #expect(try await browser.login("secadmin", code: code).status == .unauthorized)  // replayed
            #expect(try await browser.login("secadmin", code: Self.code(secret, app, stepOffset: 1)).status == .seeOther)  // drift
            // hr has no second factor: the code field is ignored.
            #expect(try await browser.login("hr", code: "123456").status == .seeOther)
            app.clock.advance(Double(TOTP.stepSeconds) * 3)
            for _ in 1..<PasswordPolicy.maxFailures {
                #expect(try await browser.login("secadmin", code: "000000").status == .unauthorized)
            }
            #expect(try await browser.login("secadmin", code: "999999").status == .unauthorized)
            #expect(try await app.account("secadmin").lockedUntil > app.store.clock.epochSeconds)
            let actions = try await app.store.audit.recent(app.store.database.reader, limit: 100).map(\.entry.action)
            #expect(actions.contains("totp.enrol") && actions.contains("login.locked"))
        }
    }

    @Test func removingTheSecondFactorNeedsACurrentCode() async throws {
        let app = try await TestApp.make()
        let sysadmin = try await app.account("sysadmin")
        let secret = TOTP.randomSecret()
        try await app.store.accounts.setTOTP(id: sysadmin.id, secret: secret, actor: "test")
        try await app.run { browser in
            #expect(try await browser.login("sysadmin", code: Self.code(secret, app)).status == .seeOther)
            #expect(try await browser.get("/totp").body.contains("已启用"))
            #expect(try await browser.post("/totp/remove", [("code", "000000")]).status == .unprocessableContent)
            #expect(try await app.account("sysadmin").hasTOTP)
            #expect(try await browser.post("/totp/remove", [("code", Self.code(secret, app))]).location == "/totp?msg=off")
            #expect(try await !app.account("sysadmin").hasTOTP)
            // hr's role has no second factor to manage.
            try await browser.login("hr")
            #expect(try await browser.get("/totp").status == .forbidden)
        }
    }
}
