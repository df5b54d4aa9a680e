import Foundation
import SQLKit
import ZoneCore

/// 改革台账 rows. Every write and its audit record (one per row, entity `ledger_entry`) commit in
/// one transaction, so a row's history is exactly its audit entries; edits use optimistic locking.
///
/// ```swift
/// let entry = try await store.ledgers.create(record, zoneID: zone, actor: "hr")
/// let figures = LedgerFigures(try await store.ledgers.all(zoneID: zone).map(\.record))
/// ```
public struct LedgerRepository: Sendable {
    let database: ZoneDatabase
    let audit: AuditLog
    let clock: Clock

    static let columns: SQLQueryString = "id, kind, unit_id, person_id, document, version"

    /// A zone's rows, of one ledger or all, oldest first.
    public func all(zoneID: Int64, kind: LedgerKind? = nil) async throws -> [LedgerEntry] {
        let rows = if let kind {
            try await database.reader.raw("SELECT \(Self.columns) FROM ledger_entries WHERE zone_id = \(bind: zoneID) AND kind = \(bind: kind.rawValue) ORDER BY id").all()
        } else {
            try await database.reader.raw("SELECT \(Self.columns) FROM ledger_entries WHERE zone_id = \(bind: zoneID) ORDER BY id").all()
        }
        return try rows.compactMap(Self.entry)
    }

    public func find(id: Int64, zoneID: Int64) async throws -> LedgerEntry? {
        try await Self.find(id, zoneID: zoneID, in: database.reader)
    }

    static func find(_ id: Int64, zoneID: Int64, in db: any SQLDatabase) async throws -> LedgerEntry? {
        try await db.raw("SELECT \(columns) FROM ledger_entries WHERE id = \(bind: id) AND zone_id = \(bind: zoneID)").first().flatMap(entry)
    }

    public func create(_ record: LedgerRecord, zoneID: Int64, actor: String) async throws -> LedgerEntry {
        try await createAll([record], zoneID: zoneID, actor: actor, via: "form")[0]
    }

    /// Writes every row or none (an import, the demo): a duplicate of a stored row refuses the batch.
    @discardableResult
    public func createAll(_ records: [LedgerRecord], zoneID: Int64, actor: String, via: String = "import") async throws -> [LedgerEntry] {
        let audit = audit, backend = database.backend, at = clock.isoTimestamp
        return try await database.transaction { tx in
            for kind in Set(records.map(\.kind)) {
                let keys = Set(records.filter { $0.kind == kind }.compactMap(\.naturalKey))
                guard !keys.isEmpty else { continue }
                let taken = try await tx.raw("""
                    SELECT natural_key FROM ledger_entries WHERE zone_id = \(bind: zoneID) AND kind = \(bind: kind.rawValue) AND natural_key IS NOT NULL
                    """).all().map { try $0.decode(column: "natural_key", as: String.self) }
                if let clash = taken.first(where: keys.contains) { throw Self.duplicate(kind, key: clash) }
            }
            var stored: [LedgerEntry] = []
            for record in records {
                let id = try await insertReturningID(tx, """
                    INSERT INTO ledger_entries (zone_id, kind, unit_id, person_id, natural_key, document, created_by, created_at, updated_by, updated_at)
                    VALUES (\(bind: zoneID), \(bind: record.kind.rawValue), \(bind: record.unitID), \(bind: record.personID), \(bind: record.naturalKey),
                            \(bind: try Self.document(record)), \(bind: actor), \(bind: at), \(bind: actor), \(bind: at))
                    """)
                try await audit.append(AuditEntry(actor: actor, action: "ledger.create", entity: "ledger_entry", entityID: String(id),
                                                  detail: record.auditText + "; via=\(via)", zoneID: zoneID), in: tx, backend: backend)
                stored.append(LedgerEntry(id: id, record: record, version: 1))
            }
            return stored
        }
    }

    /// Saves `record` if the stored row is still at `expectedVersion`; the ledger itself never changes.
    public func update(id: Int64, zoneID: Int64, to record: LedgerRecord, expectedVersion: Int, actor: String) async throws -> LedgerEntry {
        let audit = audit, backend = database.backend, at = clock.isoTimestamp
        return try await database.transaction { tx in
            guard let current = try await Self.find(id, zoneID: zoneID, in: tx), current.kind == record.kind else {
                throw StoreError.notFound("台账记录 \(id)")
            }
            let entity = "\(record.kind.label)记录“\(current.record[current.kind.titleKey])”"
            guard current.version == expectedVersion else {
                throw StoreError.staleVersion(entity: entity, expected: expectedVersion, actual: current.version)
            }
            if let key = record.naturalKey, key != current.record.naturalKey,
               try await tx.raw("""
                   SELECT id FROM ledger_entries WHERE zone_id = \(bind: zoneID) AND kind = \(bind: record.kind.rawValue) AND natural_key = \(bind: key)
                   """).first() != nil {
                throw Self.duplicate(record.kind, key: key)
            }
            // The version condition repeats in the UPDATE so the check holds even without a row lock.
            let changed = try await tx.raw("""
                UPDATE ledger_entries SET unit_id = \(bind: record.unitID), person_id = \(bind: record.personID), natural_key = \(bind: record.naturalKey),
                    document = \(bind: try Self.document(record)), version = \(bind: expectedVersion + 1), updated_by = \(bind: actor), updated_at = \(bind: at)
                WHERE id = \(bind: id) AND version = \(bind: expectedVersion) RETURNING id
                """).all()
            guard changed.count == 1 else { throw StoreError.staleVersion(entity: entity, expected: expectedVersion, actual: expectedVersion + 1) }
            let changes = current.record.changes(to: record) + ["version: \(expectedVersion) → \(expectedVersion + 1)"]
            try await audit.append(AuditEntry(actor: actor, action: "ledger.update", entity: "ledger_entry", entityID: String(id),
                                              detail: changes.joined(separator: "; "), zoneID: zoneID), in: tx, backend: backend)
            return LedgerEntry(id: id, record: record, version: expectedVersion + 1)
        }
    }

    /// The row's audit entries, oldest first: its creation and every edit.
    public func history(id: Int64) async throws -> [AuditRecord] {
        try await database.reader.raw("""
            SELECT \(AuditLog.columns) FROM audit_log
            WHERE entity = 'ledger_entry' AND entity_id = \(bind: String(id)) ORDER BY seq
            """).all().map(AuditLog.record)
    }

    static func duplicate(_ kind: LedgerKind, key: String) -> StoreError {
        switch kind {
        case .keyFirms: .duplicate("统一社会信用代码 \(key) 已有专班记录", english: "credit code \(key) already has a task force")
        case .workLogs:
            .duplicate("该人员 \(key.split(separator: "/").last.map(String.init) ?? key) 的工作日志已登记",
                       english: "the work log for \(key.split(separator: "/").last.map(String.init) ?? key) is already recorded")
        default: .duplicate("\(kind.label) \(key)", english: "the \(kind.rawValue) ledger already holds \(key)")
        }
    }

    static func document(_ record: LedgerRecord) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(record.values), as: UTF8.self)
    }

    /// A row whose ledger this build no longer knows is skipped rather than failing the whole list.
    static func entry(_ row: any SQLRow) throws -> LedgerEntry? {
        guard let kind = LedgerKind(rawValue: try row.decode(column: "kind", as: String.self)) else { return nil }
        let document = try row.decode(column: "document", as: String.self)
        let values = try JSONDecoder().decode([String: String].self, from: Data(document.utf8))
        return LedgerEntry(id: try row.decode(column: "id", as: Int64.self),
                           record: LedgerRecord(kind: kind, values: values, unitID: try row.decode(column: "unit_id", as: Int64?.self),
                                                personID: try row.decode(column: "person_id", as: Int64?.self)),
                           version: try row.decode(column: "version", as: Int.self))
    }
}
