import SQLKit
import ZoneCore

/// 申诉 during a round's 公示期: a person the round affects files an objection before the
/// publicity ends; 组织人事 answers it (维持 or 更正); confirmation waits until none is pending.
extension RoundRepository {
    public func objections(roundID: Int64) async throws -> [StoredObjection] {
        try await database.reader.raw("""
            SELECT id, person_id, reason, status, reply, filed_at, reviewed_by, reviewed_at FROM round_objections
            WHERE round_id = \(bind: roundID) ORDER BY id
            """).all().map { row in
            StoredObjection(id: try row.decode(column: "id", as: Int64.self), personID: try row.decode(column: "person_id", as: Int64.self),
                            reason: try row.decode(column: "reason", as: String.self),
                            status: try row.decode(column: "status", as: StoredObjection.Status.self, table: "round_objections"),
                            reply: try row.decode(column: "reply", as: String.self), filedAt: try row.decode(column: "filed_at", as: String.self),
                            reviewedBy: try row.decode(column: "reviewed_by", as: String?.self),
                            reviewedAt: try row.decode(column: "reviewed_at", as: String?.self))
        }
    }

    static func pendingObjections(roundID: Int64, in db: any SQLDatabase) async throws -> Int {
        try await db.raw("""
            SELECT COUNT(*) AS n FROM round_objections WHERE round_id = \(bind: roundID) AND status = \(bind: StoredObjection.Status.pending.rawValue)
            """).first()!.decode(column: "n", as: Int.self)
    }

    /// Whether the round concerns the person: they applied, were named or ranked, or appear in its result.
    static func affects(_ round: StoredRound, personID: Int64, in db: any SQLDatabase) async throws -> Bool {
        if let result = round.result, result.assignments[personID] != nil || result.unplaced.contains(personID) { return true }
        return try await db.raw("""
            SELECT person_id FROM round_entries WHERE round_id = \(bind: round.id) AND person_id = \(bind: personID) LIMIT 1
            """).first() != nil
    }

    /// Files an objection; only while the round is 公示中 and through the last day of the 公示期,
    /// one pending objection per person.
    public func fileObjection(roundID: Int64, zoneID: Int64, personID: Int64, reason: String, actor: String) async throws {
        let today = clock.today.description, now = clock.isoTimestamp
        try await change(roundID, zoneID: zoneID, allowed: [.published], actor: actor, action: "round.objection.file",
                         detail: "person=\(personID); reason=\(reason)") { tx, round in
            if let ends = round.publicityEnds, today > ends { throw StoreError.invalid("公示期已于\(ends)结束，不能再提出申诉") }
            guard try await Self.affects(round, personID: personID, in: tx) else {
                throw StoreError.invalid("您未参加本批次聘任，不能对其结果提出申诉")
            }
            guard try await tx.raw("""
                SELECT id FROM round_objections WHERE round_id = \(bind: roundID) AND person_id = \(bind: personID)
                AND status = \(bind: StoredObjection.Status.pending.rawValue)
                """).first() == nil else { throw StoreError.invalid("您已有一件申诉正在处理，请等待答复") }
            try await tx.raw("""
                INSERT INTO round_objections (round_id, person_id, reason, status, filed_by, filed_at)
                VALUES (\(bind: roundID), \(bind: personID), \(bind: reason), \(bind: StoredObjection.Status.pending.rawValue),
                        \(bind: actor), \(bind: now))
                """).run()
        }
    }

    /// Answers a pending objection. 更正 takes the round back to 报名中 without its 公示期, so the
    /// heads can correct orderings or scores and the round is matched and published again.
    public func reviewObjection(roundID: Int64, zoneID: Int64, objectionID: Int64, decision: StoredObjection.Status, reply: String,
                                actor: String) async throws {
        precondition(decision != .pending, "a review decides")
        let now = clock.isoTimestamp
        try await change(roundID, zoneID: zoneID, allowed: [.published], actor: actor, action: "round.objection.review",
                         detail: "objection=\(objectionID); decision=\(decision.rawValue); reply=\(reply)") { tx, _ in
            let updated = try await tx.raw("""
                UPDATE round_objections SET status = \(bind: decision.rawValue), reply = \(bind: reply), reviewed_by = \(bind: actor),
                    reviewed_at = \(bind: now)
                WHERE id = \(bind: objectionID) AND round_id = \(bind: roundID) AND status = \(bind: StoredObjection.Status.pending.rawValue)
                RETURNING id
                """).all()
            guard !updated.isEmpty else { throw StoreError.invalid("该申诉不存在或已处理") }
            if decision == .corrected {
                try await tx.raw("UPDATE rounds SET status = 'open', publicity_ends = NULL WHERE id = \(bind: roundID)").run()
            }
        }
    }
}
