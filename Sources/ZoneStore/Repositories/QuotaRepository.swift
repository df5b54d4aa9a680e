import SQLKit
import ZoneCore

/// Quotas (编制, 员额, 领导职数), approvals, and the snapshot the hard check runs on.
public struct QuotaRepository: Sendable {
    let database: ZoneDatabase
    let audit: AuditLog
    let clock: Clock

    /// Serialises quota-affecting writes of one zone until commit. SQLite writers are already
    /// serialised; on PostgreSQL the zone row lock makes "check then write" atomic, so two
    /// requests cannot both take the last place.
    static func lockZone(_ zoneID: Int64, in tx: any SQLDatabase, backend: Backend) async throws {
        guard backend == .postgres else { return }
        try await tx.raw("SELECT id FROM zones WHERE id = \(bind: zoneID) FOR UPDATE").run()
    }

    /// The zone's quotas and current use, read through `db` (a transaction when about to write).
    public func book(zoneID: Int64, in db: (any SQLDatabase)? = nil) async throws -> QuotaBook {
        let db = db ?? database.reader
        let units = try await db.raw("""
            SELECT id, parent_id, name, kind, org_type, funding, rank, is_economic, sort_order, flat_staffing
            FROM units WHERE zone_id = \(bind: zoneID) AND abolished = 0
            """).all()
        let tree = UnitTree(try units.map(UnitRepository.unit))
        let flat = Set(try units.filter { try $0.decode(column: "flat_staffing", as: Int.self) != 0 }.map { try $0.decode(column: "id", as: Int64.self) })
        var establishment: [Int64: [EstablishmentCategory: Int]] = [:]
        for row in try await db.raw("""
            SELECT e.unit_id, e.category, e.quota FROM establishments e JOIN units u ON u.id = e.unit_id WHERE u.zone_id = \(bind: zoneID)
            """).all() {
            let c = try row.decode(column: "category", as: EstablishmentCategory.self, table: "establishments")
            establishment[try row.decode(column: "unit_id", as: Int64.self), default: [:]][c] = try row.decode(column: "quota", as: Int.self)
        }
        var leadership: [Int64: [LeadershipClass: Int]] = [:]
        for row in try await db.raw("""
            SELECT l.unit_id, l.class, l.quota FROM leadership_quotas l JOIN units u ON u.id = l.unit_id WHERE u.zone_id = \(bind: zoneID)
            """).all() {
            let c = try row.decode(column: "class", as: LeadershipClass.self, table: "leadership_quotas")
            leadership[try row.decode(column: "unit_id", as: Int64.self), default: [:]][c] = try row.decode(column: "quota", as: Int.self)
        }
        var approvedEstablishment: [Int64: [EstablishmentCategory: Int]] = [:]
        var approvedLeadership: [Int64: [LeadershipClass: Int]] = [:]
        for approval in try await approvals(zoneID: zoneID, in: db) {
            switch approval.kind {
            case .establishment:
                if let c = EstablishmentCategory(rawValue: approval.quotaClass) { approvedEstablishment[approval.unitID, default: [:]][c, default: 0] += approval.extra }
            case .leadership:
                if let c = LeadershipClass(rawValue: approval.quotaClass) { approvedLeadership[approval.unitID, default: [:]][c, default: 0] += approval.extra }
            }
        }
        var placements: [Placement: Int] = [:]
        for row in try await db.raw("""
            SELECT unit_id, establishment, leadership_rank, COUNT(*) AS n FROM people
            WHERE zone_id = \(bind: zoneID) AND status NOT IN (\(binds: PersonStatus.departedValues))
            GROUP BY unit_id, establishment, leadership_rank
            """).all() {
            let category = try row.decode(column: "establishment", as: StaffCategory.self, table: "people")
            let rank = try row.decodeIfPresent(column: "leadership_rank", as: LeadershipRank.self, table: "people")
            placements[Placement(unitID: try row.decode(column: "unit_id", as: Int64.self), category: category, leadership: rank)] = try row.decode(column: "n", as: Int.self)
        }
        let policy = try await PolicyRepository(database: database, audit: audit, clock: clock).current(zoneID: zoneID, in: db)?.policy
        return QuotaBook(tree: tree, establishment: establishment, leadership: leadership, approvedEstablishment: approvedEstablishment,
                         approvedLeadership: approvedLeadership, flatUnits: flat, placements: placements, organization: policy?.organization)
    }

    /// Locks the zone, checks the changes against the live book, and throws `.overQuota` listing
    /// every violation if any. Call inside the transaction that then writes the changes.
    static func enforce(_ changes: [StaffingChange], zoneID: Int64, in tx: any SQLDatabase, repository: QuotaRepository) async throws {
        try await lockZone(zoneID, in: tx, backend: repository.database.backend)
        try enforce(changes, on: try await repository.book(zoneID: zoneID, in: tx))
    }

    /// The same check on a book the caller read under the zone lock in its transaction.
    static func enforce(_ changes: [StaffingChange], on book: QuotaBook) throws {
        let violations = book.check(changes)
        guard violations.isEmpty else { throw StoreError.overQuota(violations) }
    }

    public func approvals(zoneID: Int64, in db: (any SQLDatabase)? = nil) async throws -> [QuotaApproval] {
        try await (db ?? database.reader).raw("""
            SELECT a.id, a.unit_id, a.kind, a.class, a.extra, a.doc_number, a.approver, a.approved_on, a.note
            FROM quota_approvals a JOIN units u ON u.id = a.unit_id WHERE u.zone_id = \(bind: zoneID) ORDER BY a.id
            """).all().map { row in
            QuotaApproval(id: try row.decode(column: "id", as: Int64.self), unitID: try row.decode(column: "unit_id", as: Int64.self),
                          kind: try row.decode(column: "kind", as: QuotaApproval.Kind.self, table: "quota_approvals"),
                          quotaClass: try row.decode(column: "class", as: String.self), extra: try row.decode(column: "extra", as: Int.self),
                          docNumber: try row.decode(column: "doc_number", as: String.self),
                          approver: try row.decode(column: "approver", as: String.self),
                          approvedOn: try row.decode(column: "approved_on", as: String.self),
                          note: try row.decode(column: "note", as: String.self))
        }
    }

    /// Records an approval that lets a unit of `zoneID` exceed a quota by `extra` places; another zone's unit is not found.
    public func addApproval(unitID: Int64, zoneID: Int64, kind: QuotaApproval.Kind, quotaClass: String, extra: Int, docNumber: String,
                            approver: String, approvedOn: CivilDate, note: String, actor: String) async throws -> Int64 {
        let audit = audit, backend = database.backend, now = clock.isoTimestamp
        return try await database.transaction { tx in
            try await Self.requireUnit(unitID, of: zoneID, in: tx)
            let id = try await insertReturningID(tx, """
                INSERT INTO quota_approvals (unit_id, kind, class, extra, doc_number, approver, approved_on, note, created_by, created_at)
                VALUES (\(bind: unitID), \(bind: kind.rawValue), \(bind: quotaClass), \(bind: extra), \(bind: docNumber),
                        \(bind: approver), \(bind: approvedOn.description), \(bind: note), \(bind: actor), \(bind: now))
                """)
            try await audit.append(AuditEntry(actor: actor, action: "quota.approval", entity: "unit", entityID: String(unitID),
                                              detail: "kind=\(kind.rawValue); class=\(quotaClass); extra=\(extra); doc=\(docNumber); approver=\(approver); date=\(approvedOn)",
                                              zoneID: zoneID),
                                   in: tx, backend: backend)
            return id
        }
    }

    /// Sets (or removes, with nil) one establishment quota of a unit under `approval`, with its 编制台账 line.
    /// Lowering below use is allowed (the unit then shows 超编 and takes no one until it is back under), and audited.
    public func setEstablishment(unitID: Int64, zoneID: Int64, category: EstablishmentCategory, quota: Int?, approval: ChangeApproval,
                                 actor: String) async throws {
        try await setQuota(.establishment(category), unitID: unitID, zoneID: zoneID, quota: quota, approval: approval,
                           action: "quota.establishment", actor: actor)
    }

    public func setLeadership(unitID: Int64, zoneID: Int64, quotaClass: LeadershipClass, quota: Int?, approval: ChangeApproval,
                              actor: String) async throws {
        try await setQuota(.leadership(quotaClass), unitID: unitID, zoneID: zoneID, quota: quota, approval: approval,
                           action: "quota.leadership", actor: actor)
    }

    private func setQuota(_ item: QuotaItem, unitID: Int64, zoneID: Int64, quota: Int?, approval: ChangeApproval, action: String,
                          actor: String) async throws {
        let audit = audit, backend = database.backend, now = clock.isoTimestamp
        let policies = PolicyRepository(database: database, audit: audit, clock: clock)
        try await database.transaction { tx in
            try await Self.requireUnit(unitID, of: zoneID, in: tx)
            // Withdrawing a quota of an unlisted kind is always allowed: it brings the zone back in line with its policy.
            if case .establishment(let category) = item, (quota ?? 0) > 0,
               let refusal = try await policies.current(zoneID: zoneID, in: tx)?.policy.organization.refusal(category, for: .quota) {
                throw StoreError.invalid(refusal.message, english: refusal.english)
            }
            let old = try await EstablishmentLedger.set(item, unitID: unitID, zoneID: zoneID, to: quota, approval: approval, actor: actor, at: now, in: tx)
            let column = if case .leadership = item { "class" } else { "category" }
            try await audit.append(AuditEntry(actor: actor, action: action, entity: "unit", entityID: String(unitID),
                                              detail: "\(column)=\(item.classValue); quota=\(quota.map(String.init) ?? "none"); old=\(old.map(String.init) ?? "none"); doc=\(approval.documentNo)",
                                              zoneID: zoneID), in: tx, backend: backend)
        }
    }

    /// Refuses a unit that is not `zoneID`'s as not found: a zone's quotas are set by that zone only.
    static func requireUnit(_ unitID: Int64, of zoneID: Int64, in tx: any SQLDatabase) async throws {
        guard try await zone(ofUnit: unitID, in: tx) == zoneID else { throw StoreError.notFound("单位 \(unitID)", english: "unit \(unitID)") }
    }

    /// The unit's zone, whose auditors read the quota's audit rows.
    static func zone(ofUnit id: Int64, in tx: any SQLDatabase) async throws -> Int64? {
        try await tx.raw("SELECT zone_id FROM units WHERE id = \(bind: id)").first()?.decode(column: "zone_id", as: Int64.self)
    }
}
