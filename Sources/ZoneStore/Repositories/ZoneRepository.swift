import SQLKit
import ZoneCore

/// A development zone: the top of one org tree. A province database holds several.
public struct Zone: Sendable, Equatable, Codable {
    public let id: Int64
    public let code: String
    public let name: String
}

/// One line of `zone list` and the province's zone page: what a zone has set up so far.
public struct ZoneSummary: Sendable, Equatable {
    public let zone: Zone
    public let policyVersion: Int?
    public let units: Int
    public let people: Int
    public let accounts: Int
}

/// A zone just created, with the passwords its admins log in with once.
public struct CreatedZone: Sendable {
    public let zone: Zone
    public let admins: [(username: String, role: Role)]
}

public struct ZoneRepository: Sendable {
    let database: ZoneDatabase
    let audit: AuditLog
    let clock: Clock

    public func all() async throws -> [Zone] {
        try await database.reader.raw("SELECT id, code, name FROM zones ORDER BY id").all().map(Self.zone)
    }

    public func find(code: String) async throws -> Zone? {
        try await database.reader.raw("SELECT id, code, name FROM zones WHERE code = \(bind: code)").first().map(Self.zone)
    }

    public func find(id: Int64) async throws -> Zone? {
        try await database.reader.raw("SELECT id, code, name FROM zones WHERE id = \(bind: id)").first().map(Self.zone)
    }

    /// Creates a zone as a real one starts: the zone, its policy as version 1 and its three admin
    /// accounts (三员分立 from day one, each with a one-time password hash) in one transaction, so
    /// a taken code or user name leaves nothing behind. `policy` is `yaml` as the loader read it.
    public func create(_ registration: ZoneRegistration, yaml: String, policy: ZonePolicy,
                       adminPasswordHashes: [String], actor: String) async throws -> CreatedZone {
        precondition(adminPasswordHashes.count == registration.admins.count, "one password hash per admin")
        let audit = audit, backend = database.backend, now = clock.isoTimestamp
        let zoneID = try await database.transaction { tx in
            let zoneID = try await Self.insert(code: registration.code, name: registration.name, in: tx)
            _ = try await PolicyRepository.insertVersion(zoneID: zoneID, yaml: yaml, policy: policy, actor: actor, now: now,
                                                         in: tx, audit: audit, backend: backend)
            for (admin, hash) in zip(registration.admins, adminPasswordHashes) {
                _ = try await AccountRepository.insert(NewAccount(username: admin.username, displayName: admin.displayName, passwordHash: hash,
                                                                  role: admin.role, zoneID: zoneID, mustChangePassword: true),
                                                       actor: actor, now: now, in: tx, audit: audit, backend: backend)
            }
            try await audit.append(AuditEntry(actor: actor, action: "zone.create", entity: "zone", entityID: String(zoneID),
                                              detail: "code=\(registration.code); name=\(registration.name); policy_version=\(policy.version); admins="
                                                  + registration.admins.map(\.username).joined(separator: ","), zoneID: zoneID),
                                   in: tx, backend: backend)
            return zoneID
        }
        return CreatedZone(zone: Zone(id: zoneID, code: registration.code, name: registration.name),
                           admins: registration.admins.map { ($0.username, $0.role) })
    }

    /// Every zone with its counts, for `zone list` and the province's zone page.
    public func summaries() async throws -> [ZoneSummary] {
        try await database.reader.raw("""
            SELECT z.id, z.code, z.name,
                   (SELECT MAX(version) FROM zone_policies p WHERE p.zone_id = z.id) AS policy_version,
                   (SELECT COUNT(*) FROM units u WHERE u.zone_id = z.id) AS units,
                   (SELECT COUNT(*) FROM people e WHERE e.zone_id = z.id) AS people,
                   (SELECT COUNT(*) FROM accounts a WHERE a.zone_id = z.id) AS accounts
            FROM zones z ORDER BY z.id
            """).all().map { row in
            ZoneSummary(zone: try Self.zone(row), policyVersion: try row.decode(column: "policy_version", as: Int?.self),
                        units: try row.decode(column: "units", as: Int.self), people: try row.decode(column: "people", as: Int.self),
                        accounts: try row.decode(column: "accounts", as: Int.self))
        }
    }

    /// Inserts the zone row inside `tx`, refusing a code that is taken.
    static func insert(code: String, name: String, in tx: any SQLDatabase) async throws -> Int64 {
        guard try await tx.raw("SELECT id FROM zones WHERE code = \(bind: code)").first() == nil else {
            throw StoreError.duplicate("园区代码 \(code) 已存在", english: "zone code \(code) is taken")
        }
        return try await insertReturningID(tx, "INSERT INTO zones (code, name) VALUES (\(bind: code), \(bind: name))")
    }

    static func zone(_ row: any SQLRow) throws -> Zone {
        Zone(id: try row.decode(column: "id", as: Int64.self), code: try row.decode(column: "code", as: String.self),
             name: try row.decode(column: "name", as: String.self))
    }
}
