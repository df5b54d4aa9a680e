import SQLKit
import ZoneCore

/// Units and their establishment quotas.
public struct UnitRepository: Sendable {
    let database: ZoneDatabase
    let audit: AuditLog
    let clock: Clock
    /// Reads the quota book a 三定 import is checked on.
    let quotas: QuotaRepository

    /// Live units; units abolished by an applied plan keep their row for history but are not shown.
    public func all(zoneID: Int64) async throws -> [Unit] {
        try await database.reader.raw("""
            SELECT id, parent_id, name, kind, org_type, funding, rank, is_economic, sort_order
            FROM units WHERE zone_id = \(bind: zoneID) AND abolished = 0 ORDER BY sort_order, id
            """).all().map(Self.unit)
    }

    public func tree(zoneID: Int64) async throws -> UnitTree { UnitTree(try await all(zoneID: zoneID)) }

    /// Names of abolished units, for people's history ("原产业发展局").
    public func abolishedNames(zoneID: Int64) async throws -> [Int64: String] {
        var out: [Int64: String] = [:]
        for row in try await database.reader.raw("SELECT id, name FROM units WHERE zone_id = \(bind: zoneID) AND abolished <> 0").all() {
            out[try row.decode(column: "id", as: Int64.self)] = try row.decode(column: "name", as: String.self)
        }
        return out
    }

    /// Creates a zone with its whole unit tree and quotas in one transaction (demo and imports).
    /// Units are given parent-first; `parentIndex` points into the same array.
    public func createZone(code: String, name: String, units: [NewUnit], actor: String) async throws -> (zoneID: Int64, unitIDs: [Int64]) {
        let audit = audit, backend = database.backend
        return try await database.transaction { tx in
            let zoneID = try await ZoneRepository.insert(code: code, name: name, in: tx)
            var ids: [Int64] = []
            for new in units {
                let unit = new.unit
                let parentID = new.parentIndex.map { ids[$0] }
                let id = try await insertReturningID(tx, """
                    INSERT INTO units (zone_id, parent_id, name, kind, org_type, funding, rank, is_economic, sort_order, flat_staffing)
                    VALUES (\(bind: zoneID), \(bind: parentID), \(bind: unit.name), \(bind: unit.kind.rawValue),
                            \(bind: unit.orgType.rawValue), \(bind: unit.funding?.rawValue), \(bind: unit.rank),
                            \(bind: unit.isEconomic ? 1 : 0), \(bind: unit.sortOrder), \(bind: new.flatStaffing ? 1 : 0))
                    """)
                ids.append(id)
                for (category, count) in new.establishment.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                    try await tx.raw("""
                        INSERT INTO establishments (unit_id, category, quota) VALUES (\(bind: id), \(bind: category.rawValue), \(bind: count))
                        """).run()
                }
                for (quotaClass, count) in new.leadership.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                    try await tx.raw("""
                        INSERT INTO leadership_quotas (unit_id, class, quota) VALUES (\(bind: id), \(bind: quotaClass.rawValue), \(bind: count))
                        """).run()
                }
            }
            try await audit.append(AuditEntry(actor: actor, action: "zone.create", entity: "zone", entityID: String(zoneID),
                                              detail: "code=\(code); units=\(ids.count)", zoneID: zoneID), in: tx, backend: backend)
            return (zoneID, ids)
        }
    }

    static func unit(_ row: any SQLRow) throws -> Unit {
        Unit(id: try row.decode(column: "id", as: Int64.self),
             parentID: try row.decode(column: "parent_id", as: Int64?.self),
             name: try row.decode(column: "name", as: String.self),
             kind: try row.decode(column: "kind", as: UnitKind.self, table: "units"),
             orgType: try row.decode(column: "org_type", as: OrgType.self, table: "units"),
             funding: try row.decodeIfPresent(column: "funding", as: Funding.self, table: "units"),
             rank: try row.decode(column: "rank", as: String.self),
             isEconomic: try row.decode(column: "is_economic", as: Int.self) != 0,
             sortOrder: try row.decode(column: "sort_order", as: Int.self))
    }
}

/// Inserts one row and returns its generated id (RETURNING works on SQLite ≥ 3.35 and PostgreSQL).
func insertReturningID(_ tx: any SQLDatabase, _ query: SQLQueryString) async throws -> Int64 {
    var sql = query
    sql.appendLiteral(" RETURNING id")
    guard let row = try await tx.raw(sql).first() else { throw StoreError.invalid("插入失败：未返回编号") }
    return try row.decode(column: "id", as: Int64.self)
}
