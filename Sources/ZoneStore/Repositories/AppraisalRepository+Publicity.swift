import SQLKit
import ZoneCore

extension AppraisalRepository {
    // MARK: Reading results

    public func results(appraisalID: Int64, in db: (any SQLDatabase)? = nil) async throws -> [AppraisalResultRow] {
        try await (db ?? database.reader).raw("""
            SELECT r.person_id, p.name, p.establishment, r.unit_id, r.group_key, r.kpi, r.worklog, r.score, r.grade, r.computed_grade,
                   r.bottom_band, r.vetoed, r.flagged
            FROM appraisal_results r JOIN people p ON p.id = r.person_id
            WHERE r.appraisal_id = \(bind: appraisalID) ORDER BY r.group_key, r.score DESC, r.person_id
            """).all().map { row in
            AppraisalResultRow(personID: try row.decode(column: "person_id", as: Int64.self), name: try row.decode(column: "name", as: String.self),
                               unitID: try row.decode(column: "unit_id", as: Int64.self),
                               establishment: try row.decode(column: "establishment", as: StaffCategory.self, table: "people"),
                               groupKey: try row.decode(column: "group_key", as: Int64.self), kpi: try row.decode(column: "kpi", as: Int.self),
                               worklog: try row.decode(column: "worklog", as: Int.self), score: try row.decode(column: "score", as: Int.self),
                               grade: try row.decode(column: "grade", as: String.self), computedGrade: try row.decode(column: "computed_grade", as: String.self),
                               bottomBand: try row.decode(column: "bottom_band", as: Int.self) != 0, vetoed: try row.decode(column: "vetoed", as: Int.self) != 0,
                               flagged: try row.decode(column: "flagged", as: Int.self) != 0)
        }
    }

    public func resultCount(appraisalID: Int64) async throws -> Int {
        try await database.reader.raw("SELECT COUNT(*) AS n FROM appraisal_results WHERE appraisal_id = \(bind: appraisalID)")
            .first()?.decode(column: "n", as: Int.self) ?? 0
    }

    public func groups(appraisalID: Int64) async throws -> [AppraisalGroupRow] {
        try await database.reader.raw("""
            SELECT group_key, size, vetoed, approved_cap, rounded_cap, cap_count, floor_count, eligible, top, ties
            FROM appraisal_groups WHERE appraisal_id = \(bind: appraisalID) ORDER BY group_key
            """).all().map { row in
            func int(_ column: String) throws -> Int32 { Int32(try row.decode(column: column, as: Int.self)) }
            return AppraisalGroupRow(groupKey: try row.decode(column: "group_key", as: Int64.self),
                                     tally: GroupTally(size: try int("size"), vetoed: try int("vetoed"), approvedCap: try int("approved_cap") != 0,
                                                       roundedCap: try int("rounded_cap"), capCount: try int("cap_count"),
                                                       floorCount: try int("floor_count"), eligible: try int("eligible"), top: try int("top")),
                                     ties: try row.decode(column: "ties", as: String.self))
        }
    }

    public func departmentResults(appraisalID: Int64, in db: (any SQLDatabase)? = nil) async throws -> [DepartmentResultRow] {
        try await (db ?? database.reader).raw("""
            SELECT unit_id, score, coefficient_milli FROM department_results WHERE appraisal_id = \(bind: appraisalID) ORDER BY unit_id
            """).all().map { row in
            DepartmentResultRow(unitID: try row.decode(column: "unit_id", as: Int64.self), score: try row.decode(column: "score", as: Int?.self),
                                coefficientMilli: try row.decode(column: "coefficient_milli", as: Int.self))
        }
    }

    // MARK: Publicity and objections

    /// 公示 from today, on the stored holiday calendar, for the publicity working days of the policy version the appraisal recorded
    /// when it started, not of the newest version: a policy loaded mid-year applies to next year's.
    /// (The recorded version never changes, so reading it before the transaction is safe.)
    public func publish(appraisalID: Int64, zoneID: Int64, actor: String) async throws {
        guard let appraisal = try await find(id: appraisalID, zoneID: zoneID) else { throw StoreError.notFound("考核 \(appraisalID)") }
        let days = try await policies.require(zoneID: zoneID, version: appraisal.policyVersion).policy.appraisal.publicityWorkingDays
        let calendar = try await HolidayRepository.calendar(in: database.reader)
        try await publish(appraisalID: appraisalID, zoneID: zoneID, ends: calendar.end(of: days, after: clock.today), actor: actor)
    }

    /// 公示: results are published until `ends` (the last of the policy's working days).
    public func publish(appraisalID: Int64, zoneID: Int64, ends: CivilDate, actor: String) async throws {
        try await change(appraisalID, zoneID: zoneID, allowed: [.computed], actor: actor, action: "appraisal.publish", detail: "publicity_ends=\(ends)") { tx, _ in
            try await tx.raw("UPDATE appraisals SET status = 'published', publicity_ends = \(bind: ends.description) WHERE id = \(bind: appraisalID)").run()
        }
    }

    public func objections(appraisalID: Int64) async throws -> [AppraisalObjection] {
        try await database.reader.raw("""
            SELECT id, person_id, reason, status, reply, new_grade, filed_at, decided_by FROM appraisal_objections
            WHERE appraisal_id = \(bind: appraisalID) ORDER BY id
            """).all().map { row in
            AppraisalObjection(id: try row.decode(column: "id", as: Int64.self), personID: try row.decode(column: "person_id", as: Int64.self),
                               reason: try row.decode(column: "reason", as: String.self),
                               status: try row.decode(column: "status", as: AppraisalObjection.Status.self, table: "appraisal_objections"),
                               reply: try row.decode(column: "reply", as: String?.self), newGrade: try row.decode(column: "new_grade", as: String?.self),
                               filedAt: try row.decode(column: "filed_at", as: String.self), decidedBy: try row.decode(column: "decided_by", as: String?.self))
        }
    }

    /// 申诉: a person appraised in this round objects to their result while the publicity runs.
    public func object(personID: Int64, reason: String, appraisalID: Int64, zoneID: Int64, actor: String) async throws {
        guard !reason.isEmpty else { throw StoreError.invalid("请写明申诉理由") }
        let today = clock.today.description, now = clock.isoTimestamp
        try await change(appraisalID, zoneID: zoneID, allowed: [.published], actor: actor, action: "appraisal.objection",
                         detail: "person=\(personID)") { tx, appraisal in
            if let ends = appraisal.publicityEnds, today > ends { throw StoreError.invalid("公示期已于\(ends)结束，不再受理申诉") }
            guard try await tx.raw("SELECT person_id FROM appraisal_results WHERE appraisal_id = \(bind: appraisalID) AND person_id = \(bind: personID)")
                .first() != nil else { throw StoreError.invalid("该人员不在本次考核结果中") }
            if try await tx.raw("""
                SELECT id FROM appraisal_objections WHERE appraisal_id = \(bind: appraisalID) AND person_id = \(bind: personID) AND status = 'pending'
                """).first() != nil { throw StoreError.duplicate("已有待复核的申诉") }
            try await tx.raw("""
                INSERT INTO appraisal_objections (appraisal_id, person_id, reason, status, filed_by, filed_at)
                VALUES (\(bind: appraisalID), \(bind: personID), \(bind: reason), 'pending', \(bind: actor), \(bind: now))
                """).run()
        }
    }

    /// Reviews an objection: rejected (the result stands) or upheld with a corrected grade. A
    /// correction into the top grade must still fit the group's cap.
    public func decideObjection(_ objectionID: Int64, upheld: Bool, newGrade: String?, reply: String, appraisalID: Int64, zoneID: Int64,
                                actor: String) async throws {
        guard !reply.isEmpty else { throw StoreError.invalid("请填写复核意见") }
        let now = clock.isoTimestamp, policies = policies
        try await change(appraisalID, zoneID: zoneID, allowed: [.published], actor: actor, action: "appraisal.objection.\(upheld ? "upheld" : "rejected")",
                         detail: "objection=\(objectionID); new_grade=\(newGrade ?? "")") { tx, appraisal in
            guard let row = try await tx.raw("""
                SELECT person_id FROM appraisal_objections WHERE id = \(bind: objectionID) AND appraisal_id = \(bind: appraisalID) AND status = 'pending'
                """).first() else { throw StoreError.notFound("待复核的申诉 \(objectionID)") }
            let personID = try row.decode(column: "person_id", as: Int64.self)
            if upheld {
                let rules = try await policies.require(zoneID: zoneID, version: appraisal.policyVersion, in: tx).policy.appraisal
                guard let newGrade, let rank = rules.grades.rank(of: newGrade) else { throw StoreError.invalid("请选择更正后的等次") }
                let topRank = rules.grades.rank(of: rules.distribution.top.grade) ?? 0
                if rank <= topRank {
                    try await Self.refuseOverCap(personID: personID, appraisalID: appraisalID, topKeys: Array(rules.grades.keys[...topRank]), in: tx)
                }
                try await tx.raw("UPDATE appraisal_results SET grade = \(bind: newGrade) WHERE appraisal_id = \(bind: appraisalID) AND person_id = \(bind: personID)").run()
            }
            try await tx.raw("""
                UPDATE appraisal_objections SET status = \(bind: upheld ? "upheld" : "rejected"), reply = \(bind: reply),
                    new_grade = \(bind: upheld ? newGrade : nil), decided_by = \(bind: actor), decided_at = \(bind: now)
                WHERE id = \(bind: objectionID)
                """).run()
        }
    }

    static func refuseOverCap(personID: Int64, appraisalID: Int64, topKeys: [String], in tx: any SQLDatabase) async throws {
        guard let row = try await tx.raw("""
            SELECT g.cap_count, g.group_key FROM appraisal_results r JOIN appraisal_groups g ON g.appraisal_id = r.appraisal_id AND g.group_key = r.group_key
            WHERE r.appraisal_id = \(bind: appraisalID) AND r.person_id = \(bind: personID)
            """).first() else { return }
        let cap = try row.decode(column: "cap_count", as: Int.self), group = try row.decode(column: "group_key", as: Int64.self)
        let count = try await tx.raw("""
            SELECT COUNT(*) AS n FROM appraisal_results WHERE appraisal_id = \(bind: appraisalID) AND group_key = \(bind: group)
            AND person_id <> \(bind: personID) AND grade IN (\(binds: topKeys))
            """).first()?.decode(column: "n", as: Int.self) ?? 0
        guard count < cap else {
            throw StoreError.invalid("该比较组优秀名额为\(cap)名，已有\(count)名，更正将超出比例；请先调整同组其他人员或报批提高比例")
        }
    }

    // MARK: Final results and consequences

    /// Makes the results final once the publicity has ended with no objection pending, and records
    /// the consequences the policy proposes (for a person to decide; nothing is applied).
    public func finalize(appraisalID: Int64, zoneID: Int64, actor: String) async throws {
        let today = clock.today.description, repo = self
        try await change(appraisalID, zoneID: zoneID, allowed: [.published], actor: actor, action: "appraisal.final", detail: "") { tx, appraisal in
            if let ends = appraisal.publicityEnds, today <= ends { throw StoreError.invalid("公示期至\(ends)，期满后方可确定结果") }
            let pending = try await tx.raw("SELECT COUNT(*) AS n FROM appraisal_objections WHERE appraisal_id = \(bind: appraisalID) AND status = 'pending'")
                .first()?.decode(column: "n", as: Int.self) ?? 0
            guard pending == 0 else { throw StoreError.invalid("尚有\(pending)件申诉未复核，复核后方可确定结果") }
            let rules = try await repo.policies.require(zoneID: zoneID, version: appraisal.policyVersion, in: tx).policy.appraisal
            let proposals = try await repo.proposals(for: appraisal, zoneID: zoneID, rules: rules, in: tx)
            try await insertRows(tx, into: "consequence_proposals", columns: ["appraisal_id", "person_id", "action", "reason"],
                                 rows: proposals.map { [appraisalID, $0.personID, $0.action.label, $0.reason] })
            try await tx.raw("UPDATE appraisals SET status = 'final' WHERE id = \(bind: appraisalID)").run()
        }
    }

    func proposals(for appraisal: StoredAppraisal, zoneID: Int64, rules: AppraisalRules, in tx: any SQLDatabase) async throws
        -> [ConsequenceProposals.Proposal] {
        var history: [Int64: [ConsequenceProposals.YearResult]] = [:]
        for row in try await tx.raw("""
            SELECT a.year, r.person_id, r.grade, r.bottom_band FROM appraisal_results r JOIN appraisals a ON a.id = r.appraisal_id
            WHERE a.zone_id = \(bind: zoneID) AND a.status = 'final' AND a.year < \(bind: appraisal.year)
            """).all() {
            history[try row.decode(column: "person_id", as: Int64.self), default: []].append(
                .init(year: try row.decode(column: "year", as: Int.self), gradeKey: try row.decode(column: "grade", as: String.self),
                      bottomBand: try row.decode(column: "bottom_band", as: Int.self) != 0))
        }
        var termStart: [Int64: Int] = [:]
        for row in try await tx.raw("SELECT a.person_id, a.starts_on FROM appointments a JOIN people p ON p.id = a.person_id WHERE p.zone_id = \(bind: zoneID) AND a.ended = 0").all() {
            termStart[try row.decode(column: "person_id", as: Int64.self)] = Int(try row.decode(column: "starts_on", as: String.self).prefix(4))
        }
        let people = try await results(appraisalID: appraisal.id, in: tx).map { result in
            ConsequenceProposals.Person(personID: result.personID, staff: result.establishment,
                                        current: .init(year: appraisal.year, gradeKey: result.grade, bottomBand: result.bottomBand),
                                        history: history[result.personID] ?? [], termStartYear: termStart[result.personID])
        }
        return ConsequenceProposals.propose(rules: rules, year: appraisal.year, people: people)
    }

    public func proposals(appraisalID: Int64) async throws -> [ConsequenceProposalRow] {
        try await database.reader.raw("""
            SELECT id, person_id, action, reason, decision, note, decided_by FROM consequence_proposals
            WHERE appraisal_id = \(bind: appraisalID) ORDER BY person_id, id
            """).all().map { row in
            ConsequenceProposalRow(id: try row.decode(column: "id", as: Int64.self), personID: try row.decode(column: "person_id", as: Int64.self),
                                   action: try row.decode(column: "action", as: String.self), reason: try row.decode(column: "reason", as: String.self),
                                   decision: try row.decodeIfPresent(column: "decision", as: ConsequenceProposalRow.Decision.self, table: "consequence_proposals"),
                                   note: try row.decode(column: "note", as: String?.self), decidedBy: try row.decode(column: "decided_by", as: String?.self))
        }
    }

    /// Records a person's decision on a proposal; the decision itself changes nothing else.
    public func decideProposal(_ proposalID: Int64, decision: ConsequenceProposalRow.Decision, note: String, appraisalID: Int64, zoneID: Int64,
                               actor: String) async throws {
        guard !note.isEmpty else { throw StoreError.invalid("请填写决定理由或依据") }
        let now = clock.isoTimestamp
        try await change(appraisalID, zoneID: zoneID, allowed: [.final], actor: actor, action: "appraisal.consequence.\(decision.rawValue)",
                         detail: "proposal=\(proposalID); note=\(note)") { tx, _ in
            guard try await tx.raw("""
                SELECT id FROM consequence_proposals WHERE id = \(bind: proposalID) AND appraisal_id = \(bind: appraisalID) AND decision IS NULL
                """).first() != nil else { throw StoreError.notFound("待决定的处理建议 \(proposalID)") }
            try await tx.raw("""
                UPDATE consequence_proposals SET decision = \(bind: decision.rawValue), note = \(bind: note), decided_by = \(bind: actor),
                    decided_at = \(bind: now) WHERE id = \(bind: proposalID)
                """).run()
        }
    }
}
