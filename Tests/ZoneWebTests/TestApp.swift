import Foundation
import Hummingbird
import HummingbirdTesting
import SQLKit
import Synchronization
import Testing
import ZoneCore
import ZoneTestSupport
@testable import ZoneStore
@testable import ZoneWeb

/// A demo zone in a temporary SQLite file (or, for `.postgres`, a scratch database on `ZONEDESK_PG_URL`), with
/// every demo account given a known password.
struct TestApp: Sendable {
    static let password = "Zone!desk9"
    let env: AppEnvironment
    let clock: ManualClock
    let specs: [RouteSpec]
    let directory: URL
    /// The scratch PostgreSQL database, dropped after `run`.
    let postgresDatabase: String?

    /// SQLite, and PostgreSQL too when `ZONEDESK_PG_URL` is set (always in CI, which sets `ZONEDESK_REQUIRE_PG=1`).
    static var backends: [Backend] {
        let env = ProcessInfo.processInfo.environment
        return env["ZONEDESK_PG_URL"] != nil || env["ZONEDESK_REQUIRE_PG"] == "1" ? [.sqlite, .postgres] : [.sqlite]
    }

    /// `hasherCost` is bcrypt's (4 keeps hundreds of logins fast; timing checks need a real cost);
    /// `loginThrottle` replaces the per-address throttle, e.g. to stand for many addresses at once.
    static func make(_ backend: Backend = .sqlite, payRunJobThreshold: Int = 20_000, importJobThreshold: Int = 5_000,
                     hasherCost: UInt8 = 4, loginThrottle: LoginThrottle = LoginThrottle()) async throws -> TestApp {
        let clock = ManualClock()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zd-web-\(UUID().uuidString)")
        var location = DatabaseLocation(directory.appendingPathComponent("t.sqlite").path), postgresDatabase: String?
        if backend == .postgres {
            let base = try #require(ProcessInfo.processInfo.environment["ZONEDESK_PG_URL"], "ZONEDESK_REQUIRE_PG=1 but ZONEDESK_PG_URL is unset")
            let name = "zd_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
            try await admin(base, "CREATE DATABASE \(name)")
            location = DatabaseLocation(String(base[...base.lastIndex(of: "/")!]) + name,
                                        auditKey: directory.appendingPathComponent("audit.key").path)
            postgresDatabase = String(name)
        }
        let store = try await Store.open(location, clock: clock.clock)
        let env = AppEnvironment(store: store, hasher: PasswordHasher(cost: hasherCost), payRunJobThreshold: payRunJobThreshold,
                                 importJobThreshold: importJobThreshold, loginThrottle: loginThrottle)
        _ = try await DemoLoader(env: env).load()
        for account in try await store.accounts.all() {
            try await store.accounts.setPassword(id: account.id, hash: env.hasher.hash(password), mustChange: false, actor: "test")
        }
        return TestApp(env: env, clock: clock, specs: buildRouter(env).specs, directory: directory, postgresDatabase: postgresDatabase)
    }

    /// The app on a database set up elsewhere (e.g. by `zonedesk zone create` in `directory`): no demo, the accounts' own passwords.
    static func existing(_ location: DatabaseLocation, directory: URL) async throws -> TestApp {
        let clock = ManualClock()
        let store = try await Store.open(location, clock: clock.clock)
        let env = AppEnvironment(store: store, hasher: PasswordHasher(cost: 4))
        return TestApp(env: env, clock: clock, specs: buildRouter(env).specs, directory: directory, postgresDatabase: nil)
    }

    var store: Store { env.store }

    func account(_ username: String) async throws -> Account { try await store.accounts.find(username: username)! }

    /// A further account with the test password, e.g. a second 组织人事 clerk or one in another zone.
    func addAccount(_ username: String, role: Role, zoneID: Int64) async throws {
        let account = try await store.accounts.create(NewAccount(username: username, displayName: username, passwordHash: env.hasher.hash(Self.password),
                                                                 role: role, zoneID: zoneID, mustChangePassword: false), actor: "test")
        #expect(account.username == username)
    }

    /// Loads a new version of the demo zone's (毕节) policy that also lists 双向选择 among
    /// `staffing.methods`: 毕节's seed names only 竞聘上岗, 公开招聘 and 一事一议, so a test of a
    /// 双向选择 round in the demo zone takes a zone that adopted it. Rounds created afterwards use it.
    func allowMutualSelection() async throws {
        let zone = try await account("hr").zoneID!
        let shipped = try PolicyFiles.text(code: DemoZone.zoneCode), methods = "methods: [competitive, open_recruitment, direct]"
        #expect(shipped.contains(methods))
        let yaml = shipped.replacingOccurrences(of: methods, with: "methods: [competitive, open_recruitment, direct, mutual_selection]")
        try await store.policies.load(zoneID: zone, yaml: yaml, source: "bijie-mutual-selection.yaml", actor: "test")
    }

    /// Runs `body` against the router (no socket), then removes the database.
    func run(_ body: @escaping @Sendable (TestBrowser) async throws -> Void) async throws {
        let app = Application(router: buildRouter(env).router)
        do {
            try await app.test(.router) { client in try await body(TestBrowser(client: client)) }
        } catch {
            try? await store.close()
            try? await removeDatabase()
            throw error
        }
        try await store.close()
        try await removeDatabase()
    }

    private func removeDatabase() async throws {
        try? FileManager.default.removeItem(at: directory)
        if let postgresDatabase, let base = ProcessInfo.processInfo.environment["ZONEDESK_PG_URL"] {
            try await Self.admin(base, "DROP DATABASE IF EXISTS \(postgresDatabase) WITH (FORCE)")
        }
    }

    /// Runs one statement on the server's base database (CREATE/DROP DATABASE cannot run in a transaction).
    static func admin(_ url: String, _ statement: String) async throws {
        let db = try await ZoneDatabase.open(DatabaseLocation(url))
        do { try await db.reader.raw(SQLQueryString(statement)).run() } catch {
            try? await db.close()
            throw error
        }
        try await db.close()
    }
}

/// Keeps cookies like a browser and knows the session's CSRF token after login.
final class TestBrowser: Sendable {
    let client: any TestClientProtocol
    private let state = Mutex<(cookies: [String: String], csrf: String)>(([:], ""))

    init(client: any TestClientProtocol) { self.client = client }

    var csrf: String { state.withLock { $0.csrf } }

    /// The `Cookie` header this browser sends, for a request made with another client.
    var cookieHeader: String { state.withLock { $0.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") } }

    struct Page {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let body: String
        let bytes: [UInt8]
        var location: String? { headers[.location] }
    }

    func request(_ method: HTTPRequest.Method, _ uri: String, form: [(String, String)]? = nil, json: String? = nil,
                 raw: (contentType: String, bytes: [UInt8])? = nil, headers extra: HTTPFields = [:]) async throws -> Page {
        var headers = extra
        let cookie = state.withLock { $0.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        if !cookie.isEmpty { headers[.cookie] = cookie }
        var body: ByteBuffer?
        if let form {
            headers[.contentType] = "application/x-www-form-urlencoded"
            body = ByteBuffer(string: FormFields.encode(form))
        } else if let json {
            headers[.contentType] = "application/json"
            body = ByteBuffer(string: json)
        } else if let raw {
            headers[.contentType] = raw.contentType
            body = ByteBuffer(bytes: raw.bytes)
        }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        for value in response.headers[values: .setCookie] {
            let pair = value.split(separator: ";")[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(pair[0]), content = pair.count > 1 ? String(pair[1]) : ""
            state.withLock { $0.cookies[name] = content.isEmpty ? nil : content }
        }
        return Page(status: response.status, headers: response.headers, body: String(buffer: response.body),
                    bytes: Array(response.body.readableBytesView))
    }

    func get(_ uri: String) async throws -> Page { try await request(.get, uri) }

    /// Posts a form with the session's CSRF token (or the pre-login one) added.
    func post(_ uri: String, _ fields: [(String, String)] = [], csrf: Bool = true) async throws -> Page {
        let token = csrf ? (self.csrf.isEmpty ? state.withLock { $0.cookies["zd_csrf"] ?? "" } : self.csrf) : ""
        return try await request(.post, uri, form: fields + (csrf ? [("_csrf", token)] : []))
    }

    /// Posts a `multipart/form-data` form, as a browser sends a form with a file field, the CSRF token first
    /// (where our forms put it, and where the server looks for it before reading the rest).
    func upload(_ uri: String, _ fields: [(String, String)] = [], file: (name: String, filename: String, bytes: [UInt8])?) async throws -> Page {
        let boundary = "----ZoneDeskTest\(UUID().uuidString)"
        var body: [UInt8] = []
        for (name, value) in [("_csrf", csrf)] + fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        if let file {
            body += Array(("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.filename)\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").utf8)
            body += file.bytes + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        return try await request(.post, uri, raw: ("multipart/form-data; boundary=\(boundary)", body))
    }

    /// Reloads a background job's page, as its `Refresh` header makes a browser do, until it moves on; returns where to.
    func followJob(_ path: String) async throws -> String {
        var page = try await get(path)
        for _ in 0..<400 where page.status == .ok {
            #expect(page.headers[.init("Refresh")!] == "1" && page.body.contains("<progress"))
            try await Task.sleep(for: .milliseconds(25))
            page = try await get(path)
        }
        #expect(page.status == .seeOther, "\(path) → \(page.status) \(page.body.prefix(300))")
        return try #require(page.location)
    }

    @discardableResult
    func login(_ username: String, _ password: String = TestApp.password, code: String? = nil) async throws -> Page {
        _ = try await get("/login")
        state.withLock { $0.csrf = "" }
        let page = try await post("/login", [("username", username), ("password", password)] + (code.map { [("code", $0)] } ?? []))
        if page.status == .seeOther {
            let session = try await get("/api/v1/session")
            if let token = session.body.firstMatch(of: /"csrfToken":"([0-9a-f]+)"/)?.1 {
                state.withLock { $0.csrf = String(token) }
            }
        }
        return page
    }
}
