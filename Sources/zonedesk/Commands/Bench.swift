import ArgumentParser
import Foundation

/// `zonedesk bench [--case NAME] [--size N]`: runs the in-memory engines on seeded generated data
/// and prints one JSON line per case (fixed interface, DESIGN.md). `bench/run.py` compares these
/// engines with Python implementations; this command is the engine time alone, without I/O.
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "基准测试：在生成的数据上运行内存引擎，每个用例输出一行 JSON / benchmark the in-memory engines.",
        discussion: "用例 / cases: \(BenchCase.all.map(\.name).joined(separator: ", "))")

    @Option(name: .customLong("case"), help: "Case to run (default: all).")
    var caseName: String?

    @Option(name: .long, help: "Problem size (default: the case's own, e.g. 50000 applicants for match).")
    var size: Int?

    func validate() throws {
        if let size, size < 1 { throw ValidationError("--size must be at least 1") }
    }

    func run() async throws {
        var cases = BenchCase.all
        if let caseName {
            cases = cases.filter { $0.name == caseName }
            guard !cases.isEmpty else {
                let known = BenchCase.all.map(\.name).joined(separator: ", ")
                FileHandle.standardError.write(Data("zonedesk bench: 未知的基准用例 \(caseName)，可用：\(known) / unknown case \"\(caseName)\"; known cases: \(known)\n".utf8))
                throw ExitCode(2)
            }
        }
        for benchCase in cases {
            print(try await benchCase.measure(size ?? benchCase.defaultSize).jsonLine)
        }
    }
}
