import ArgumentParser
import Foundation
import ZoneCore
import ZoneStore
import ZoneWeb

/// `zonedesk zone create|list`: how a real zone starts — its code, name and policy file; its org
/// tree then comes from `import units`, its people from `import people`.
struct ZoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zone",
        abstract: "Create a zone from its policy file (with its three admin accounts), or list the zones.",
        subcommands: [Create.self, List.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a zone: its policy as version 1 and its system, security and audit admins (one-time passwords printed once).",
            discussion: """
                The policy file is checked as `policy check` does, and its code must be --code. A taken code, a bad name or a \
                refused policy exits 2 and writes nothing. Next: `zonedesk import units --zone CODE FILE` for the 三定 org tree.
                """)

        @OptionGroup var database: DatabaseOptions

        @Option(name: .long, help: "Zone code, the policy file's code, e.g. yizheng.")
        var code: String

        @Option(name: .long, help: "Zone name, e.g. 仪征经济开发区.")
        var name: String

        @Option(name: .long, help: "Policy YAML file (default: policies/CODE.yaml).")
        var policy: String?

        func run() async throws {
            let path = policy ?? "policies/\(code).yaml"
            let yaml: String
            do { yaml = try String(contentsOfFile: path, encoding: .utf8) } catch {
                throw refuse("读不到政策文件 \(path) / cannot read the policy file \(path)")
            }
            let store = try await Store.open(DatabaseLocation(database.db))
            let created: ZoneSetup.Created
            do {
                created = try await ZoneSetup(store: store, hasher: PasswordHasher()).create(code: code, name: name, yaml: yaml, source: path, actor: "cli")
                try await store.close()
            } catch let refused as ZoneSetup.Refused {
                try? await store.close()
                for problem in refused.problems { FileHandle.standardError.write(Data("✗ \(problem)\n".utf8)) }
                throw refuse("\(refused.message) / \(refused.english)")
            }
            print("已创建园区 \(created.zone.code)（\(created.zone.name)），政策 \(created.policy.code) v\(created.policy.version) 为第1版"
                  + " / created zone \(created.zone.code) with its policy as version 1")
            print("三员账号（一次性密码，首次登录须修改；随后请绑定动态口令）/ admin accounts (one-time passwords, changed at first login; then enrol TOTP):")
            for admin in created.admins { print("  \(admin.username)\t\(admin.role.label)\t\(admin.password)") }
            print("下一步 / next: zonedesk import units --db \(database.db) --zone \(created.zone.code) 三定方案.xlsx")
        }

        /// Writes why nothing was created; the caller throws the exit code.
        private func refuse(_ message: String) -> ExitCode {
            FileHandle.standardError.write(Data("zonedesk zone create: \(message)\n".utf8))
            return ExitCode(2)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the zones with their policy version and counts.")

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let store = try await Store.open(DatabaseLocation(database.db))
            let summaries = try await store.zones.summaries()
            try await store.close()
            print(["代码 code", "名称 name", "政策版本 policy", "机构 units", "人员 people", "账号 accounts"].joined(separator: "\t"))
            for summary in summaries {
                print([summary.zone.code, summary.zone.name, summary.policyVersion.map { "v\($0)" } ?? "—",
                       String(summary.units), String(summary.people), String(summary.accounts)].joined(separator: "\t"))
            }
        }
    }
}
