import Foundation
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing
import ZoneCore
@testable import ZoneStore
@testable import ZoneWeb

/// Availability and output encoding through the routes users take: numbers past their bounds in forms and
/// imports get a message and write nothing; uploads are refused before their body is read unless signed in
/// with the session's token, and only a few are read at once; reflected text is escaped; API answers are not cached.
@Suite("Bounded input, uploads and encoding on the web")
struct BoundedInputWebTests {
    static let huge = "92233720368547759"

    @Test(arguments: TestApp.backends)
    func formNumbersPastTheirBoundsAreRefused(_ backend: Backend) async throws {
        let app = try await TestApp.make(backend)
        let zone = try await app.account("hr").zoneID!
        let person = try await app.store.people.search(PeopleQuery(zoneID: zone)).people[0].id
        let appraisal = try await app.store.appraisals.all(zoneID: zone).first { $0.year == 2025 }!
        let debt = try #require(try await app.store.ledgers.all(zoneID: zone, kind: .debts).first)
        try await app.run { browser in
            try await browser.login("hr")
            let rewards = try await app.store.payRuns.rewards(zoneID: zone).count
            let reward = try await browser.post("/pay-rewards", [("period", "2025-12"), ("personID", "\(person)"), ("amount", Self.huge),
                                                                 ("reason", "测试"), ("approval", "测试")])
            #expect(reward.status == .unprocessableContent && reward.body.contains("不超过 1,000,000"))
            #expect(try await app.store.payRuns.rewards(zoneID: zone).count == rewards)

            let run = try await browser.post("/pay-runs", [("period", "2025"), ("appraisalID", "\(appraisal.id)"), ("poolKind", "fund"),
                                                           ("basis", "3000000.00"), ("zoneScore", Self.huge)])
            #expect(run.status == .unprocessableContent && run.body.contains("园区目标考核得分（0–100）"))

            let indicators = try await app.store.appraisals.indicators(appraisalID: appraisal.id).count
            for (kind, field) in [("bonus", "perItem"), ("linear", "cap"), ("linear", "target")] {
                var form = [("name", "极值"), ("level", "zone"), ("cycle", "annual"), ("weight", "0"), ("ruleKind", kind),
                            ("perItem", "1"), ("max", "5"), ("target", "100"), ("cap", "120")]
                form = form.map { $0.0 == field ? (field, Self.huge) : $0 }
                let page = try await browser.post("/appraisals/\(appraisal.id)/indicators", form)
                #expect(page.status == .unprocessableContent, "\(kind) \(field) → \(page.status)")
            }
            #expect(try await app.store.appraisals.indicators(appraisalID: appraisal.id).count == indicators)
            let year = try await browser.post("/appraisals", [("year", "9223372036854775807")])
            #expect(year.status == .unprocessableContent && year.body.contains("考核年度应为 1900–2200 的整数"))

            // A version past Int.max used to be incremented before the database was asked.
            let fields = LedgerKind.debts.fields.filter { $0.kind != .unit }.map { field in
                (field.key, field.kind == .money ? FixedPoint.format(Int(debt.record[field.key])!, places: 2) : debt.record[field.key])
            }
            let stale = try await browser.post("/ledgers/debts/\(debt.id)", fields + [("version", "9223372036854775807")])
            #expect(stale.status == .conflict)
            #expect(try await app.store.ledgers.all(zoneID: zone, kind: .debts).first { $0.id == debt.id }?.version == debt.version)
            #expect(try await browser.get("/healthz").status == .ok)
        }
    }

    @Test(arguments: TestApp.backends)
    func importCellsPastTheirBoundsAreRowErrors(_ backend: Backend) async throws {
        let app = try await TestApp.make(backend)
        let zone = try await app.account("hr").zoneID!
        let appraisal = try await app.store.appraisals.all(zoneID: zone).first { $0.year == 2025 }!
        let weighted = try #require(try await app.store.appraisals.indicators(appraisalID: appraisal.id).first { $0.rule.isWeighted })
        try await app.run { browser in
            try await browser.login("hr")
            let debts = try await app.store.ledgers.all(zoneID: zone, kind: .debts).count
            let ledger = "债务,债权人,本金（元）,已化解（元）\n城投借款,某银行,\(Self.huge),1\n"
            let refused = try await browser.upload("/ledgers/debts/import", [("mode", "preview")], file: ("file", "债务.csv", Array(ledger.utf8)))
            #expect(refused.status == .unprocessableContent && refused.body.contains("应为不超过1000亿的金额"), "\(refused.body.prefix(300))")
            #expect(try await app.store.ledgers.all(zoneID: zone, kind: .debts).count == debts)

            let actuals = ActualsImport.columns.joined(separator: ",") + "\n\(weighted.id),\(weighted.name),\(Self.huge)\n"
            let kpi = try await browser.upload("/appraisals/\(appraisal.id)/actuals/import", [("mode", "preview")],
                                               file: ("file", "实际值.csv", Array(actuals.utf8)))
            #expect(kpi.status == .unprocessableContent && kpi.body.contains("不超过 100 亿"))

            let posts = try await app.store.posts.all(zoneID: zone).count
            let sheet = PostImport.columns.joined(separator: ",") + "\n产业发展局,极值岗,2,综合,\(Self.huge),1,3,,,,\n"
            let post = try await browser.upload("/posts/import", [("mode", "preview")], file: ("file", "岗位.csv", Array(sheet.utf8)))
            #expect(post.status == .unprocessableContent && post.body.contains("薪酬系数须在0.1–5.0之间"))
            #expect(try await app.store.posts.all(zoneID: zone).count == posts)
        }
    }

    /// `"` + U+0301 is one grapheme; it used to pass the escaper and end the attribute it was echoed into.
    @Test func reflectedTextWithACombiningMarkIsEscaped() async throws {
        let app = try await TestApp.make()
        let raw = Array("\"\u{301}".utf8)
        try await app.run { browser in
            let login = try await browser.get("/login?next=" + "/\"\u{301} autofocus onfocus=alert(1) x=".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            #expect(login.status == .ok && login.bytes.firstIndex(of: raw, from: 0) == nil)
            try await browser.login("hr")
            let people = try await browser.get("/people?q=" + "\"\u{301} onfocus=alert(1) x=".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            #expect(people.status == .ok && people.bytes.firstIndex(of: raw, from: 0) == nil)
            #expect(people.bytes.firstIndex(of: Array("&quot;\u{301}".utf8), from: 0) != nil)
            // Stored: ledger text shown in the list and echoed back into the edit form's value="…".
            let item = "剥离事项\"\u{301} onmouseover=alert(1) x="
            let saved = try await browser.post("/ledgers/stripping", [("item", item), ("mode", StrippingMode.full.rawValue)])
            #expect(saved.status == .seeOther)
            let list = try await browser.get("/ledgers/stripping")
            #expect(list.status == .ok && list.bytes.firstIndex(of: raw, from: 0) == nil)
            #expect(list.bytes.firstIndex(of: Array("剥离事项&quot;\u{301}".utf8), from: 0) != nil)
        }
    }

    @Test func apiAnswersWithPersonalDataAreNotCached() async throws {
        let app = try await TestApp.make()
        try await app.run { browser in
            try await browser.login("hr")
            let list = try await browser.get("/api/v1/people")
            #expect(list.status == .ok && list.headers[.cacheControl] == "no-store")
            let id = try #require(list.body.firstMatch(of: /"id":(\d+)/)?.1)
            let one = try await browser.get("/api/v1/people/\(id)?reveal=true")
            #expect(one.status == .ok && one.headers[.cacheControl] == "no-store")
            #expect(try await browser.get("/api/v1/session").headers[.cacheControl] == "no-store")
        }
    }

    /// More uploads than slots at once: the extra one is answered 503 in Chinese, without being read.
    @Test func uploadsBeyondTheFreeSlotsAreRefusedWith503() async throws {
        let app = try await TestApp.make()
        let csv = Array("姓名\n".utf8)
        try await app.run { browser in
            try await browser.login("hr")
            for _ in 0..<app.env.uploads.limit { #expect(app.env.uploads.tryAcquire()) }
            let busy = try await browser.upload("/people/import", [("mode", "preview")], file: ("file", "人员.csv", csv))
            #expect(busy.status == .serviceUnavailable && busy.body.contains("系统正在处理其他上传的文件"))
            app.env.uploads.release()
            let served = try await browser.upload("/people/import", [("mode", "preview")], file: ("file", "人员.csv", csv))
            #expect(served.status == .unprocessableContent)
            // The slot that request took was given back.
            #expect(app.env.uploads.tryAcquire() && !app.env.uploads.tryAcquire())
        }
    }

    @Test func aZipBombUploadGetsAMessage() async throws {
        let app = try await TestApp.make()
        let row = #"<row><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>"#
        let bomb = try XLSXReaderTests.workbook(sheet: "<worksheet><sheetData>" + String(repeating: row, count: 400_000) + "</sheetData></worksheet>")
        try await app.run { browser in
            try await browser.login("hr")
            let page = try await browser.upload("/people/import", [("mode", "preview")], file: ("file", "人员.xlsx", Array(bomb)))
            #expect(page.status == .unprocessableContent && page.body.contains("压缩比异常"))
        }
    }

    /// Anonymous and token-less uploads are refused without reaching the handler. Their bodies are read to the end
    /// and dropped chunk by chunk (the drill `bad_input` shows the server's memory does not grow), so the client,
    /// which sends everything before reading the answer, gets the answer.
    @Test func refusedUploadsNeverReachTheHandler() async throws {
        let app = try await TestApp.make()
        let meter = BodyMeter()
        let file = [UInt8](repeating: 0x41, count: 4 << 20)
        try await app.run { browser in
            try await browser.login("hr")
            // The real session and CSRF middleware behind the meter, and a stand-in for the import handler.
            let router = Router(context: AppContext.self)
            router.add(middleware: meter)
            router.add(middleware: SessionMiddleware(store: app.store))
            router.add(middleware: CSRFMiddleware(uploads: app.env.uploads))
            router.post("/people/import") { _, context in "read \(context.uploads["file"]?.bytes.count ?? 0) bytes" }
            try await Application(router: router).test(.router) { client in
                func send(cookie: Bool, parts: [(String, String?)]) async throws -> (HTTPResponse.Status, String) {
                    meter.reset()
                    let boundary = "----meter"
                    var body: [UInt8] = []
                    for (name, value) in parts {
                        if let value {
                            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
                        } else {
                            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"a.csv\"\r\n\r\n".utf8) + file + [13, 10]
                        }
                    }
                    body += Array("--\(boundary)--\r\n".utf8)
                    var headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)"]
                    if cookie { headers[.cookie] = browser.cookieHeader }
                    let response = try await client.execute(uri: "/people/import", method: .post, headers: headers, body: ByteBuffer(bytes: body))
                    return (response.status, String(buffer: response.body))
                }
                let anonymous = try await send(cookie: false, parts: [("_csrf", browser.csrf), ("file", nil)])
                #expect(anonymous.0 == .unauthorized && anonymous.1.contains("请登录后重新上传") && meter.bytes > file.count)
                let tokenLast = try await send(cookie: true, parts: [("file", nil), ("_csrf", browser.csrf)])
                #expect(tokenLast.0 == .forbidden && tokenLast.1.contains("CSRF 校验失败"))
                let forged = try await send(cookie: true, parts: [("_csrf", String(repeating: "0", count: browser.csrf.count)), ("file", nil)])
                #expect(forged.0 == .forbidden && forged.1.contains("CSRF 校验失败"))
                let accepted = try await send(cookie: true, parts: [("_csrf", browser.csrf), ("file", nil)])
                #expect(accepted.0 == .ok && accepted.1 == "read \(file.count) bytes" && meter.bytes > file.count)
            }
        }
    }
}

/// Hands the request body on in small slices and counts the bytes the rest of the chain pulled.
final class BodyMeter: RouterMiddleware, Sendable {
    typealias Context = AppContext
    static let slice = 4096
    private let pulled = Mutex(0)

    var bytes: Int { pulled.withLock { $0 } }
    func reset() { pulled.withLock { $0 = 0 } }

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        var request = request
        let original = request.body
        let stream = AsyncThrowingStream<ByteBuffer, any Error> { continuation in
            let task = Task {
                do {
                    for try await buffer in original {
                        var buffer = buffer
                        while let slice = buffer.readSlice(length: min(Self.slice, buffer.readableBytes)), slice.readableBytes > 0 {
                            continuation.yield(slice)
                        }
                    }
                    continuation.finish()
                } catch { continuation.finish(throwing: error) }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
        request.body = RequestBody(asyncSequence: Counted(base: stream, meter: self))
        return try await next(request, context)
    }

    fileprivate func add(_ count: Int) { pulled.withLock { $0 += count } }

    struct Counted: AsyncSequence, Sendable {
        typealias Element = ByteBuffer
        let base: AsyncThrowingStream<ByteBuffer, any Error>
        let meter: BodyMeter

        struct AsyncIterator: AsyncIteratorProtocol {
            var base: AsyncThrowingStream<ByteBuffer, any Error>.AsyncIterator
            let meter: BodyMeter
            mutating func next() async throws -> ByteBuffer? {
                let buffer = try await base.next()
                meter.add(buffer?.readableBytes ?? 0)
                return buffer
            }
        }

        func makeAsyncIterator() -> AsyncIterator { AsyncIterator(base: base.makeAsyncIterator(), meter: meter) }
    }
}
