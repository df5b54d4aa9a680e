import ArgumentParser
import ZoneCore
import ZoneStore
import ZoneWeb

/// `zonedesk seed-payrun --db … --size N` (hidden): leaves behind what `bench --case payrun`
/// measures on — a zone (潍坊 policy) whose 2025 appraisal of N people is final and ready to pay,
/// seeded by ``PayRunBenchFixture`` — plus `hr` (组织人事) and `leader` accounts whose first
/// passwords are printed the way `demo` prints them. For the crash drill (tests/drills/crash.py),
/// which creates, approves and pays the run through the web app on it.
struct SeedPayRun: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed-payrun",
        abstract: "演练用：生成 N 人已定考核结果的园区和 hr/leader 账号 / for drills: a zone with a final appraisal of N people, and accounts.",
        shouldDisplay: false)

    @OptionGroup var database: DatabaseOptions

    @Option(name: .long, help: "People in the final appraisal.")
    var size: Int = 100_000

    func validate() throws {
        if size < 1 { throw ValidationError("--size must be at least 1") }
    }

    func run() async throws {
        let store = try await Store.open(DatabaseLocation(database.db))
        do {
            let (zoneID, appraisalID) = try await PayRunBenchFixture.seed(store, people: size, policyYAML: try PolicyFiles.text(code: "weifang"))
            let logins = try await DemoLoader(env: AppEnvironment(store: store)).createAccounts([
                ("hr", "组织人事部", .hr, nil, nil), ("leader", "管委会", .leader, nil, nil),
            ], zoneID: zoneID, actor: "bench")
            print("已生成：考核 \(appraisalID)（\(size) 人，结果已确定）/ seeded: appraisal \(appraisalID), \(size) people, final")
            Demo.printLogins(logins)
        } catch {
            try? await store.close()
            throw error
        }
        try await store.close()
    }
}
