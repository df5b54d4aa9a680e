import SQLKit
import ZoneCore

/// The 三定 sheet in and out of the store, and the unit fields it carries.
extension UnitRepository {
    /// Each live unit's register fields.
    public func registers(zoneID: Int64, in db: (any SQLDatabase)? = nil) async throws -> [Int64: UnitRegister] {
        var out: [Int64: UnitRegister] = [:]
        for row in try await (db ?? database.reader).raw("""
            SELECT id, credit_code, established_by FROM units WHERE zone_id = \(bind: zoneID) AND abolished = 0
            """).all() {
            out[try row.decode(column: "id", as: Int64.self)] = UnitRegister(creditCode: try row.decode(column: "credit_code", as: String.self),
                                                                              establishedBy: try row.decode(column: "established_by", as: String.self))
        }
        return out
    }

    /// Checks a sheet against the zone as it is, writing nothing (the web preview).
    public func checkSheet(_ table: CSVTable, zoneID: Int64) async throws -> UnitImport {
        UnitImport(table, book: try await quotas.book(zoneID: zoneID), registers: try await registers(zoneID: zoneID))
    }

    /// Imports a 三定 sheet in one transaction under the zone lock: checked again on the zone as it is (any row
    /// error throws `ImportRefused` with every error, and nothing is written), then units created and updated
    /// and every quota change written with its 台账 line under `approval` (which must then have a 批准文号), with one audit record. A sheet that
    /// changes nothing (a re-import of the zone's own export) writes nothing, not even an audit record.
    public func importUnits(_ table: CSVTable, zoneID: Int64, approval: ChangeApproval, actor: String) async throws -> UnitImportResult {
        let repo = self, audit = audit, backend = database.backend, now = clock.isoTimestamp
        return try await database.transaction { tx in
            try await QuotaRepository.lockZone(zoneID, in: tx, backend: backend)
            let book = try await repo.quotas.book(zoneID: zoneID, in: tx)
            let sheet = UnitImport(table, book: book, registers: try await repo.registers(zoneID: zoneID, in: tx))
            guard sheet.errors.isEmpty else { throw ImportRefused(errors: sheet.errors) }
            let unlisted = sheet.unlisted.map { book.tree.path(of: $0) }
            guard !sheet.isUnchanged else { return UnitImportResult(created: 0, updated: 0, quotaChanges: 0, unlisted: unlisted) }
            // Every 台账 line names the document that approved it; a sheet that only adds or renames units needs none.
            guard sheet.quotaChanges.isEmpty || !approval.documentNo.isEmpty else {
                throw StoreError.invalid("本表有 \(sheet.quotaChanges.count) 项编制、员额或职数变动，须填写批准文号（三定方案或编制调整的批复文号），未导入任何数据",
                                         english: "the sheet changes \(sheet.quotaChanges.count) quota figure(s): give the approving document's number (--document-no); nothing was imported")
            }
            var ids: [Int64] = []
            var created = 0, updated = 0
            for entry in sheet.entries {
                let unit = entry.unit
                if let id = entry.existingID {
                    ids.append(id)
                    guard entry.fieldsChanged else { continue }
                    try await tx.raw("""
                        UPDATE units SET kind = \(bind: unit.kind.rawValue), org_type = \(bind: unit.orgType.rawValue),
                            funding = \(bind: unit.funding?.rawValue), rank = \(bind: unit.rank), is_economic = \(bind: unit.isEconomic ? 1 : 0),
                            credit_code = \(bind: entry.register.creditCode), established_by = \(bind: entry.register.establishedBy),
                            version = version + 1
                        WHERE id = \(bind: id) AND zone_id = \(bind: zoneID)
                        """).run()
                    updated += 1
                } else {
                    let parentID: Int64? = switch entry.parent {
                    case .root: nil
                    case .unit(let id): id
                    case .entry(let index): ids[index]
                    }
                    ids.append(try await insertReturningID(tx, """
                        INSERT INTO units (zone_id, parent_id, name, kind, org_type, funding, rank, is_economic, sort_order, credit_code, established_by)
                        VALUES (\(bind: zoneID), \(bind: parentID), \(bind: unit.name), \(bind: unit.kind.rawValue), \(bind: unit.orgType.rawValue),
                                \(bind: unit.funding?.rawValue), \(bind: unit.rank), \(bind: unit.isEconomic ? 1 : 0), \(bind: unit.sortOrder),
                                \(bind: entry.register.creditCode), \(bind: entry.register.establishedBy))
                        """))
                    created += 1
                }
            }
            for change in sheet.quotaChanges {
                try await EstablishmentLedger.set(change.item, unitID: ids[change.entry], zoneID: zoneID, to: change.new, approval: approval,
                                                  actor: actor, at: now, in: tx)
            }
            try await audit.append(AuditEntry(actor: actor, action: "unit.import", entity: "zone", entityID: String(zoneID),
                                              detail: "rows=\(sheet.entries.count); created=\(created); updated=\(updated); quota_changes=\(sheet.quotaChanges.count); unlisted=\(unlisted.count); doc=\(approval.documentNo)",
                                              zoneID: zoneID), in: tx, backend: backend)
            return UnitImportResult(created: created, updated: updated, quotaChanges: sheet.quotaChanges.count, unlisted: unlisted)
        }
    }

    /// Corrects a unit's name, 机构规格 and 统一社会信用代码 if its stored version is still `expectedVersion`; a name
    /// taken by a sibling, or a code held by another unit of the zone, is refused.
    public func correct(unitID: Int64, zoneID: Int64, _ correction: UnitCorrection, expectedVersion: Int, actor: String) async throws {
        let audit = audit, backend = database.backend
        try await database.transaction { tx in
            guard let row = try await tx.raw("""
                SELECT name, rank, credit_code, parent_id, version FROM units WHERE id = \(bind: unitID) AND zone_id = \(bind: zoneID) AND abolished = 0
                """).first() else { throw StoreError.notFound("单位 \(unitID)", english: "unit \(unitID)") }
            let name = try row.decode(column: "name", as: String.self), version = try row.decode(column: "version", as: Int.self)
            guard version == expectedVersion else { throw StoreError.staleVersion(entity: "单位“\(name)”", expected: expectedVersion, actual: version) }
            let parentID = try row.decode(column: "parent_id", as: Int64?.self)
            let siblings = try await tx.raw("""
                SELECT parent_id FROM units WHERE zone_id = \(bind: zoneID) AND abolished = 0 AND id <> \(bind: unitID) AND name = \(bind: correction.name)
                """).all().filter { try $0.decode(column: "parent_id", as: Int64?.self) == parentID }
            guard siblings.isEmpty else {
                throw StoreError.duplicate("同一上级下已有“\(correction.name)”", english: "a sibling unit already has this name")
            }
            if !correction.creditCode.isEmpty, try await tx.raw("""
                SELECT id FROM units WHERE zone_id = \(bind: zoneID) AND abolished = 0 AND id <> \(bind: unitID) AND credit_code = \(bind: correction.creditCode)
                """).first() != nil {
                throw StoreError.duplicate("统一社会信用代码 \(correction.creditCode) 已属于本园区另一单位", english: "the credit code belongs to another unit")
            }
            try await tx.raw("""
                UPDATE units SET name = \(bind: correction.name), rank = \(bind: correction.rank), credit_code = \(bind: correction.creditCode),
                    version = version + 1 WHERE id = \(bind: unitID)
                """).run()
            let before = "name=\(name); rank=\(try row.decode(column: "rank", as: String.self)); credit_code=\(try row.decode(column: "credit_code", as: String.self))"
            try await audit.append(AuditEntry(actor: actor, action: "unit.correct", entity: "unit", entityID: String(unitID),
                                              detail: "before: \(before); after: name=\(correction.name); rank=\(correction.rank); credit_code=\(correction.creditCode)",
                                              zoneID: zoneID), in: tx, backend: backend)
        }
    }

    /// The unit's register fields and version, for its page's correction form.
    public func register(unitID: Int64, zoneID: Int64) async throws -> (register: UnitRegister, version: Int)? {
        try await database.reader.raw("""
            SELECT credit_code, established_by, version FROM units WHERE id = \(bind: unitID) AND zone_id = \(bind: zoneID)
            """).first().map { row in
            (UnitRegister(creditCode: try row.decode(column: "credit_code", as: String.self), establishedBy: try row.decode(column: "established_by", as: String.self)),
             try row.decode(column: "version", as: Int.self))
        }
    }

    /// The unit's 编制台账, oldest first.
    public func establishmentChanges(unitID: Int64, zoneID: Int64) async throws -> [EstablishmentChange] {
        try await EstablishmentLedger.changes(unitID: unitID, zoneID: zoneID, in: database.reader)
    }
}
