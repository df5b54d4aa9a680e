import Testing
@testable import ZoneCore

@Suite("Zone registration")
struct ZoneRegistrationTests {
    @Test func aGoodZoneGetsItsThreeAdmins() throws {
        let zone = try ZoneRegistration.check(code: " chengdu-xingu ", name: "成都芯谷", policyCode: "chengdu-xingu").get()
        #expect(zone.code == "chengdu-xingu" && zone.name == "成都芯谷")
        #expect(zone.admins.map(\.username) == ["chengdu_xingu_sysadmin", "chengdu_xingu_secadmin", "chengdu_xingu_auditadmin"])
        #expect(zone.admins.map(\.role) == [.systemAdmin, .securityAdmin, .auditAdmin])
        // The longest code still leaves a valid user name (3–32 letters, digits, underscores).
        let longest = try ZoneRegistration.check(code: String(repeating: "a", count: ZoneRegistration.maxCode), name: "某园区",
                                                 policyCode: String(repeating: "a", count: ZoneRegistration.maxCode)).get()
        #expect(longest.admins.allSatisfy { $0.username.count <= 32 })
    }

    @Test(arguments: ["", "a", "Yizheng", "1zone", "yi_zheng", "yi--zheng", "yizheng-", "仪征", String(repeating: "a", count: 21)])
    func badCodesAreRefused(_ code: String) {
        guard case .failure(let refusal) = ZoneRegistration.check(code: code, name: "仪征经济开发区", policyCode: code) else {
            Issue.record("accepted \(code)"); return
        }
        #expect(refusal.message.hasPrefix("园区代码须为") && refusal.english.hasPrefix("a zone code is"))
    }

    @Test(arguments: ["", "仪", String(repeating: "园", count: 61), "仪征\u{7}园区"])
    func badNamesAreRefused(_ name: String) {
        guard case .failure(let refusal) = ZoneRegistration.check(code: "yizheng", name: name, policyCode: "yizheng") else {
            Issue.record("accepted \(name)"); return
        }
        #expect(refusal.message.hasPrefix("园区名称须为"))
    }

    @Test func anotherZonesPolicyIsRefused() {
        guard case .failure(let refusal) = ZoneRegistration.check(code: "yizheng", name: "仪征经济开发区", policyCode: "xinyu") else {
            Issue.record("accepted xinyu's policy"); return
        }
        #expect(refusal.message == "政策文件属于园区 xinyu，不是 yizheng（政策文件的 code 须与园区代码一致）")
    }
}
