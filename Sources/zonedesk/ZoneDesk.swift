import ArgumentParser

@main
struct ZoneDesk: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zonedesk",
        abstract: "ZoneDesk 园区体制机制改革管理系统 — development-zone reform management.",
        subcommands: [Demo.self, Serve.self, Migrate.self, AuditVerify.self, ResetPassword.self, Import.self, Export.self, Policy.self, Match.self,
                      PayRun.self, Holidays.self, Bench.self, SeedPayRun.self, Backup.self, Restore.self, ChecksumDatabase.self, ListRoutes.self]
    )
}

/// Options every database command shares.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "SQLite file path or postgres://user:pass@host:port/db URL.")
    var db: String = "./data/zonedesk.sqlite"
}

struct ServerOptions: ParsableArguments {
    @Option(name: .long, help: "Address to listen on.")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on.")
    var port: Int = 8080

    @Flag(name: .long, help: "Mark cookies Secure (when served behind an HTTPS proxy).")
    var secureCookies = false
}
