import Foundation
import ZoneCore

/// The PyPI `matching` package (HospitalResident, resident-optimal) through
/// `bench/match_reference_check.py`: an implementation we did not write. The applicant-optimal
/// stable matching is unique, so a correct path from what people enter to the result must agree.
public enum MatchingReference {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// CI sets `ZONEDESK_REQUIRE_PY=1`: there a missing `matching` fails the test rather than leaving the check out.
    public static var required: Bool { ProcessInfo.processInfo.environment["ZONEDESK_REQUIRE_PY"] == "1" }

    /// The reference's outcomes, in order; nil when python3 or `matching` is missing (the script exits 3).
    public static func solve(_ problems: [MatchingProblem]) throws -> [MatchingOutcome]? {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zd-matching-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("problems.json"), output = directory.appendingPathComponent("out.json")
        let errors = directory.appendingPathComponent("err.txt")
        try JSONEncoder().encode(problems).write(to: input)
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        // Output to files, not pipes, so a chatty child cannot fill a pipe and deadlock against us.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", repositoryRoot.appendingPathComponent("bench/match_reference_check.py").path, input.path]
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        do { try process.run() } catch { return nil }
        process.waitUntilExit()
        switch process.terminationStatus {
        case 0: return try JSONDecoder().decode([MatchingOutcome].self, from: Data(contentsOf: output))
        case 3, 127: return nil
        default:
            throw ReferenceFailed(message: String(decoding: try Data(contentsOf: errors), as: UTF8.self))
        }
    }

    public struct ReferenceFailed: Error, CustomStringConvertible {
        public let message: String
        public var description: String { "match_reference_check.py failed: \(message)" }
    }
}
