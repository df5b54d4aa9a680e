import Foundation
import ArgumentParser
import Hummingbird
import ZoneStore
import ZoneWeb

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the web app on an existing database (migrating it first).")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var server: ServerOptions

    func run() async throws {
        let store = try await Store.open(DatabaseLocation(database.db))
        try await ServeRunner.run(store: store, server: server)
    }
}

enum ServeRunner {
    static func run(store: Store, server: ServerOptions) async throws {
        let env = AppEnvironment(store: store, secureCookies: server.secureCookies,
                                 clientAddress: ClientAddress(trustedProxies: Set(server.trustedProxy)))
        let app = buildApplication(env, server: ServerConfiguration(host: server.host, port: server.port))
        print("ZoneDesk 已启动 / serving: http://\(server.host):\(server.port)")
        // The server runs until stopped; flush now so logins and the URL reach a piped terminal.
        fflush(nil)
        do {
            try await app.runService()
        } catch {
            try? await store.close()
            throw error
        }
        try await store.close()
    }
}
