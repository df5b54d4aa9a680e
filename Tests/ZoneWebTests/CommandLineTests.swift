import Foundation
import Testing
import ZoneCore
@testable import ZoneStore
@testable import ZoneWeb

/// The `zonedesk` binary itself, as an operator runs it: refusals print a Chinese line and a real
/// English one (not the Chinese again), and the holiday commands load a year's notice all or nothing.
@Suite("Command line")
struct CommandLineTests {
    /// The binary built next to the test bundle (`swift build --build-tests` builds every product).
    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("zonedesk")
    }

    static func zonedesk(_ arguments: [String]) throws -> (status: Int32, output: String) {
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            Issue.record("zonedesk binary not found at \(binary.path)")
            return (-1, "")
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// A scratch directory with the demo zones loaded into `demo.sqlite`.
    static func demoDatabase() async throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zd-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try await Store.open(DatabaseLocation(directory.appendingPathComponent("demo.sqlite").path))
        _ = try await DemoLoader(env: AppEnvironment(store: store, hasher: PasswordHasher(cost: 4))).load()
        try await store.close()
        return directory
    }

    @Test func refusalsCarryARealEnglishLine() async throws {
        let directory = try await Self.demoDatabase()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("demo.sqlite").path
        let noZone = try Self.zonedesk(["payrun", "--db", db, "--zone", "nosuch", "--period", "2025", "--year", "2025", "--pool", "100"])
        #expect(noZone.status == 2 && noZone.output.contains("未找到：园区 nosuch / not found: zone nosuch"), "\(noZone.output)")
        let noYear = try Self.zonedesk(["payrun", "--db", db, "--zone", "xinyu", "--period", "2099", "--year", "2099", "--pool", "100"])
        #expect(noYear.status == 2 && noYear.output.contains("/ not found: the 2099 appraisal"), "\(noYear.output)")
        let paid = try Self.zonedesk(["payrun", "--db", db, "--zone", "xinyu", "--period", "2024", "--year", "2024", "--pool", "100"])
        #expect(paid.status == 2 && paid.output.contains("不会重复发放") && paid.output.contains("/ 2024 is already paid (run"), "\(paid.output)")
        let badPool = try Self.zonedesk(["payrun", "--db", db, "--zone", "xinyu", "--period", "2024-06", "--year", "2024", "--pool", "1.234"])
        #expect(badPool.status == 2 && badPool.output.contains("--pool 应为不超过 100 亿的元数，最多两位小数 / --pool must be yuan up to 10 billion with at most 2 decimals"), "\(badPool.output)")
        let wrongZone = try Self.zonedesk(["policy", "load", "--db", db, "--zone", "bijie", Self.policies + "/xinyu.yaml"])
        #expect(wrongZone.status == 2 && wrongZone.output.contains("/ the file is zone xinyu's policy, not bijie's"), "\(wrongZone.output)")
        // Refused inside the writing transaction: xinyu's 2024 appraisal is final, its actuals cannot change.
        let final = try #require(try await Self.finalAppraisal(db, zone: "xinyu"))
        let actuals = directory.appendingPathComponent("actuals.csv").path
        try "指标编号,指标名称,实际值\n\(final.indicator.id),\(final.indicator.name),\n".write(toFile: actuals, atomically: true, encoding: .utf8)
        let frozen = try Self.zonedesk(["import", "actuals", "--db", db, "--zone", "xinyu", "--appraisal", String(final.id), actuals])
        #expect(frozen.status == 2 && frozen.output.contains("/ the appraisal is final; this step is not allowed now"), "\(frozen.output)")
        // A refusal no command prints still never repeats the Chinese as its "English".
        #expect(StoreError.invalid("请填写考核名称").bilingualMessage == "请填写考核名称 / refused (the reason is given in Chinese above)")
    }

    /// `zonedesk import posts` bounds 聘期 by the zone's `staffing.post_term_years`, as the web sheet does.
    @Test func postImportFollowsThePolicysTerm() async throws {
        let directory = try await Self.demoDatabase()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("demo.sqlite").path
        let policy = directory.appendingPathComponent("bijie.yaml").path, sheet = directory.appendingPathComponent("posts.csv").path
        let shipped = try String(contentsOfFile: Self.policies + "/bijie.yaml", encoding: .utf8), term = "post_term_years: {min: 1, max: 3}"
        #expect(shipped.contains(term))
        try shipped.replacingOccurrences(of: term, with: "post_term_years: {min: 2, max: 3}").write(toFile: policy, atomically: true, encoding: .utf8)
        let loaded = try Self.zonedesk(["policy", "load", "--db", db, "--zone", "bijie", policy])
        #expect(loaded.status == 0, "\(loaded.output)")
        let header = PostImport.columns.joined(separator: ",")
        try (header + "\n产业发展局,一年岗,2,综合,1.000,1,1,,,,\n").write(toFile: sheet, atomically: true, encoding: .utf8)
        let refused = try Self.zonedesk(["import", "posts", "--db", db, "--zone", "bijie", sheet])
        #expect(refused.status == 2 && refused.output.contains("聘期为2–3年（本园区政策 staffing.post_term_years）"), "\(refused.output)")
        try (header + "\n产业发展局,两年岗,2,综合,1.000,1,2,,,,\n").write(toFile: sheet, atomically: true, encoding: .utf8)
        let imported = try Self.zonedesk(["import", "posts", "--db", db, "--zone", "bijie", sheet])
        #expect(imported.status == 0 && imported.output.contains("已导入 1 行"), "\(imported.output)")
    }

    @Test func holidaysAreImportedAllOrNothing() async throws {
        let directory = try await Self.demoDatabase()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("demo.sqlite").path, file = directory.appendingPathComponent("2027.csv").path
        #expect(try Self.zonedesk(["holidays", "template", "--year", "2027", "-o", file]).status == 0)
        let blank = try Self.zonedesk(["holidays", "import", "--db", db, file])
        #expect(blank.status == 2 && blank.output.contains("import refused, nothing written — 13 problem(s)") && blank.output.contains("通知文号：必填"))
        let template = try String(contentsOfFile: file, encoding: .utf8)
        try template.replacingOccurrences(of: ",\r\n", with: ",国办发明电〔2026〕9号\r\n").write(toFile: file, atomically: true, encoding: .utf8)
        let loaded = try Self.zonedesk(["holidays", "import", "--db", db, file])
        #expect(loaded.status == 0 && loaded.output.contains("loaded 2027: 13 days off, 0 make-up workdays"), "\(loaded.output)")
        let list = try Self.zonedesk(["holidays", "list", "--db", db])
        #expect(list.status == 0 && list.output.contains("2027年：国办发明电〔2026〕9号") && list.output.contains("2027-02-05 放假 春节"))
        let store = try await Store.open(DatabaseLocation(db))
        #expect(try await store.holidays.all().map(\.notice.year) == [2025, 2026, 2027])
        #expect(try await store.database.reader.raw("SELECT actor FROM audit_log WHERE action = 'holidays.load'").all().count == 1)
        try await store.close()
    }

    /// A final appraisal of the zone and one of its indicators.
    static func finalAppraisal(_ db: String, zone: String) async throws -> (id: Int64, indicator: StoredIndicator)? {
        let store = try await Store.open(DatabaseLocation(db))
        let zoneID = try await store.zones.find(code: zone)?.id ?? 0
        var found: (Int64, StoredIndicator)?
        if let id = try await store.appraisals.all(zoneID: zoneID).first(where: { $0.status == .final })?.id,
           let indicator = try await store.appraisals.indicators(appraisalID: id).first {
            found = (id, indicator)
        }
        try await store.close()
        return found
    }

    /// The repository's policies/ folder, found from this file's path.
    static var policies: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("policies").path
    }
}
