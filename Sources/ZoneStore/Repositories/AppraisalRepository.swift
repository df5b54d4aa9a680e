import SQLKit
import ZoneCore

/// Annual appraisals (年度考核): the KPI cascade and its actual values, the other score parts,
/// 容错纠错 exemptions, computed results, publicity with objections, and consequence proposals.
/// Every write is audited in its own transaction.
public struct AppraisalRepository: Sendable {
    let database: ZoneDatabase
    let audit: AuditLog
    let clock: Clock
    let policies: PolicyRepository

    static let columns: SQLQueryString = "id, year, name, status, policy_version, publicity_ends, computed_at, version"

    public func all(zoneID: Int64) async throws -> [StoredAppraisal] {
        try await database.reader.raw("SELECT \(Self.columns) FROM appraisals WHERE zone_id = \(bind: zoneID) ORDER BY year DESC")
            .all().map(Self.appraisal)
    }

    public func find(id: Int64, zoneID: Int64, in db: (any SQLDatabase)? = nil) async throws -> StoredAppraisal? {
        try await (db ?? database.reader).raw("SELECT \(Self.columns) FROM appraisals WHERE id = \(bind: id) AND zone_id = \(bind: zoneID)")
            .first().map(Self.appraisal)
    }

    public func create(zoneID: Int64, year: Int, name: String, actor: String) async throws -> Int64 {
        guard (2000...2100).contains(year) else { throw StoreError.invalid("考核年度应在2000–2100之间，实际为\(year)") }
        guard !name.isEmpty else { throw StoreError.invalid("请填写考核名称") }
        let audit = audit, backend = database.backend, now = clock.isoTimestamp, policies = policies
        return try await database.transaction { tx in
            let policy = try await policies.require(zoneID: zoneID, in: tx)
            if try await tx.raw("SELECT id FROM appraisals WHERE zone_id = \(bind: zoneID) AND year = \(bind: year)").first() != nil {
                throw StoreError.duplicate("\(year)年度考核已存在")
            }
            let id = try await insertReturningID(tx, """
                INSERT INTO appraisals (zone_id, year, name, status, policy_version, created_by, created_at)
                VALUES (\(bind: zoneID), \(bind: year), \(bind: name), 'draft', \(bind: policy.version), \(bind: actor), \(bind: now))
                """)
            try await audit.append(AuditEntry(actor: actor, action: "appraisal.create", entity: "appraisal", entityID: String(id),
                                              detail: "year=\(year); policy_version=\(policy.version)", zoneID: zoneID), in: tx, backend: backend)
            return id
        }
    }

    /// Runs `body` on an appraisal in the given statuses under the zone lock, bumps its version and
    /// audits `action`. Changing inputs of a computed appraisal sends it back to draft and drops
    /// the results, so a stale result can never be published.
    @discardableResult
    func change<R: Sendable>(_ appraisalID: Int64, zoneID: Int64, allowed: Set<StoredAppraisal.Status>, actor: String, action: String,
                             detail: String, _ body: @escaping @Sendable (any SQLDatabase, StoredAppraisal) async throws -> R) async throws -> R {
        let audit = audit, backend = database.backend, repo = self
        return try await database.transaction { tx in
            try await QuotaRepository.lockZone(zoneID, in: tx, backend: backend)
            guard let appraisal = try await repo.find(id: appraisalID, zoneID: zoneID, in: tx) else {
                throw StoreError.notFound("考核 \(appraisalID)", english: "appraisal \(appraisalID)")
            }
            guard allowed.contains(appraisal.status) else {
                throw StoreError.invalid("考核当前为“\(appraisal.status.label)”，不能进行此操作",
                                         english: "the appraisal is \(appraisal.status.rawValue); this step is not allowed now")
            }
            let result = try await body(tx, appraisal)
            try await tx.raw("UPDATE appraisals SET version = version + 1 WHERE id = \(bind: appraisalID)").run()
            try await audit.append(AuditEntry(actor: actor, action: action, entity: "appraisal", entityID: String(appraisalID), detail: detail, zoneID: zoneID),
                                   in: tx, backend: backend)
            return result
        }
    }

    /// `change` for inputs: allowed before publication, and it discards computed results.
    @discardableResult
    func changeInputs<R: Sendable>(_ appraisalID: Int64, zoneID: Int64, actor: String, action: String, detail: String,
                                   _ body: @escaping @Sendable (any SQLDatabase, StoredAppraisal) async throws -> R) async throws -> R {
        try await change(appraisalID, zoneID: zoneID, allowed: [.draft, .computed], actor: actor, action: action, detail: detail) { tx, appraisal in
            let result = try await body(tx, appraisal)
            if appraisal.status == .computed {
                try await Self.dropResults(appraisalID, in: tx)
                try await tx.raw("UPDATE appraisals SET status = 'draft', computed_at = NULL WHERE id = \(bind: appraisalID)").run()
            }
            return result
        }
    }

    static func dropResults(_ appraisalID: Int64, in tx: any SQLDatabase) async throws {
        for table in ["appraisal_results", "appraisal_groups"] {
            try await tx.raw("DELETE FROM \(unsafeRaw: table) WHERE appraisal_id = \(bind: appraisalID)").run()
        }
        try await tx.raw("UPDATE department_results SET score = NULL WHERE appraisal_id = \(bind: appraisalID)").run()
    }

    // MARK: KPI cascade

    static let indicatorColumns: SQLQueryString = """
        id, parent_id, level, unit_id, person_id, name, measure, weight, rule, data_source, owner, cycle, actual
        """

    public func indicators(appraisalID: Int64, in db: (any SQLDatabase)? = nil) async throws -> [StoredIndicator] {
        try await (db ?? database.reader).raw("""
            SELECT \(Self.indicatorColumns) FROM indicators WHERE appraisal_id = \(bind: appraisalID) ORDER BY id
            """).all().map(Self.indicator)
    }

    /// Indicators per appraisal year, for the streamlining report (新余: 162 → 69).
    public func indicatorCounts(zoneID: Int64) async throws -> [Int: Int] {
        var counts: [Int: Int] = [:]
        for row in try await database.reader.raw("""
            SELECT a.year, COUNT(i.id) AS n FROM appraisals a LEFT JOIN indicators i ON i.appraisal_id = a.id
            WHERE a.zone_id = \(bind: zoneID) GROUP BY a.year
            """).all() {
            counts[try row.decode(column: "year", as: Int.self)] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }

    @discardableResult
    public func addIndicator(_ new: NewIndicator, appraisalID: Int64, zoneID: Int64, actor: String) async throws -> Int64 {
        try Self.validate(new)
        return try await changeInputs(appraisalID, zoneID: zoneID, actor: actor, action: "appraisal.indicator.add",
                               detail: "level=\(new.level.rawValue); name=\(new.name); weight=\(new.weight); rule=\(new.rule.storedText)") { tx, _ in
            if let parentID = new.parentID {
                guard let row = try await tx.raw("""
                    SELECT level, unit_id FROM indicators WHERE id = \(bind: parentID) AND appraisal_id = \(bind: appraisalID)
                    """).first() else { throw StoreError.notFound("上级指标 \(parentID)") }
                let parentLevel = try row.decode(column: "level", as: String.self)
                guard parentLevel == new.level.parent?.rawValue else {
                    throw StoreError.invalid("\(new.level.label)只能分解自\(new.level.parent?.label ?? "（无）")")
                }
            }
            if let unitID = new.unitID {
                guard try await tx.raw("SELECT id FROM units WHERE id = \(bind: unitID) AND zone_id = \(bind: zoneID)").first() != nil else {
                    throw StoreError.notFound("单位 \(unitID)")
                }
            }
            if let personID = new.personID {
                guard try await PersonRepository.find(personID, zoneID: zoneID, in: tx) != nil else { throw StoreError.notFound("人员 \(personID)") }
            }
            return try await insertReturningID(tx, """
                INSERT INTO indicators (appraisal_id, parent_id, level, unit_id, person_id, name, measure, weight, rule, data_source, owner, cycle)
                VALUES (\(bind: appraisalID), \(bind: new.parentID), \(bind: new.level.rawValue), \(bind: new.unitID), \(bind: new.personID),
                        \(bind: new.name), \(bind: new.measure), \(bind: new.weight), \(bind: new.rule.storedText), \(bind: new.dataSource),
                        \(bind: new.owner), \(bind: new.cycle.rawValue))
                """)
        }
    }

    /// Field-level checks before anything is written: the level's owner, the weight and the rule.
    static func validate(_ new: NewIndicator) throws {
        guard !new.name.isEmpty else { throw StoreError.invalid("请填写指标名称") }
        switch new.level {
        case .zone where new.unitID != nil || new.personID != nil:
            throw StoreError.invalid("园区指标不属于具体单位或个人")
        case .department where new.unitID == nil || new.personID != nil:
            throw StoreError.invalid("部门指标须选择责任单位")
        case .person where new.personID == nil:
            throw StoreError.invalid("个人指标须选择人员")
        default: break
        }
        if let problem = Indicator(weight: new.weight, rule: new.rule).problem {
            throw StoreError.invalid("指标“\(new.name)”\(problem.chinese)")
        }
    }

    public func removeIndicator(_ indicatorID: Int64, appraisalID: Int64, zoneID: Int64, actor: String) async throws {
        try await changeInputs(appraisalID, zoneID: zoneID, actor: actor, action: "appraisal.indicator.remove", detail: "indicator=\(indicatorID)") { tx, _ in
            if try await tx.raw("SELECT id FROM indicators WHERE parent_id = \(bind: indicatorID)").first() != nil {
                throw StoreError.invalid("该指标已分解到下级，请先删除下级指标")
            }
            try await tx.raw("DELETE FROM appraisal_exemptions WHERE indicator_id = \(bind: indicatorID) AND appraisal_id = \(bind: appraisalID)").run()
            try await tx.raw("DELETE FROM indicators WHERE id = \(bind: indicatorID) AND appraisal_id = \(bind: appraisalID)").run()
        }
    }

    /// Enters actual values (unit × 100; nil clears). Unknown indicators are refused.
    public func setActuals(_ actuals: [Int64: Int64?], appraisalID: Int64, zoneID: Int64, actor: String) async throws {
        let detail = actuals.keys.sorted().map { "\($0)=\(actuals[$0]!.map(String.init) ?? "")" }.joined(separator: ",")
        try await changeInputs(appraisalID, zoneID: zoneID, actor: actor, action: "appraisal.actuals", detail: detail) { tx, _ in
            for (indicatorID, actual) in actuals.sorted(by: { $0.key < $1.key }) {
                guard try await tx.raw("SELECT id FROM indicators WHERE id = \(bind: indicatorID) AND appraisal_id = \(bind: appraisalID)").first() != nil else {
                    throw StoreError.notFound("指标 \(indicatorID)")
                }
                try await tx.raw("UPDATE indicators SET actual = \(bind: actual) WHERE id = \(bind: indicatorID)").run()
            }
        }
    }

    // MARK: Other parts, exemptions, coefficients, approvals

    public func inputs(appraisalID: Int64, in db: (any SQLDatabase)? = nil) async throws -> [Int64: AppraisalInput] {
        let rows = try await (db ?? database.reader).raw("""
            SELECT person_id, peer360, leader, worklog_submitted, worklog_required, seniority_months
            FROM appraisal_inputs WHERE appraisal_id = \(bind: appraisalID)
            """).all()
        var out: [Int64: AppraisalInput] = [:]
        for row in rows {
            let input = AppraisalInput(personID: try row.decode(column: "person_id", as: Int64.self), peer360: try row.decode(column: "peer360", as: Int.self),
                                       leader: try row.decode(column: "leader", as: Int.self),
                                       worklogSubmitted: try row.decode(column: "worklog_submitted", as: Int.self),
                                       worklogRequired: try row.decode(column: "worklog_required", as: Int.self),
                                       seniorityMonths: try row.decode(column: "seniority_months", as: Int.self))
            out[input.personID] = input
        }
        return out
    }

    public func inputCount(appraisalID: Int64) async throws -> Int {
        try await database.reader.raw("SELECT COUNT(*) AS n FROM appraisal_inputs WHERE appraisal_id = \(bind: appraisalID)")
            .first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Upserts the non-KPI parts for everyone given, all or nothing; every row is checked first.
    /// Work-log counts are checked under the weights of the appraisal's policy version: where work logs weigh 0, 0/0 is accepted.
    public func setInputs(_ inputs: [AppraisalInput], appraisalID: Int64, zoneID: Int64, actor: String) async throws {
        let policies = policies
        try await changeInputs(appraisalID, zoneID: zoneID, actor: actor, action: "appraisal.inputs", detail: "people=\(inputs.count)") { tx, appraisal in
            let weights = try await policies.require(zoneID: zoneID, version: appraisal.policyVersion, in: tx).policy.appraisal.weights
            var problems: [String] = []
            for (index, input) in inputs.enumerated() {
                let row = "第\(index + 1)行"
                if !(0...10_000).contains(input.peer360) { problems.append("\(row)：360测评得分应在0–100之间") }
                if !(0...10_000).contains(input.leader) { problems.append("\(row)：领导评价得分应在0–100之间") }
                if let problem = PersonScoring.worklogProblem(submitted: input.worklogSubmitted, required: input.worklogRequired, weights: weights) {
                    problems.append("\(row)：\(problem.message)")
                }
                if !(0...65_535).contains(input.seniorityMonths) { problems.append("\(row)：工龄月数应在0–65535之间") }
            }
            if Set(inputs.map(\.personID)).count != inputs.count { problems.append("同一人员出现多次") }
            if !problems.isEmpty { throw StoreError.invalid(problems.joined(separator: "；")) }
            let ids = inputs.map(\.personID)
            var known = Set<Int64>()
            var start = 0
            while start < ids.count {
                let chunk = Array(ids[start..<min(start + 500, ids.count)])
                for row in try await tx.raw("SELECT id FROM people WHERE zone_id = \(bind: zoneID) AND id IN (\(binds: chunk))").all() {
                    known.insert(try row.decode(column: "id", as: Int64.self))
                }
                start += 500
            }
            if let unknown = ids.first(where: { !known.contains($0) }) { throw StoreError.notFound("人员 \(unknown)") }
            for chunkStart in stride(from: 0, to: ids.count, by: 500) {
                let chunk = Array(ids[chunkStart..<min(chunkStart + 500, ids.count)])
                try await tx.raw("DELETE FROM appraisal_inputs WHERE appraisal_id = \(bind: appraisalID) AND person_id IN (\(binds: chunk))").run()
            }
            try await insertRows(tx, into: "appraisal_inputs",
                                 columns: ["appraisal_id", "person_id", "peer360", "leader", "worklog_submitted", "worklog_required", "seniority_months"],
                                 rows: inputs.map { [appraisalID, $0.personID, $0.peer360, $0.leader, $0.worklogSubmitted, $0.worklogRequired, $0.seniorityMonths] })
        }
    }

    public func exemptions(appraisalID: Int64, in db: (any SQLDatabase)? = nil) async throws -> [AppraisalExemptionRow] {
        try await (db ?? database.reader).raw("""
            SELECT person_id, indicator_id, reason, approver, recorded_by FROM appraisal_exemptions
            WHERE appraisal_id = \(bind: appraisalID) ORDER BY person_id, indicator_id
            """).all().map { row in
            AppraisalExemptionRow(personID: try row.decode(column: "person_id", as: Int64.self),
                                  indicatorID: try row.decode(column: "indicator_id", as: Int64.self),
                                  reason: try row.decode(column: "reason", as: String.self), approver: try row.decode(column: "approver", as: String.self),
                                  recordedBy: try row.decode(column: "recorded_by", as: String.self))
        }
    }

    /// 容错纠错: records that an item indicator does not count for a person, with reason and approver.
    public func exempt(personID: Int64, indicatorID: Int64, reason: String, approver: String, appraisalID: Int64, zoneID: Int64,
                       actor: String) async throws {
        guard !reason.isEmpty, !approver.isEmpty else { throw StoreError.invalid("容错免责须写明理由和批准人") }
        let now = clock.isoTimestamp
        try await changeInputs(appraisalID, zoneID: zoneID, actor: actor, action: "appraisal.exempt",
                               detail: "person=\(personID); indicator=\(indicatorID); approver=\(approver); reason=\(reason)") { tx, _ in
            guard let row = try await tx.raw("SELECT rule, name FROM indicators WHERE id = \(bind: indicatorID) AND appraisal_id = \(bind: appraisalID)").first(),
                  let rule = IndicatorRule(storedText: try row.decode(column: "rule", as: String.self)) else { throw StoreError.notFound("指标 \(indicatorID)") }
            guard rule.isExemptible else {
                throw StoreError.invalid("“\(try row.decode(column: "name", as: String.self))”为计权指标，只有加分、扣分、一票否决项可以容错免责")
            }
            guard try await PersonRepository.find(personID, zoneID: zoneID, in: tx) != nil else { throw StoreError.notFound("人员 \(personID)") }
            if try await tx.raw("""
                SELECT person_id FROM appraisal_exemptions WHERE appraisal_id = \(bind: appraisalID) AND person_id = \(bind: personID) AND indicator_id = \(bind: indicatorID)
                """).first() != nil { throw StoreError.duplicate("该人员此项已容错免责") }
            try await tx.raw("""
                INSERT INTO appraisal_exemptions (appraisal_id, person_id, indicator_id, reason, approver, recorded_by, recorded_at)
                VALUES (\(bind: appraisalID), \(bind: personID), \(bind: indicatorID), \(bind: reason), \(bind: approver), \(bind: actor), \(bind: now))
                """).run()
        }
    }

    /// An assigned department value coefficient (潍坊: 人力资源部提出，党工委管委会审定), in ‰.
    public func assignCoefficient(unitID: Int64, milli: Int, appraisalID: Int64, zoneID: Int64, actor: String) async throws {
        let policies = policies
        try await changeInputs(appraisalID, zoneID: zoneID, actor: actor, action: "appraisal.coefficient", detail: "unit=\(unitID); milli=\(milli)") { tx, appraisal in
            let rule = try await policies.require(zoneID: zoneID, version: appraisal.policyVersion, in: tx).policy.appraisal.departmentCoefficient
            guard rule.source == .assigned else { throw StoreError.invalid("本园区政策按部门得分换算价值系数，不能直接指定") }
            let value = Double(milli) / 1000
            guard rule.range.contains(value) else {
                throw StoreError.invalid("价值系数 \(FixedPoint.format(milli, places: 3)) 超出政策范围 \(rule.range.lowerBound)–\(rule.range.upperBound)")
            }
            guard try await tx.raw("SELECT id FROM units WHERE id = \(bind: unitID) AND zone_id = \(bind: zoneID)").first() != nil else {
                throw StoreError.notFound("单位 \(unitID)")
            }
            try await tx.raw("DELETE FROM department_results WHERE appraisal_id = \(bind: appraisalID) AND unit_id = \(bind: unitID)").run()
            try await tx.raw("""
                INSERT INTO department_results (appraisal_id, unit_id, coefficient_milli) VALUES (\(bind: appraisalID), \(bind: unitID), \(bind: milli))
                """).run()
        }
    }

    /// Records the approval that lets a comparison group have the higher 优秀 share (≤ 25%).
    public func approveHigherCap(groupKey: Int64, document: String, appraisalID: Int64, zoneID: Int64, actor: String) async throws {
        guard !document.isEmpty else { throw StoreError.invalid("请填写批准文号") }
        try await changeInputs(appraisalID, zoneID: zoneID, actor: actor, action: "appraisal.cap_approval", detail: "group=\(groupKey); document=\(document)") { tx, _ in
            try await tx.raw("DELETE FROM appraisal_cap_approvals WHERE appraisal_id = \(bind: appraisalID) AND group_key = \(bind: groupKey)").run()
            try await tx.raw("""
                INSERT INTO appraisal_cap_approvals (appraisal_id, group_key, document, recorded_by)
                VALUES (\(bind: appraisalID), \(bind: groupKey), \(bind: document), \(bind: actor))
                """).run()
        }
    }

    public func capApprovals(appraisalID: Int64, in db: (any SQLDatabase)? = nil) async throws -> [Int64: String] {
        var out: [Int64: String] = [:]
        for row in try await (db ?? database.reader).raw("SELECT group_key, document FROM appraisal_cap_approvals WHERE appraisal_id = \(bind: appraisalID)").all() {
            out[try row.decode(column: "group_key", as: Int64.self)] = try row.decode(column: "document", as: String.self)
        }
        return out
    }

    static func appraisal(_ row: any SQLRow) throws -> StoredAppraisal {
        StoredAppraisal(id: try row.decode(column: "id", as: Int64.self), year: try row.decode(column: "year", as: Int.self),
                        name: try row.decode(column: "name", as: String.self),
                        status: try row.decode(column: "status", as: StoredAppraisal.Status.self, table: "appraisals"),
                        policyVersion: try row.decode(column: "policy_version", as: Int.self),
                        publicityEnds: try row.decode(column: "publicity_ends", as: String?.self),
                        computedAt: try row.decode(column: "computed_at", as: String?.self), version: try row.decode(column: "version", as: Int.self))
    }

    static func indicator(_ row: any SQLRow) throws -> StoredIndicator {
        let ruleText = try row.decode(column: "rule", as: String.self)
        guard let rule = IndicatorRule(storedText: ruleText) else { throw StoreError.invalid("指标计分规则无法读取：\(ruleText)") }
        return StoredIndicator(id: try row.decode(column: "id", as: Int64.self), parentID: try row.decode(column: "parent_id", as: Int64?.self),
                               level: try row.decode(column: "level", as: StoredIndicator.Level.self, table: "indicators"),
                               unitID: try row.decode(column: "unit_id", as: Int64?.self), personID: try row.decode(column: "person_id", as: Int64?.self),
                               name: try row.decode(column: "name", as: String.self), measure: try row.decode(column: "measure", as: String.self),
                               weight: try row.decode(column: "weight", as: Int.self), rule: rule,
                               dataSource: try row.decode(column: "data_source", as: String.self), owner: try row.decode(column: "owner", as: String.self),
                               cycle: try row.decode(column: "cycle", as: AppraisalCycle.self, table: "indicators"),
                               actual: try row.decode(column: "actual", as: Int64?.self))
    }
}
