import ArgumentParser
import ZoneCore
import ZoneStore
import ZoneWeb

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create the database, load the 毕节高新区 demo zone (and a small 新余高新区 for the province view) and serve it.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var server: ServerOptions

    func run() async throws {
        let store = try await Store.open(DatabaseLocation(database.db))
        let env = AppEnvironment(store: store, secureCookies: server.secureCookies)
        if let logins = try await DemoLoader(env: env).load() {
            print("已载入演示园区：\(DemoZone.zoneName)，以及供省级总览比较的\(DemoXinyu.zoneName) / demo zones loaded")
            Self.printLogins(logins)
        } else {
            print("演示园区已存在，未改动数据；忘记密码请用 `zonedesk reset-password --username hr` / demo already loaded")
        }
        print("请用浏览器打开 / open: http://\(server.host):\(server.port)/login  （组织人事账号：hr）")
        try await ServeRunner.run(store: store, server: server)
    }

    /// The first passwords, one `  username  password  role` line each (bench/zd_server.py reads them).
    static func printLogins(_ logins: [DemoLoader.Login]) {
        print("以下账号的初始密码只显示这一次，首次登录须修改 / first passwords, shown once, must be changed at first login:")
        for login in logins {
            print("  \(login.username.padding(toLength: max(16, login.username.count), withPad: " ", startingAt: 0))  \(login.password)  \(login.role.label)")
        }
    }
}
