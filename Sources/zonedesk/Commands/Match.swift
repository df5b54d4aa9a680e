import ArgumentParser
import Foundation
import ZoneCore

/// `zonedesk match --input FILE.json [--output FILE.json]`: the two-way selection engine alone,
/// on the fixed JSON interface of DESIGN.md, for other tools and for checking results by hand.
///
/// Bad input of any kind (unreadable file, malformed JSON, unknown or duplicate id, negative
/// capacity, a duplicate inside a list) exits with status 2 and one message on stderr, so scripts
/// can tell "your file is wrong" from a crash.
struct Match: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "双向选择：计算申请人最优的稳定匹配 / applicant-optimal stable matching of a JSON round.",
        discussion: """
            输入 / input:  {"applicants":[{"id":"a1","preferences":["p2","p1"]}],
                           "posts":[{"id":"p1","capacity":2,"ranking":["a3","a1"]}]}
            输出 / output: {"assignments":{"a1":"p2"},"unassigned":["a7"]}
            申请人只会被分到自己志愿中、且岗位排序中有其本人的岗位。
            An applicant only gets a post that is on its list and ranks it.
            """)

    @Option(name: .long, help: "Input JSON file.")
    var input: String

    @Option(name: .long, help: "Output JSON file (default: standard output).")
    var output: String?

    @Flag(name: .long, help: "Also print timings to stderr as JSON: engine_ms (integer engine, best of 5) and solve_ms (ids in to ids out, best of 3).")
    var time = false

    func run() throws {
        let problem: MatchingProblem
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: input))
            problem = try JSONDecoder().decode(MatchingProblem.self, from: data)
        } catch let error as DecodingError {
            throw Self.badInput("输入不是有效的匹配 JSON / malformed input JSON: \(Self.describe(error))")
        } catch {
            throw Self.badInput("无法读取输入文件 / cannot read input \(input): \(error.localizedDescription)")
        }

        let outcome: MatchingOutcome
        do {
            outcome = try StableMatching.solve(problem)
        } catch {
            throw Self.badInput(error.message)
        }

        if time {
            // Timed apart from the real run. solve_ms is ids in to ids out (best of 3): what a
            // caller of the front end pays. engine_ms is the integer engine alone (best of 5), the
            // figure `zonedesk bench` reports.
            let solveMilliseconds = try Stopwatch.bestMilliseconds(of: 3) { _ = try StableMatching.solve(problem) }
            let instance = try problem.instance()
            let engineMilliseconds = try Stopwatch.bestMilliseconds { _ = try StableMatching.solve(instance) }
            Self.printToStandardError(#"{"engine_ms":\#(engineMilliseconds),"solve_ms":\#(solveMilliseconds)}"#)
        }

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var json = try encoder.encode(outcome)
        json.append(UInt8(ascii: "\n"))
        if let output {
            do {
                try json.write(to: URL(fileURLWithPath: output))
            } catch {
                Self.printToStandardError("zonedesk match: 无法写入输出文件 / cannot write output \(output): \(error.localizedDescription)")
                throw ExitCode.failure
            }
        } else {
            FileHandle.standardOutput.write(json)
        }
    }

    private static func badInput(_ message: String) -> ExitCode {
        printToStandardError("zonedesk match: \(message)")
        return ExitCode(2)
    }

    private static func printToStandardError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Where in the document the decoder gave up, e.g. `posts[3].capacity: expected Int`.
    private static func describe(_ error: DecodingError) -> String {
        let (context, what): (DecodingError.Context, String) = switch error {
        case .typeMismatch(let type, let context): (context, "expected \(type)")
        case .valueNotFound(let type, let context): (context, "missing \(type) value")
        case .keyNotFound(let key, let context): (context, "missing key \"\(key.stringValue)\"")
        case .dataCorrupted(let context): (context, context.debugDescription)
        @unknown default: (DecodingError.Context(codingPath: [], debugDescription: ""), "\(error)")
        }
        let path = context.codingPath.map { key in
            key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)"
        }.joined()
        return path.isEmpty ? what : "\(path.hasPrefix(".") ? String(path.dropFirst()) : path): \(what)"
    }
}
