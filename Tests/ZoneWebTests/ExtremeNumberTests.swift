import Foundation
import Hummingbird
import Testing
import ZoneCore
@testable import ZoneStore
@testable import ZoneWeb

/// One request must never end the process: every number a request carries is bounded before arithmetic.
/// A trap here kills the whole test run, which is how these tests fail on a server that traps.
@Suite("Extreme numbers in requests")
struct ExtremeNumberTests {
    /// ±2^63 and just past it, 10^30, NaN, an exponent past Double, "-0", 400 digits, hex and full-width digits.
    static let extremes = ["9223372036854775807", "-9223372036854775808", "9223372036854775808", "1" + String(repeating: "0", count: 30),
                           "NaN", "1e400", "-0", String(repeating: "9", count: 400), "92233720368547759", "-1", "0x10", "１２"]

    /// Query parameters the pages and the API read as numbers.
    static let queryFields = ["page", "pageSize", "year", "unit", "person", "id"]

    /// Form fields read as numbers anywhere, plus every numeric ledger column.
    static var formFields: [String] {
        let ledger = LedgerKind.allCases.flatMap(\.fields).filter {
            switch $0.kind {
            case .count, .money, .area, .percent: true
            default: false
            }
        }.map(\.key)
        return Array(Set(["personID", "unitID", "postID", "appraisalID", "indicatorID", "groupKey", "parentID", "capacity", "examWeight",
                          "weight", "cap", "target", "perItem", "max", "steps", "amount", "basis", "zoneScore", "average", "baseTotal",
                          "coefficient", "quota", "extra", "version", "index", "year", "headcount", "level", "termYears", "payCoefficient",
                          "choice1", "choice2", "choice3", "people"] + ledger)).sorted()
    }

    /// Other fields set to valid choices, so the numbers are read rather than the form refused for a missing choice.
    static let contextFields = [("name", "极值测试"), ("ruleKind", "linear"), ("cycle", "annual"), ("poolKind", "fund"), ("method", "competitive"),
                                ("category", "行政编制"), ("class", "e:行政编制"), ("period", "2025-12"), ("reason", "测试"), ("approval", "测试")]

    /// The demo account for each role, to reach every route as someone allowed to use it.
    static let accounts: [(Role, String)] = [(.hr, "hr"), (.leader, "leader"), (.employee, "staff"), (.auditAdmin, "auditadmin"),
                                             (.systemAdmin, "sysadmin"), (.securityAdmin, "secadmin"), (.province, "province"),
                                             (.discipline, "jigongwei"), (.departmentHead, "chanye_head")]

    @Test(arguments: TestApp.backends)
    func theReportedRequestsAreRefusedWithAMessage(_ backend: Backend) async throws {
        let app = try await TestApp.make(backend)
        try await app.run { client in
            let staff = TestBrowser(client: client.client)
            try await staff.login("staff")
            let people = try await staff.get("/people?page=9223372036854775807")
            #expect(people.status == .badRequest && people.body.contains("页码应为 1–1000000 的整数"))
            let api = try await staff.get("/api/v1/people?page=9223372036854775807")
            #expect(api.status == .badRequest && api.body.contains("页码"))
            let hr = TestBrowser(client: client.client)
            try await hr.login("hr")
            let disclosure = try await hr.get("/reports/disclosure?year=-9223372036854775808")
            #expect(disclosure.status == .badRequest && disclosure.body.contains("年度应为 1900–2200 的整数"))
            #expect(try await hr.get("/reports/disclosure?year=2025").status == .ok)
            let audit = TestBrowser(client: client.client)
            try await audit.login("auditadmin")
            #expect(try await audit.get("/audit?page=9223372036854775807").status == .badRequest)
            #expect(try await audit.get("/audit?page=2").status == .ok)
            #expect(try await staff.get("/people?page=2").status == .ok)
        }
    }

    /// Every route `zonedesk routes` lists, as an account allowed to use it: each `:param` and each numeric
    /// query or form field set to each extreme value. Every answer is below 500, and the app still answers.
    @Test(arguments: TestApp.backends)
    func everyRouteSurvivesExtremeNumbers(_ backend: Backend) async throws {
        let app = try await TestApp.make(backend)
        // Account administration last: resetting account 1 (hr) would send hr's later requests to /password.
        let specs = app.specs.filter { $0.path != "/logout" }.sorted { !$0.path.hasPrefix("/admin/") && $1.path.hasPrefix("/admin/") }
        #expect(specs.count >= 100)
        let formFields = Self.formFields
        try await app.run { client in
            var browsers: [Role: TestBrowser] = [:]
            for (role, username) in Self.accounts {
                let browser = TestBrowser(client: client.client)
                #expect(try await browser.login(username).status == .seeOther, "\(username) signs in")
                browsers[role] = browser
            }
            var failures: [String] = [], requests = 0
            for spec in specs {
                let role = Self.accounts.first { $0.0.can(spec.permission) || spec.permission == .signedIn }!.0
                let browser = browsers[role]!
                for value in Self.extremes {
                    let encoded = value.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                    // Once with every path parameter extreme, once with real-looking ids so the handler reads the fields.
                    for path in [Self.fill(spec.path, with: encoded), Self.fill(spec.path, with: "1")] {
                        let query = Self.queryFields.map { "\($0)=\(encoded)" }.joined(separator: "&")
                        let page: TestBrowser.Page
                        switch spec.method {
                        case .get:
                            page = try await browser.get(path + "?" + query)
                        case .put:
                            page = try await browser.request(.put, path, json: "{\"unitID\":\(value.allSatisfy(\.isNumber) ? value : "\"" + value + "\"")}",
                                                             headers: [.init("X-CSRF-Token")!: browser.csrf])
                        default:
                            page = try await browser.post(path + "?" + query, formFields.map { ($0, value) } + Self.contextFields)
                        }
                        requests += 1
                        if page.status.code >= 500 { failures.append("\(spec.method) \(path) [\(value.prefix(24))] → \(page.status.code)") }
                    }
                }
                let health = try await browser.get("/healthz")
                if health.status != .ok { failures.append("no answer after \(spec.method) \(spec.path)") }
                // Until the admin routes, the walk must still be signed in: otherwise it was testing the login redirect.
                if !spec.path.hasPrefix("/admin/"), try await browsers[.hr]!.get("/people").status != .ok {
                    failures.append("hr no longer signed in after \(spec.method) \(spec.path)")
                }
            }
            #expect(failures.isEmpty, "\(failures.count) of \(requests) requests failed: \(failures.prefix(20).joined(separator: "; "))")
        }
    }

    /// `:kind` takes a real ledger kind (else every ledger route is a 404 before any field is read); the rest the value.
    static func fill(_ path: String, with value: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { part in
            part == ":kind" ? LedgerKind.debts.rawValue : part.hasPrefix(":") ? value : String(part)
        }.joined(separator: "/")
    }
}
