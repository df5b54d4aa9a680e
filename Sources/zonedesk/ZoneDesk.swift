import ArgumentParser
import Foundation
import ZoneWeb

@main
struct ZoneDesk: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zonedesk",
        abstract: "ZoneDesk 园区体制机制改革管理系统 — development-zone reform management.",
        subcommands: [Demo.self, Serve.self, Migrate.self, AuditVerify.self, ResetPassword.self, Import.self, Export.self, Policy.self, Match.self,
                      PayRun.self, Holidays.self, Bench.self, SeedPayRun.self, Backup.self, Restore.self, ChecksumDatabase.self, ListRoutes.self,
                      AuditKey.self, ZoneCommand.self]
    )
}

/// Options every database command shares.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "SQLite file path or postgres://user:pass@host:port/db URL.")
    var db: String = "./data/zonedesk.sqlite"

    @Option(name: .long, help: "Audit-log key file (default: ZONEDESK_AUDIT_KEY, else beside the SQLite file or ./data/<db>.audit-key).")
    var auditKey: String?

    /// `--audit-key` becomes `ZONEDESK_AUDIT_KEY` for this process, so every `DatabaseLocation` a
    /// command opens (imports, exports, the server) finds the same key.
    func validate() throws {
        if let auditKey, !auditKey.isEmpty { setenv("ZONEDESK_AUDIT_KEY", auditKey, 1) }
    }
}

struct ServerOptions: ParsableArguments {
    @Option(name: .long, help: "Address to listen on.")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on.")
    var port: Int = 8080

    @Flag(name: .long, help: "Mark cookies Secure (when served behind an HTTPS proxy).")
    var secureCookies = false

    @Option(name: .long, help: "Address of a reverse proxy whose X-Forwarded-For is believed (repeatable); without it the header is ignored.")
    var trustedProxy: [String] = []

    func validate() throws {
        for proxy in trustedProxy where !ClientAddress.isIPAddress(proxy) {
            throw ArgumentParser.ValidationError("--trusted-proxy 须为 IP 地址 / must be an IP address: \(proxy)")
        }
    }
}
