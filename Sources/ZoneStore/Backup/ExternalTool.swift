import Foundation

/// Runs a PostgreSQL client program (`pg_dump`, `psql`) to completion, failing with its stderr.
///
/// The newest `/usr/lib/postgresql/*/bin` copy is preferred over `PATH`: `pg_dump` refuses to
/// dump a server newer than itself, and Debian's `PATH` wrapper may pick an older one.
enum ExternalTool {
    static func run(_ name: String, _ arguments: [String]) throws {
        guard let executable = locate(name) else {
            throw BackupError("找不到 \(name)，请安装 postgresql-client", "\(name) not found; install postgresql-client")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw BackupError("\(name) 失败（退出码 \(process.terminationStatus)）：\(text)",
                              "\(name) failed (exit \(process.terminationStatus)): \(text)")
        }
    }

    static func locate(_ name: String) -> String? {
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        let newest = versions.compactMap(Int.init).sorted().reversed()
            .map { "/usr/lib/postgresql/\($0)/bin/\(name)" }
        let onPath = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/\(name)" }
        return (newest + onPath).first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
