import SQLKit
import ZoneCore

/// The 编制台账: every quota a unit is given, changed or loses, with its approval. Every writer of
/// `establishments` and `leadership_quotas` — the unit page, the 三定 import, an applied plan — sets a quota
/// through `set`, so the table and the ledger cannot drift apart.
enum EstablishmentLedger {
    /// The unit's current quota for `item`, or nil.
    static func quota(_ item: QuotaItem, unitID: Int64, in tx: any SQLDatabase) async throws -> Int? {
        let row = switch item {
        case .establishment(let c):
            try await tx.raw("SELECT quota FROM establishments WHERE unit_id = \(bind: unitID) AND category = \(bind: c.rawValue)").first()
        case .leadership(let c):
            try await tx.raw("SELECT quota FROM leadership_quotas WHERE unit_id = \(bind: unitID) AND class = \(bind: c.rawValue)").first()
        }
        return try row?.decode(column: "quota", as: Int.self)
    }

    /// Sets (or withdraws, with nil) one quota and writes its 台账 line; returns the old quota. Nothing is written
    /// when the quota is already `quota`. The caller audits.
    @discardableResult
    static func set(_ item: QuotaItem, unitID: Int64, zoneID: Int64, to quota: Int?, approval: ChangeApproval, actor: String, at: String,
                    in tx: any SQLDatabase) async throws -> Int? {
        let old = try await self.quota(item, unitID: unitID, in: tx)
        guard old != quota else { return old }
        switch item {
        case .establishment(let c):
            try await tx.raw("DELETE FROM establishments WHERE unit_id = \(bind: unitID) AND category = \(bind: c.rawValue)").run()
            if let quota {
                try await tx.raw("INSERT INTO establishments (unit_id, category, quota) VALUES (\(bind: unitID), \(bind: c.rawValue), \(bind: quota))").run()
            }
        case .leadership(let c):
            try await tx.raw("DELETE FROM leadership_quotas WHERE unit_id = \(bind: unitID) AND class = \(bind: c.rawValue)").run()
            if let quota {
                try await tx.raw("INSERT INTO leadership_quotas (unit_id, class, quota) VALUES (\(bind: unitID), \(bind: c.rawValue), \(bind: quota))").run()
            }
        }
        try await tx.raw("""
            INSERT INTO establishment_changes (unit_id, zone_id, kind, class, old_quota, new_quota, document_no, approved_on, summary, actor, at)
            VALUES (\(bind: unitID), \(bind: zoneID), \(bind: item.kind), \(bind: item.classValue), \(bind: old), \(bind: quota),
                    \(bind: approval.documentNo), \(bind: approval.approvedOn?.description), \(bind: approval.summary), \(bind: actor), \(bind: at))
            """).run()
        return old
    }

    /// A unit's 台账, oldest first.
    static func changes(unitID: Int64, zoneID: Int64, in db: any SQLDatabase) async throws -> [EstablishmentChange] {
        try await db.raw("""
            SELECT id, unit_id, kind, class, old_quota, new_quota, document_no, approved_on, summary, actor, at
            FROM establishment_changes WHERE unit_id = \(bind: unitID) AND zone_id = \(bind: zoneID) ORDER BY id
            """).all().map { row in
            let kind = try row.decode(column: "kind", as: String.self), value = try row.decode(column: "class", as: String.self)
            guard let item = QuotaItem(kind: kind, classValue: value) else { throw UnknownStoredValue(table: "establishment_changes", column: "class", value: value) }
            let approvedOn = try row.decode(column: "approved_on", as: String?.self)
            return EstablishmentChange(id: try row.decode(column: "id", as: Int64.self), unitID: try row.decode(column: "unit_id", as: Int64.self),
                                       item: item, old: try row.decode(column: "old_quota", as: Int?.self),
                                       new: try row.decode(column: "new_quota", as: Int?.self),
                                       approval: ChangeApproval(documentNo: try row.decode(column: "document_no", as: String.self),
                                                                approvedOn: try approvedOn.map { s throws(ValidationError) in try CivilDate(parsing: s) },
                                                                summary: try row.decode(column: "summary", as: String.self)),
                                       actor: try row.decode(column: "actor", as: String.self), at: try row.decode(column: "at", as: String.self))
        }
    }
}
