import Foundation

/// Finds the shipped policy documents (`policies/<code>.yaml`): `ZONEDESK_POLICIES` if set, else
/// `./policies`, else a `policies` folder above the executable (a `swift run` build sits in
/// `.build/<config>/`), so the demo works from the checkout however it is started.
public enum PolicyFiles {
    public static func text(code: String) throws -> String {
        for directory in candidates() {
            let path = directory.appendingPathComponent("\(code).yaml").path
            if FileManager.default.fileExists(atPath: path) { return try String(contentsOfFile: path, encoding: .utf8) }
        }
        throw PolicyFileMissing(code: code)
    }

    static func candidates() -> [URL] {
        var out: [URL] = []
        if let env = ProcessInfo.processInfo.environment["ZONEDESK_POLICIES"] { out.append(URL(fileURLWithPath: env)) }
        out.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("policies"))
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            out.append(directory.appendingPathComponent("policies"))
            directory = directory.deletingLastPathComponent()
        }
        return out
    }
}

struct PolicyFileMissing: Error, CustomStringConvertible {
    let code: String
    var description: String {
        "找不到政策文件 policies/\(code).yaml（可设置 ZONEDESK_POLICIES） / policy file policies/\(code).yaml not found (set ZONEDESK_POLICIES)"
    }
}
