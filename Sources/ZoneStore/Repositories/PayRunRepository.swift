import Foundation
import SQLKit
import ZoneCore

/// Performance-pay runs: created for a period from a final appraisal as a preview, approved by a
/// leader, locked (paid) by the office. The database allows one run in preparation and one paid
/// run per period, so a period is never paid twice; a correction is a new run that, when locked,
/// reverses the old one in the same transaction.
public struct PayRunRepository: Sendable {
    let database: ZoneDatabase
    let audit: AuditLog
    let clock: Clock
    let policies: PolicyRepository
    let appraisals: AppraisalRepository

    static let columns: SQLQueryString = """
        id, period, appraisal_id, status, pool_fen, paid_fen, unallocated_fen, reward_fen, headcount, pool_basis, checksum, corrects_id,
        version, created_by, created_at, approved_by, locked_by, locked_at
        """

    public func all(zoneID: Int64) async throws -> [StoredPayRun] {
        try await database.reader.raw("SELECT \(Self.columns) FROM pay_runs WHERE zone_id = \(bind: zoneID) ORDER BY period DESC, id DESC")
            .all().map(Self.run)
    }

    public func find(id: Int64, zoneID: Int64, in db: (any SQLDatabase)? = nil) async throws -> StoredPayRun? {
        try await (db ?? database.reader).raw("SELECT \(Self.columns) FROM pay_runs WHERE id = \(bind: id) AND zone_id = \(bind: zoneID)")
            .first().map(Self.run)
    }

    public func packages(runID: Int64) async throws -> [PayPackageRow] {
        try await database.reader.raw("""
            SELECT unit_id, headcount, coefficient_milli, package_fen, unallocated_fen FROM pay_packages WHERE run_id = \(bind: runID) ORDER BY unit_id
            """).all().map { row in
            PayPackageRow(unitID: try row.decode(column: "unit_id", as: Int64?.self), headcount: try row.decode(column: "headcount", as: Int.self),
                                 coefficientMilli: try row.decode(column: "coefficient_milli", as: Int.self),
                                 packageFen: try row.decode(column: "package_fen", as: Int64.self),
                                 unallocatedFen: try row.decode(column: "unallocated_fen", as: Int64.self))
        }
    }

    static let lineColumns: SQLQueryString = """
        l.run_id, l.person_id, p.name, l.unit_id, l.post_coefficient_milli, l.score, l.grade, l.performance_fen, l.reward_fen, l.total_fen
        """

    public func lines(runID: Int64) async throws -> [PayLineRow] {
        try await database.reader.raw("""
            SELECT \(Self.lineColumns) FROM pay_lines l JOIN people p ON p.id = l.person_id WHERE l.run_id = \(bind: runID) ORDER BY l.unit_id, l.person_id
            """).all().map(Self.line)
    }

    /// A person's lines in paid runs (and the reversed ones, marked by their run), newest first: the pay slips.
    public func slips(personID: Int64, zoneID: Int64) async throws -> [(run: StoredPayRun, line: PayLineRow)] {
        let runs = Dictionary(uniqueKeysWithValues: try await all(zoneID: zoneID).map { ($0.id, $0) })
        return try await database.reader.raw("""
            SELECT \(Self.lineColumns) FROM pay_lines l JOIN people p ON p.id = l.person_id JOIN pay_runs r ON r.id = l.run_id
            WHERE l.person_id = \(bind: personID) AND r.zone_id = \(bind: zoneID) AND r.status IN ('locked', 'reversed') ORDER BY r.period DESC, r.id DESC
            """).all().map(Self.line).compactMap { line in runs[line.runID].map { ($0, line) } }
    }

    /// The run this one is compared with: the run it corrects, else the latest paid run of an earlier period.
    public func previous(of run: StoredPayRun, zoneID: Int64) async throws -> StoredPayRun? {
        if let corrects = run.correctsID { return try await find(id: corrects, zoneID: zoneID) }
        return try await database.reader.raw("""
            SELECT \(Self.columns) FROM pay_runs WHERE zone_id = \(bind: zoneID) AND status = 'locked' AND period < \(bind: run.period)
            ORDER BY period DESC LIMIT 1
            """).first().map(Self.run)
    }

    // MARK: Creating

    public func create(_ request: PayRunRequest, zoneID: Int64, actor: String,
                       progress: (@Sendable (PayRunProgress) -> Void)? = nil) async throws -> Int64 {
        try await create(request, correcting: nil, zoneID: zoneID, actor: actor, progress: progress)
    }

    /// A correction of a paid run: a new preview for the same period that, once locked, replaces it.
    public func correct(runID: Int64, with request: PayRunRequest, zoneID: Int64, actor: String) async throws -> Int64 {
        try await create(request, correcting: runID, zoneID: zoneID, actor: actor)
    }

    func create(_ request: PayRunRequest, correcting: Int64?, zoneID: Int64, actor: String,
                progress: (@Sendable (PayRunProgress) -> Void)? = nil) async throws -> Int64 {
        guard request.period.wholeMatch(of: /\d{4}(-(0[1-9]|1[0-2]))?/) != nil else {
            throw StoreError.invalid("发放期间应为年度（如 2025）或月份（如 2025-06），实际为“\(request.period)”",
                                     english: "the period must be a year (2025) or a month (2025-06), not \"\(request.period)\"")
        }
        let repo = self, audit = audit, backend = database.backend, now = clock.isoTimestamp
        return try await database.transaction { tx in
            try await QuotaRepository.lockZone(zoneID, in: tx, backend: backend)
            let paid = try await tx.raw("SELECT id FROM pay_runs WHERE zone_id = \(bind: zoneID) AND period = \(bind: request.period) AND status = 'locked'")
                .first()?.decode(column: "id", as: Int64.self)
            if let correcting {
                guard paid == correcting else { throw StoreError.invalid("只能更正本期间已发放（锁定）的批次") }
            } else if let paid {
                throw StoreError.duplicate("\(request.period) 已发放（第\(paid)号批次），不会重复发放；如需更正请在该批次上选择“更正”",
                                          english: "\(request.period) is already paid (run \(paid)) and is not paid twice; to correct it, choose 更正 on that run")
            }
            if let open = try await tx.raw("""
                SELECT id FROM pay_runs WHERE zone_id = \(bind: zoneID) AND period = \(bind: request.period) AND status IN ('preview', 'approved')
                """).first()?.decode(column: "id", as: Int64.self) {
                throw StoreError.duplicate("\(request.period) 已有待审批或待发放的批次（第\(open)号），请先处理该批次",
                                          english: "\(request.period) already has a run awaiting approval or payment (run \(open)); deal with it first")
            }
            let computed = try await repo.calculate(request, zoneID: zoneID, in: tx)
            let result = computed.result
            progress?(.read(people: result.lines.count))
            progress?(.computed(paidFen: result.paidFen))
            let id = try await insertReturningID(tx, """
                INSERT INTO pay_runs (zone_id, period, appraisal_id, status, pool_fen, paid_fen, unallocated_fen, reward_fen, headcount,
                                      pool_basis, checksum, corrects_id, created_by, created_at)
                VALUES (\(bind: zoneID), \(bind: request.period), \(bind: request.appraisalID), 'preview', \(bind: result.poolFen),
                        \(bind: result.paidFen), \(bind: result.unallocatedFen), \(bind: result.rewardFen), \(bind: result.lines.count),
                        \(bind: computed.basis), \(bind: Self.checksum(result)), \(bind: correcting), \(bind: actor), \(bind: now))
                """)
            try await insertRows(tx, into: "pay_packages", columns: ["run_id", "unit_id", "headcount", "coefficient_milli", "package_fen", "unallocated_fen"],
                                 rows: result.packages.map { [id, $0.departmentID, $0.headcount, $0.coefficientMilli, $0.packageFen, $0.unallocatedFen] })
            try await insertRows(tx, into: "pay_lines", columns: [
                "run_id", "person_id", "unit_id", "post_coefficient_milli", "score", "grade", "performance_fen", "reward_fen", "total_fen",
            ], rows: zip(result.lines, computed.people).map { line, person in
                [id, line.personID, person.unitID, person.postCoefficientMilli, person.score, person.grade, line.performanceFen, line.rewardFen, line.totalFen]
            }, chunk: 1_000, written: Self.lineProgress(progress, total: result.lines.count))
            try await audit.append(AuditEntry(actor: actor, action: correcting == nil ? "pay_run.create" : "pay_run.correct", entity: "pay_run",
                                              entityID: String(id),
                                              detail: "period=\(request.period); pool=\(result.poolFen); paid=\(result.paidFen); rewards=\(result.rewardFen); people=\(result.lines.count); corrects=\(correcting.map(String.init) ?? "")", zoneID: zoneID),
                                   in: tx, backend: backend)
            return id
        }
    }

    /// Who is paid, from the final appraisal, in person id order.
    struct Payee: Sendable {
        let personID: Int64
        let unitID: Int64
        let postCoefficientMilli: Int64
        let score: Int
        let grade: String
    }

    /// Computes a run without writing it.
    func calculate(_ request: PayRunRequest, zoneID: Int64, in tx: any SQLDatabase) async throws
        -> (result: PayRunCalculation.Result, people: [Payee], basis: String) {
        guard let appraisal = try await appraisals.find(id: request.appraisalID, zoneID: zoneID, in: tx) else {
            throw StoreError.notFound("考核 \(request.appraisalID)", english: "appraisal \(request.appraisalID)")
        }
        guard appraisal.status == .final else { throw StoreError.invalid("\(appraisal.name)尚未确定结果（公示期满并处理申诉后才能据以发放）",
                                                                                english: "the appraisal's results are not final yet (pay follows only after publicity and objections)") }
        let policy = try await policies.require(zoneID: zoneID, version: appraisal.policyVersion, in: tx).policy
        let payees = try await tx.raw("""
            SELECT r.person_id, r.unit_id, r.score, r.grade, COALESCE(po.pay_coefficient_milli, 1000) AS coefficient
            FROM appraisal_results r JOIN people p ON p.id = r.person_id LEFT JOIN posts po ON po.id = p.post_id
            WHERE r.appraisal_id = \(bind: appraisal.id) ORDER BY r.person_id
            """).all().map { row in
            Payee(personID: try row.decode(column: "person_id", as: Int64.self), unitID: try row.decode(column: "unit_id", as: Int64.self),
                  postCoefficientMilli: try row.decode(column: "coefficient", as: Int64.self), score: try row.decode(column: "score", as: Int.self),
                  grade: try row.decode(column: "grade", as: String.self))
        }
        guard !payees.isEmpty else { throw StoreError.invalid("考核结果中没有人员，无法发放", english: "the appraisal has no results to pay") }
        var coefficients: [Int64: Int64] = [:]
        for row in try await appraisals.departmentResults(appraisalID: appraisal.id, in: tx) { coefficients[row.unitID] = Int64(row.coefficientMilli) }

        var rewardFen: [Int64: Int64] = [:]
        for reward in try await rewards(zoneID: zoneID, period: request.period, in: tx) { rewardFen[reward.personID, default: 0] += reward.amountFen }
        let payeeIDs = Set(payees.map(\.personID))
        if let stranger = rewardFen.keys.sorted().first(where: { !payeeIDs.contains($0) }) {
            throw StoreError.invalid("一次性重奖人员 \(stranger) 不在本次考核结果中", english: "the one-off award for person \(stranger) is outside this appraisal's results")
        }

        let (pool, basis) = try Self.pool(request.pool, policy: policy)
        let ranks = Dictionary(uniqueKeysWithValues: policy.appraisal.grades.keys.enumerated().map { ($1, $0) })
        let people = try payees.map { payee in
            guard let rank = ranks[payee.grade] else { throw StoreError.invalid("等次 \(payee.grade) 不在政策等次中", english: "grade \(payee.grade) is not one of the policy's grades") }
            return PayRunCalculation.Person(personID: payee.personID, departmentID: payee.unitID, postCoefficientMilli: payee.postCoefficientMilli,
                                            score: Int32(payee.score), gradeRank: rank, rewardFen: rewardFen[payee.personID] ?? 0)
        }
        let result: PayRunCalculation.Result
        do { result = try PayRunCalculation.run(pool: pool, people: people, coefficients: coefficients, pay: policy.pay, appraisal: policy.appraisal) }
        catch { throw StoreError.invalid("分配失败：\(error.chineseMessage)", english: "the split failed: \(error.englishMessage)") }
        if let cap = policy.pay.totalCap {
            guard let average = request.averagePayFen, let base = request.baseTotalFen, average > 0, base >= 0 else {
                throw StoreError.invalid("本园区实行工资总控：请填写\(cap.basis)（元/人·年）和本期基本工资总额",
                                         english: "this zone caps total pay: give --average (yuan per person per year) and --base-total")
            }
            do { try cap.check(totalFen: base + result.paidFen + result.rewardFen, averageFen: average, headcount: people.count) } catch {
                throw StoreError.invalid(error.chineseMessage, english: error.englishMessage)
            }
        }
        return (result, payees, basis)
    }

    static func pool(_ pool: PayPool, policy: ZonePolicy) throws -> (Int64, String) {
        switch pool {
        case let .fixed(fen):
            guard fen > 0 else { throw StoreError.invalid("绩效工资总额须大于0", english: "the pool must be more than 0") }
            return (fen, "核定绩效工资总额 \(Fen.text(fen))")
        case let .fund(basisFen, zoneScore):
            guard let fund = policy.pay.performanceFund else { throw StoreError.invalid("本园区政策未按绩效资金倍数核定总额，请直接填写总额", english: "this zone's policy has no fund multiple; give --pool") }
            guard basisFen > 0, (0...ScoreScale.full).contains(zoneScore) else { throw StoreError.invalid("请填写绩效资金基数和园区目标考核得分（0–100）", english: "give the fund basis and a zone score from 0 to 100") }
            let tier = fund.tier(forScore: zoneScore)
            let fen = fund.poolFen(basisFen: basisFen, zoneScore: zoneScore)
            return (fen, "\(fund.basis) \(Fen.text(basisFen)) × \(tier.multiple) 倍（园区目标考核得分 \(ScoreScale.text(zoneScore))，≥\(tier.minScore) 分档）")
        }
    }

    /// Reports written lines as run progress.
    static func lineProgress(_ progress: (@Sendable (PayRunProgress) -> Void)?, total: Int) -> (@Sendable (Int) -> Void)? {
        guard let progress else { return nil }
        return { progress(.written(lines: $0, of: total)) }
    }

    static func checksum(_ result: PayRunCalculation.Result) -> String {
        sha256Hex(result.lines.map { "\($0.personID):\($0.performanceFen):\($0.rewardFen)" }.joined(separator: "\n"))
    }

    // MARK: Approving, paying, correcting

    func change(_ runID: Int64, zoneID: Int64, from: Set<StoredPayRun.Status>, actor: String, action: String,
                _ body: @escaping @Sendable (any SQLDatabase, StoredPayRun) async throws -> Void) async throws {
        let repo = self, audit = audit, backend = database.backend
        try await database.transaction { tx in
            try await QuotaRepository.lockZone(zoneID, in: tx, backend: backend)
            guard let run = try await repo.find(id: runID, zoneID: zoneID, in: tx) else { throw StoreError.notFound("发放批次 \(runID)") }
            guard from.contains(run.status) else { throw StoreError.invalid("发放批次当前为“\(run.status.label)”，不能进行此操作") }
            try await body(tx, run)
            try await tx.raw("UPDATE pay_runs SET version = version + 1 WHERE id = \(bind: runID)").run()
            try await audit.append(AuditEntry(actor: actor, action: action, entity: "pay_run", entityID: String(runID),
                                              detail: "period=\(run.period); paid=\(run.paidFen); checksum=\(run.checksum)", zoneID: zoneID), in: tx, backend: backend)
        }
    }

    public func approve(runID: Int64, zoneID: Int64, actor: String) async throws {
        let now = clock.isoTimestamp
        try await change(runID, zoneID: zoneID, from: [.preview], actor: actor, action: "pay_run.approve") { tx, _ in
            try await tx.raw("UPDATE pay_runs SET status = 'approved', approved_by = \(bind: actor), approved_at = \(bind: now) WHERE id = \(bind: runID)").run()
        }
    }

    /// Pays: the run is locked; a correction reverses the run it corrects in the same transaction.
    public func lock(runID: Int64, zoneID: Int64, actor: String) async throws {
        let now = clock.isoTimestamp
        try await change(runID, zoneID: zoneID, from: [.approved], actor: actor, action: "pay_run.lock") { tx, run in
            if let corrects = run.correctsID {
                try await tx.raw("UPDATE pay_runs SET status = 'reversed', version = version + 1 WHERE id = \(bind: corrects) AND status = 'locked'").run()
            }
            try await tx.raw("UPDATE pay_runs SET status = 'locked', locked_by = \(bind: actor), locked_at = \(bind: now) WHERE id = \(bind: runID)").run()
        }
    }

    /// Drops a run that has not been paid (it stays on record as 已作废).
    public func discard(runID: Int64, zoneID: Int64, actor: String) async throws {
        try await change(runID, zoneID: zoneID, from: [.preview, .approved], actor: actor, action: "pay_run.discard") { tx, _ in
            try await tx.raw("UPDATE pay_runs SET status = 'discarded' WHERE id = \(bind: runID)").run()
        }
    }

    // MARK: One-off rewards

    public func rewards(zoneID: Int64, period: String? = nil, in db: (any SQLDatabase)? = nil) async throws -> [PayReward] {
        let db = db ?? database.reader
        let query: SQLQueryString = if let period {
            "SELECT id, period, person_id, amount_fen, reason, approval, recorded_by FROM pay_rewards WHERE zone_id = \(bind: zoneID) AND period = \(bind: period) ORDER BY id"
        } else {
            "SELECT id, period, person_id, amount_fen, reason, approval, recorded_by FROM pay_rewards WHERE zone_id = \(bind: zoneID) ORDER BY period DESC, id"
        }
        return try await db.raw(query).all().map { row in
            PayReward(id: try row.decode(column: "id", as: Int64.self), period: try row.decode(column: "period", as: String.self),
                      personID: try row.decode(column: "person_id", as: Int64.self), amountFen: try row.decode(column: "amount_fen", as: Int64.self),
                      reason: try row.decode(column: "reason", as: String.self), approval: try row.decode(column: "approval", as: String.self),
                      recordedBy: try row.decode(column: "recorded_by", as: String.self))
        }
    }

    /// 一次性重奖 (仪征): only where the policy has them, with the approval it requires, and not
    /// for a period already paid.
    public func addReward(period: String, personID: Int64, amountFen: Int64, reason: String, approval: String, zoneID: Int64,
                          actor: String) async throws {
        guard amountFen > 0 else { throw StoreError.invalid("奖励金额须大于0") }
        guard !reason.isEmpty else { throw StoreError.invalid("请写明奖励事由") }
        let repo = self, audit = audit, backend = database.backend, now = clock.isoTimestamp
        try await database.transaction { tx in
            try await QuotaRepository.lockZone(zoneID, in: tx, backend: backend)
            guard let rule = try await repo.policies.require(zoneID: zoneID, in: tx).policy.pay.oneOffRewards else {
                throw StoreError.invalid("本园区政策未设一次性重奖")
            }
            if rule.requiresApproval, approval.isEmpty { throw StoreError.invalid("一次性重奖须经批准，请填写批准文号") }
            guard try await PersonRepository.find(personID, zoneID: zoneID, in: tx) != nil else { throw StoreError.notFound("人员 \(personID)") }
            if try await tx.raw("SELECT id FROM pay_runs WHERE zone_id = \(bind: zoneID) AND period = \(bind: period) AND status IN ('approved', 'locked')")
                .first() != nil {
                throw StoreError.invalid("\(period) 的发放批次已审批或已发放；奖励请计入更正批次或下一期间")
            }
            let id = try await insertReturningID(tx, """
                INSERT INTO pay_rewards (zone_id, period, person_id, amount_fen, reason, approval, recorded_by, recorded_at)
                VALUES (\(bind: zoneID), \(bind: period), \(bind: personID), \(bind: amountFen), \(bind: reason), \(bind: approval), \(bind: actor), \(bind: now))
                """)
            try await audit.append(AuditEntry(actor: actor, action: "pay_reward.create", entity: "pay_reward", entityID: String(id),
                                              detail: "period=\(period); person=\(personID); amount=\(amountFen); approval=\(approval); purpose=\(rule.purpose)", zoneID: zoneID),
                                   in: tx, backend: backend)
        }
    }

    static func run(_ row: any SQLRow) throws -> StoredPayRun {
        StoredPayRun(id: try row.decode(column: "id", as: Int64.self), period: try row.decode(column: "period", as: String.self),
                     appraisalID: try row.decode(column: "appraisal_id", as: Int64.self),
                     status: try row.decode(column: "status", as: StoredPayRun.Status.self, table: "pay_runs"),
                     poolFen: try row.decode(column: "pool_fen", as: Int64.self), paidFen: try row.decode(column: "paid_fen", as: Int64.self),
                     unallocatedFen: try row.decode(column: "unallocated_fen", as: Int64.self), rewardFen: try row.decode(column: "reward_fen", as: Int64.self),
                     headcount: try row.decode(column: "headcount", as: Int.self), poolBasis: try row.decode(column: "pool_basis", as: String.self),
                     checksum: try row.decode(column: "checksum", as: String.self), correctsID: try row.decode(column: "corrects_id", as: Int64?.self),
                     version: try row.decode(column: "version", as: Int.self), createdBy: try row.decode(column: "created_by", as: String.self),
                     createdAt: try row.decode(column: "created_at", as: String.self), approvedBy: try row.decode(column: "approved_by", as: String?.self),
                     lockedBy: try row.decode(column: "locked_by", as: String?.self), lockedAt: try row.decode(column: "locked_at", as: String?.self))
    }

    static func line(_ row: any SQLRow) throws -> PayLineRow {
        PayLineRow(runID: try row.decode(column: "run_id", as: Int64.self), personID: try row.decode(column: "person_id", as: Int64.self),
                   name: try row.decode(column: "name", as: String.self), unitID: try row.decode(column: "unit_id", as: Int64.self),
                   postCoefficientMilli: try row.decode(column: "post_coefficient_milli", as: Int.self), score: try row.decode(column: "score", as: Int.self),
                   grade: try row.decode(column: "grade", as: String.self), performanceFen: try row.decode(column: "performance_fen", as: Int64.self),
                   rewardFen: try row.decode(column: "reward_fen", as: Int64.self), totalFen: try row.decode(column: "total_fen", as: Int64.self))
    }
}
