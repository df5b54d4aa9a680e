import ArgumentParser
import Foundation
import ZoneCore
import ZoneStore

struct Policy: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check zone policy files (YAML), or load one as a zone's new policy version.",
        subcommands: [Check.self, Load.self])

    /// `zonedesk policy load --zone CODE FILE`: stores the file as the zone's next policy version
    /// (validated first; a refused file writes nothing). Appraisals keep the version they began with.
    struct Load: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Load a policy file as a zone's next version.")

        @OptionGroup var database: DatabaseOptions

        @Option(name: .long, help: "Zone code, e.g. bijie.")
        var zone: String

        @Argument(help: "Policy YAML file.")
        var file: String

        func run() async throws {
            let store = try await Store.open(DatabaseLocation(database.db))
            do {
                guard let zoneID = try await store.zones.find(code: zone)?.id else { throw StoreError.notFound("园区 \(zone)", english: "zone \(zone)") }
                let yaml = try String(contentsOfFile: file, encoding: .utf8)
                // A zone's office loads its own zone's rules; another zone's file is a slip of the hand.
                if let code = try? PolicyLoader.load(yaml: yaml, source: file).code, code != zone {
                    throw StoreError.invalid("政策文件属于园区 \(code)，不是 \(zone)", english: "the file is zone \(code)'s policy, not \(zone)'s")
                }
                let version = try await store.policies.load(zoneID: zoneID, yaml: yaml, source: file, actor: "cli")
                print("已载入 \(file) 为 \(zone) 的政策第\(version)版 / loaded as version \(version)")
                try await store.close()
            } catch let error as StoreError {
                try? await store.close()
                FileHandle.standardError.write(Data("zonedesk policy load: \(error.bilingualMessage)\n".utf8))
                throw ExitCode(2)
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Validate policy files or a directory of them (default: policies/).")

        @Argument(help: "Policy files or directories.")
        var paths: [String] = ["policies"]

        func run() throws {
            var failed = false
            for path in paths {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                    print("找不到 / not found: \(path)")
                    throw ExitCode(2)
                }
                do {
                    let policies = isDirectory.boolValue ? try PolicyLoader.loadAll(directory: path) : [try PolicyLoader.load(path: path)]
                    for policy in policies {
                        print("✓ \(policy.code)  \(policy.name)  v\(policy.version)  （生效 \(policy.effective)）")
                    }
                } catch {
                    failed = true
                    for message in error.messages { print("✗ " + message) }
                }
            }
            if failed { throw ExitCode(2) }
        }
    }
}
