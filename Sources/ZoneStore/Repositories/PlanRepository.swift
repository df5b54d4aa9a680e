import Foundation
import SQLKit
import ZoneCore

/// Restructuring plans: drafts that never touch live data, approved by leadership, then applied
/// in one transaction that re-checks every step and every quota against the live register.
public struct PlanRepository: Sendable {
    let database: ZoneDatabase
    let audit: AuditLog
    let clock: Clock
    let quotas: QuotaRepository

    static let columns: SQLQueryString = "id, zone_id, name, status, document, version, created_by, approved_by, applied_by, outcome"

    public func all(zoneID: Int64) async throws -> [StoredPlan] {
        try await database.reader.raw("SELECT \(Self.columns) FROM plans WHERE zone_id = \(bind: zoneID) ORDER BY id DESC").all().map(Self.plan)
    }

    public func find(id: Int64, zoneID: Int64) async throws -> StoredPlan? {
        try await database.reader.raw("SELECT \(Self.columns) FROM plans WHERE id = \(bind: id) AND zone_id = \(bind: zoneID)").first().map(Self.plan)
    }

    public func create(zoneID: Int64, name: String, actor: String) async throws -> StoredPlan {
        let document = try Self.encode([PlanOperation]())
        let audit = audit, backend = database.backend, now = clock.isoTimestamp
        let id = try await database.transaction { tx in
            let id = try await insertReturningID(tx, """
                INSERT INTO plans (zone_id, name, status, document, created_by, created_at)
                VALUES (\(bind: zoneID), \(bind: name), 'draft', \(bind: document), \(bind: actor), \(bind: now))
                """)
            try await audit.append(AuditEntry(actor: actor, action: "plan.create", entity: "plan", entityID: String(id), detail: "name=\(name)", zoneID: zoneID),
                                   in: tx, backend: backend)
            return id
        }
        return try await find(id: id, zoneID: zoneID)!
    }

    /// Replaces the operations of a draft; `expectedVersion` guards against two editors.
    public func save(id: Int64, zoneID: Int64, operations: [PlanOperation], expectedVersion: Int, actor: String) async throws -> StoredPlan {
        let document = try Self.encode(operations)
        let audit = audit, backend = database.backend
        try await database.transaction { tx in
            let current = try await Self.locked(id, zoneID, tx)
            guard current.status == .draft else { throw StoreError.invalid("方案已\(current.status.label)，不能再修改") }
            guard current.version == expectedVersion else {
                throw StoreError.staleVersion(entity: "方案“\(current.plan.name)”", expected: expectedVersion, actual: current.version)
            }
            try await tx.raw("UPDATE plans SET document = \(bind: document), version = version + 1 WHERE id = \(bind: id)").run()
            try await audit.append(AuditEntry(actor: actor, action: "plan.edit", entity: "plan", entityID: String(id),
                                              detail: "steps=\(operations.count); version=\(expectedVersion + 1)", zoneID: zoneID), in: tx, backend: backend)
        }
        return try await find(id: id, zoneID: zoneID)!
    }

    public func approve(id: Int64, zoneID: Int64, actor: String) async throws {
        let audit = audit, backend = database.backend, now = clock.isoTimestamp
        try await database.transaction { tx in
            let current = try await Self.locked(id, zoneID, tx)
            guard current.status == .draft else { throw StoreError.invalid("只有草案可以批准（当前：\(current.status.label)）") }
            guard !current.plan.operations.isEmpty else { throw StoreError.invalid("方案没有任何步骤") }
            try await tx.raw("""
                UPDATE plans SET status = 'approved', approved_by = \(bind: actor), approved_at = \(bind: now), version = version + 1
                WHERE id = \(bind: id)
                """).run()
            try await audit.append(AuditEntry(actor: actor, action: "plan.approve", entity: "plan", entityID: String(id), zoneID: zoneID), in: tx, backend: backend)
        }
    }

    /// Today's organisation as a plan sees it: live units, quotas, and people holding a place.
    public func snapshot(zoneID: Int64, in db: (any SQLDatabase)? = nil) async throws -> OrgSnapshot {
        let db = db ?? database.reader
        let book = try await quotas.book(zoneID: zoneID, in: db)
        let units = book.tree.flattened().map(\.unit).map {
            OrgSnapshot.UnitState(ref: .existing($0.id), name: $0.name, parent: $0.parentID.map(UnitRef.existing), kind: $0.kind,
                                  orgType: $0.orgType, isEconomic: $0.isEconomic)
        }
        let people = try await db.raw("""
            SELECT id, unit_id, establishment, leadership_rank FROM people
            WHERE zone_id = \(bind: zoneID) AND status NOT IN (\(binds: PersonStatus.departedValues)) ORDER BY id
            """).all().map { row in
            OrgSnapshot.PersonState(id: try row.decode(column: "id", as: Int64.self), unit: .existing(try row.decode(column: "unit_id", as: Int64.self)),
                                    category: try row.decode(column: "establishment", as: StaffCategory.self, table: "people"),
                                    leadership: try row.decodeIfPresent(column: "leadership_rank", as: LeadershipRank.self, table: "people"))
        }
        return OrgSnapshot(units: units,
                           establishment: Dictionary(uniqueKeysWithValues: book.establishment.map { (UnitRef.existing($0.key), $0.value) }),
                           leadership: Dictionary(uniqueKeysWithValues: book.leadership.map { (UnitRef.existing($0.key), $0.value) }),
                           people: people, organization: book.organization)
    }

    /// Applies an approved plan to the live register in one transaction: every step is checked
    /// again on today's data, and the result must not push any quota holder over its limit.
    public func apply(id: Int64, zoneID: Int64, actor: String) async throws {
        let audit = audit, backend = database.backend, now = clock.isoTimestamp, repo = self
        try await database.transaction { tx in
            try await QuotaRepository.lockZone(zoneID, in: tx, backend: backend)
            let stored = try await Self.locked(id, zoneID, tx)
            guard stored.status == .approved else { throw StoreError.invalid("方案须先经领导批准才能实施（当前：\(stored.status.label)）") }
            let before = try await repo.quotas.book(zoneID: zoneID, in: tx).overages()
            let today = try await repo.snapshot(zoneID: zoneID, in: tx)
            let planned: OrgSnapshot
            switch Result(catching: { () throws(PlanError) in try stored.plan.apply(to: today) }) {
            case .failure(let error): throw StoreError.invalid(error.description)
            case .success(let after): planned = after
            }
            let outcome = try Self.encode(PlanOutcome(before: today, after: planned, plan: stored.plan))
            var applier = PlanApplier(tx: tx, zoneID: zoneID, now: now, today: repo.clock.today, actor: actor,
                                      planName: stored.plan.name)
            for (step, operation) in stored.plan.operations.enumerated() {
                let detail = try await applier.apply(operation)
                try await audit.append(AuditEntry(actor: actor, action: "plan.step", entity: "plan", entityID: String(id),
                                                  detail: "step=\(step + 1); \(detail)", zoneID: zoneID), in: tx, backend: backend)
            }
            let introduced = try await repo.quotas.book(zoneID: zoneID, in: tx).overages().filter { v in
                !before.contains { $0.kind == v.kind && $0.unitID == v.unitID && $0.used >= v.used }
            }
            guard introduced.isEmpty else { throw StoreError.overQuota(introduced) }
            try await tx.raw("""
                UPDATE plans SET status = 'applied', applied_by = \(bind: actor), applied_at = \(bind: now), version = version + 1,
                    outcome = \(bind: outcome) WHERE id = \(bind: id)
                """).run()
            try await audit.append(AuditEntry(actor: actor, action: "plan.apply", entity: "plan", entityID: String(id),
                                              detail: "steps=\(stored.plan.operations.count)", zoneID: zoneID), in: tx, backend: backend)
        }
    }

    static func locked(_ id: Int64, _ zoneID: Int64, _ tx: any SQLDatabase) async throws -> StoredPlan {
        guard let row = try await tx.raw("SELECT \(columns) FROM plans WHERE id = \(bind: id) AND zone_id = \(bind: zoneID)").first() else {
            throw StoreError.notFound("方案 \(id)")
        }
        return try plan(row)
    }

    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func plan(_ row: any SQLRow) throws -> StoredPlan {
        let document = try row.decode(column: "document", as: String.self)
        let operations = try JSONDecoder().decode([PlanOperation].self, from: Data(document.utf8))
        return StoredPlan(id: try row.decode(column: "id", as: Int64.self), zoneID: try row.decode(column: "zone_id", as: Int64.self),
                          plan: RestructuringPlan(name: try row.decode(column: "name", as: String.self), operations: operations),
                          status: try row.decode(column: "status", as: StoredPlan.Status.self, table: "plans"),
                          version: try row.decode(column: "version", as: Int.self),
                          createdBy: try row.decode(column: "created_by", as: String.self),
                          approvedBy: try row.decode(column: "approved_by", as: String?.self),
                          appliedBy: try row.decode(column: "applied_by", as: String?.self),
                          outcome: try row.decode(column: "outcome", as: String?.self).map {
                              try JSONDecoder().decode(PlanOutcome.self, from: Data($0.utf8))
                          })
    }
}
