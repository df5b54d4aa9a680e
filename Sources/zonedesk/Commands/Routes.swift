import ArgumentParser
import ZoneStore
import ZoneWeb

/// `zonedesk routes`: every route the web app serves, one `METHOD PATH PERMISSION` line each, from
/// the same router `serve` builds — so the bad-input drill (tests/drills) walks the real list.
struct ListRoutes: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routes",
        abstract: "列出 Web 应用的全部路由及所需权限 / list every route with its permission.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let store = try await Store.open(DatabaseLocation(database.db))
        let specs = buildRouter(AppEnvironment(store: store)).specs
        try await store.close()
        for spec in specs { print("\(spec.method.rawValue) \(spec.path) \(spec.permission.rawValue)") }
    }
}
