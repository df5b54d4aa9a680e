import ArgumentParser
import ZoneCore
import ZoneStore
import ZoneWeb

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create the database, load the five seed zones (毕节, 新余, 潍坊, 仪征, 成都芯谷) and serve it.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var server: ServerOptions

    func run() async throws {
        let store = try await Store.open(DatabaseLocation(database.db))
        let env = AppEnvironment(store: store, secureCookies: server.secureCookies)
        if let logins = try await DemoLoader(env: env).load() {
            let names = [DemoZone.zoneName, DemoXinyu.zoneName] + DemoSheetZone.all.map(\.name)
            print("已载入五个演示园区：\(names.joined(separator: "、")) / the five demo zones are loaded")
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
        // One column as wide as the longest name (chengdu_xingu_auditadmin), none cut short.
        let width = logins.map(\.username.count).max() ?? 0
        for login in logins {
            print("  \(login.username.padding(toLength: max(width, 12), withPad: " ", startingAt: 0))  \(login.password)  \(login.role.label)")
        }
    }
}
