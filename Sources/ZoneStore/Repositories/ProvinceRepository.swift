import SQLKit
import ZoneCore

/// One zone's headline figures for the province view (SPEC §F "across zones"): counts and totals
/// only, never a person's row, so the 省级主管部门 can compare zones without personal data.
public struct ZoneFigures: Sendable {
    /// The latest appraisal year that has results, each of the policy's grades best first (empty
    /// ones included) under the policy's labels.
    public struct Grades: Sendable, Equatable {
        public struct Count: Sendable, Equatable {
            public let key: String
            public let label: String
            public let count: Int
        }

        public let appraisalID: Int64
        public let year: Int
        public let status: StoredAppraisal.Status
        public let counts: [Count]
        public var total: Int { counts.reduce(0) { $0 + $1.count } }
    }

    /// The latest paid (locked) pay run.
    public struct Pay: Sendable, Equatable {
        public let runID: Int64
        public let period: String
        public let paidFen: Int64
        public let headcount: Int
    }

    public let zone: Zone
    /// 核定编制 (all categories) and the extra places granted by 编制使用审批.
    public var quota = 0, approved = 0
    /// People on the register by 编制类型, those who left excluded.
    public var staff: [StaffCategory: Int] = [:]
    /// 在聘 (an appointment not ended) and 待岗.
    public var appointed = 0, waiting = 0
    public var grades: Grades?
    public var pay: Pay?
    public var ledgers = LedgerFigures([])
    public var workLogTenths: Int?
    public var projects = ProjectPipeline([])

    public init(zone: Zone) { self.zone = zone }

    public var staffTotal: Int { staff.values.reduce(0, +) }
    /// 编内实有: everyone on the register who holds an 编制 or 员额 place.
    public var inEstablishment: Int { staffTotal - (staff[.contract] ?? 0) }
}

/// Reads every zone's figures with one query per figure grouped by zone, so the province page
/// costs the same dozen queries for two zones or two hundred.
///
/// ```swift
/// for zone in try await store.province.figures() { print(zone.zone.name, zone.inEstablishment, zone.quota) }
/// ```
public struct ProvinceRepository: Sendable {
    let database: ZoneDatabase

    /// Kinds the province figures are computed from (rates and the project pipeline).
    static let ledgerKinds: [LedgerKind] = [.stripping, .debts, .cases721, .workLogs, .projects]

    public func figures() async throws -> [ZoneFigures] {
        let db = database.reader
        var byZone: [Int64: ZoneFigures] = [:]
        let zones = try await db.raw("SELECT id, code, name FROM zones ORDER BY id").all().map(ZoneRepository.zone)
        for zone in zones { byZone[zone.id] = ZoneFigures(zone: zone) }
        func each(_ query: SQLQueryString, _ body: (any SQLRow, inout ZoneFigures) throws -> Void) async throws {
            for row in try await db.raw(query).all() {
                let zoneID = try row.decode(column: "zone_id", as: Int64.self)
                guard byZone[zoneID] != nil else { continue }
                try body(row, &byZone[zoneID]!)
            }
        }
        // The same rows the zone's quota book reads (QuotaRepository.book), summed per zone; SUM of BIGINT is
        // NUMERIC on PostgreSQL, hence the casts.
        try await each("""
            SELECT u.zone_id, CAST(SUM(e.quota) AS BIGINT) AS n FROM establishments e JOIN units u ON u.id = e.unit_id GROUP BY u.zone_id
            """) { row, z in z.quota = try row.decode(column: "n", as: Int.self) }
        try await each("""
            SELECT u.zone_id, CAST(SUM(a.extra) AS BIGINT) AS n FROM quota_approvals a JOIN units u ON u.id = a.unit_id
            WHERE a.kind = \(bind: QuotaApproval.Kind.establishment.rawValue) GROUP BY u.zone_id
            """) { row, z in z.approved = try row.decode(column: "n", as: Int.self) }
        try await each("""
            SELECT zone_id, establishment, COUNT(*) AS n FROM people WHERE status NOT IN (\(binds: PersonStatus.departedValues))
            GROUP BY zone_id, establishment
            """) { row, z in
            let category = try row.decode(column: "establishment", as: StaffCategory.self, table: "people")
            z.staff[category] = try row.decode(column: "n", as: Int.self)
        }
        try await each("""
            SELECT p.zone_id, COUNT(*) AS n FROM appointments a JOIN people p ON p.id = a.person_id WHERE a.ended = 0 GROUP BY p.zone_id
            """) { row, z in z.appointed = try row.decode(column: "n", as: Int.self) }
        try await each("""
            SELECT zone_id, COUNT(*) AS n FROM people WHERE status = \(bind: PersonStatus.awaiting.rawValue) GROUP BY zone_id
            """) { row, z in z.waiting = try row.decode(column: "n", as: Int.self) }
        try await grades(into: &byZone)
        // The dashboard's pay figure uses the latest locked run; so does the province view.
        try await each("SELECT zone_id, id, period, paid_fen, headcount FROM pay_runs WHERE status = 'locked'") { row, z in
            let pay = ZoneFigures.Pay(runID: try row.decode(column: "id", as: Int64.self), period: try row.decode(column: "period", as: String.self),
                                      paidFen: try row.decode(column: "paid_fen", as: Int64.self), headcount: try row.decode(column: "headcount", as: Int.self))
            if z.pay.map({ $0.runID < pay.runID }) ?? true { z.pay = pay }
        }
        var ledgers: [Int64: [LedgerRecord]] = [:]
        try await each("""
            SELECT zone_id, \(LedgerRepository.columns) FROM ledger_entries WHERE kind IN (\(binds: Self.ledgerKinds.map(\.rawValue))) ORDER BY id
            """) { row, z in
            if let entry = try LedgerRepository.entry(row) { ledgers[z.zone.id, default: []].append(entry.record) }
        }
        let calendar = try await HolidayRepository.calendar(in: database.reader)
        for (zoneID, records) in ledgers {
            byZone[zoneID]?.ledgers = LedgerFigures(records)
            byZone[zoneID]?.workLogTenths = WorkLogCompleteness.tenths(of: records, calendar: calendar)
            byZone[zoneID]?.projects = ProjectPipeline(records)
        }
        return zones.compactMap { byZone[$0.id] }
    }

    /// Grade counts of every appraisal with results in one query; each zone keeps its latest year,
    /// labelled by the policy version that appraisal follows (one query for the policy documents).
    func grades(into byZone: inout [Int64: ZoneFigures]) async throws {
        let db = database.reader
        struct Latest { var id: Int64, year: Int, status: StoredAppraisal.Status, policyVersion: Int, counts: [String: Int] }
        var latest: [Int64: Latest] = [:]
        for row in try await db.raw("""
            SELECT a.zone_id, a.id, a.year, a.status, a.policy_version, r.grade, COUNT(*) AS n
            FROM appraisals a JOIN appraisal_results r ON r.appraisal_id = a.id
            GROUP BY a.zone_id, a.id, a.year, a.status, a.policy_version, r.grade
            """).all() {
            let zoneID = try row.decode(column: "zone_id", as: Int64.self), year = try row.decode(column: "year", as: Int.self)
            if let current = latest[zoneID], current.year > year { continue }
            let id = try row.decode(column: "id", as: Int64.self)
            if latest[zoneID]?.id != id {
                latest[zoneID] = Latest(id: id, year: year, status: try row.decode(column: "status", as: StoredAppraisal.Status.self, table: "appraisals"),
                                        policyVersion: try row.decode(column: "policy_version", as: Int.self), counts: [:])
            }
            latest[zoneID]!.counts[try row.decode(column: "grade", as: String.self), default: 0] += try row.decode(column: "n", as: Int.self)
        }
        guard !latest.isEmpty else { return }
        var schemes: [Int64: GradeScheme] = [:]
        for row in try await db.raw("SELECT zone_id, version, document FROM zone_policies").all() {
            let zoneID = try row.decode(column: "zone_id", as: Int64.self)
            guard let wanted = latest[zoneID], wanted.policyVersion == (try row.decode(column: "version", as: Int.self)) else { continue }
            schemes[zoneID] = (try? PolicyLoader.load(yaml: try row.decode(column: "document", as: String.self), source: "zone_policies"))?.appraisal.grades
        }
        for (zoneID, found) in latest {
            let scheme = schemes[zoneID]
            // Every grade of the policy, best first and empty ones included, so the first is always the
            // top grade; keys the policy does not know (none, unless edited by hand) go last.
            let known = scheme?.keys ?? []
            let keys = known + found.counts.keys.filter { !known.contains($0) }.sorted()
            let counts = keys.map { ZoneFigures.Grades.Count(key: $0, label: scheme?[$0]?.label ?? $0, count: found.counts[$0] ?? 0) }
            byZone[zoneID]?.grades = ZoneFigures.Grades(appraisalID: found.id, year: found.year, status: found.status, counts: counts)
        }
    }
}
