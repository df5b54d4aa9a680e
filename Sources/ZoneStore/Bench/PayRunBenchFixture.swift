import Foundation
import SQLKit
import ZoneCore

/// Seeds a store with a zone whose appraisal is final for `people` people in one department per
/// hundred, written straight as rows (the setup is not what is measured), so a benchmark can time
/// a persisted pay run — reading the results, splitting, writing every line — on SQLite or
/// PostgreSQL. Used by `zonedesk bench --case payrun` and `zonedesk seed-payrun` (the crash drill); never by the app.
public enum PayRunBenchFixture {
    public static func seed(_ store: Store, people count: Int, policyYAML: String, seed: UInt64 = 20_251_125) async throws
        -> (zoneID: Int64, appraisalID: Int64) {
        let code = "bench\(UInt32.random(in: 0...UInt32.max))"
        let (zoneID, units) = try await store.units.createZone(code: code, name: "基准园区", units: (0..<max(1, count / 100)).map { index in
            NewUnit(unit: Unit(id: 0, parentID: nil, name: "部门\(index + 1)", kind: .department, orgType: .government, funding: .full, rank: "正科级",
                               isEconomic: false, sortOrder: index), parentIndex: nil)
        }, actor: "bench")
        let version = try await store.policies.load(zoneID: zoneID, yaml: policyYAML, source: "bench", actor: "bench")
        let now = store.clock.isoTimestamp
        var random = SeededGenerator(seed: seed)
        let scores = (0..<count).map { _ in Int.random(in: 5_500...9_900, using: &random) }
        let appraisal = try await store.database.transaction { tx in
            let appraisal = try await insertReturningID(tx, """
                INSERT INTO appraisals (zone_id, year, name, status, policy_version, created_by, created_at)
                VALUES (\(bind: zoneID), 2025, '基准考核', 'final', \(bind: version), 'bench', \(bind: now))
                """)
            let base = try await tx.raw("SELECT COALESCE(MAX(id), 0) AS m FROM people").first()?.decode(column: "m", as: Int64.self) ?? 0
            var people: [[any Encodable & Sendable]] = []
            var results: [[any Encodable & Sendable]] = []
            for (index, score) in scores.enumerated() {
                let id = base + Int64(index) + 1
                let unit = units[index % units.count]
                people.append([id, zoneID, unit, "人员\(index)", "B\(zoneID)-\(index)", "男", "1980-01-01", "事业", "在岗", now, now])
                let grade = score >= 9_000 ? "excellent" : score >= 7_000 ? "qualified" : "basically_qualified"
                results.append([appraisal, id, unit, unit, score, 10_000, score, grade, grade, 0, 0, 0])
            }
            try await insertRows(tx, into: "people", columns: ["id", "zone_id", "unit_id", "name", "id_number", "gender", "birth_date", "establishment",
                                                               "status", "created_at", "updated_at"], rows: people)
            try await insertRows(tx, into: "appraisal_results", columns: ["appraisal_id", "person_id", "unit_id", "group_key", "kpi", "worklog", "score",
                                                                          "grade", "computed_grade", "bottom_band", "vetoed", "flagged"], rows: results)
            try await insertRows(tx, into: "department_results", columns: ["appraisal_id", "unit_id", "score", "coefficient_milli"],
                                 rows: units.enumerated().map { [appraisal, $1, 9_000, 500 + ($0 * 37) % 1_001] })
            if store.database.backend == .postgres {
                // Explicit ids do not advance the identity sequence.
                try await tx.raw("SELECT setval(pg_get_serial_sequence('people', 'id'), (SELECT MAX(id) FROM people))").run()
            }
            return appraisal
        }
        return (zoneID, appraisal)
    }
}
