import ArgumentParser
import Foundation
import ZoneCore

struct Policy: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check zone policy files (YAML): every problem with file, line and field; exit 2 if any.",
        subcommands: [Check.self])

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
