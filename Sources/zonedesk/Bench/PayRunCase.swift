import Foundation
import ZoneStore
import ZoneWeb

extension BenchCase {
    /// `payrun`: a persisted pay run — read a final appraisal of `size` people from the database,
    /// split the pool (潍坊 rules: department packages by coefficient, shares by score) and write
    /// every package and line in one transaction. The fixture is seeded first (not timed); the run
    /// is discarded between repetitions, so each one writes everything again. The database is a
    /// temporary SQLite file, or the PostgreSQL database in `ZONEDESK_BENCH_PG_URL`.
    static let payRun = BenchCase(name: "payrun", defaultSize: 7_000) { size in
        let url = ProcessInfo.processInfo.environment["ZONEDESK_BENCH_PG_URL"]
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zd-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try await Store.open(DatabaseLocation(url ?? directory.appendingPathComponent("bench.sqlite").path))
        do {
            let yaml = try PolicyFiles.text(code: "weifang")
            let (zone, appraisal) = try await PayRunBenchFixture.seed(store, people: size, policyYAML: yaml)
            let request = PayRunRequest(period: "2025", appraisalID: appraisal, pool: .fixed(fen: Int64(size) * 2_400_037))
            var checksum = ""
            let milliseconds = try await Stopwatch.bestMilliseconds(of: 3) {
                let run = try await store.payRuns.create(request, zoneID: zone, actor: "bench")
                checksum = try await store.payRuns.find(id: run, zoneID: zone)?.checksum ?? ""
                try await store.payRuns.discard(runID: run, zoneID: zone, actor: "bench")
            }
            try await store.close()
            return BenchResult(case: url == nil ? "payrun" : "payrun-postgres", size: size, engineMilliseconds: milliseconds,
                               checksum: String(checksum.prefix(16)))
        } catch {
            try? await store.close()
            throw error
        }
    }
}
