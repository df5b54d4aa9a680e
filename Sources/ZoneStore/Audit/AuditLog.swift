import Foundation
import SQLKit

/// The append-only, hash-chained, keyed audit log.
///
/// Each row stores `hash = HMAC-SHA256(key, prev_hash + "\n" + canonical(row))` under the key
/// `key_id` names (`AuditKeyring`, a file outside the database), where the canonical form includes
/// the row's sequence number, zone and key id; the first row's `prev_hash` is 64 zeros. Editing,
/// deleting or reordering any row breaks the chain at that row, and without the key nobody can
/// append a row or rewrite the chain so that it verifies. Rows written before the chain was keyed
/// (`key_id` "") keep their plain `SHA-256(prev_hash + "\n" + canonical)` and are reported as legacy.
public struct AuditLog: Sendable {
    static let genesis = String(repeating: "0", count: 64)
    /// What `record` reads.
    static let columns: SQLQueryString = "seq, at, actor, action, entity, entity_id, detail, zone_id, key_id, prev_hash, hash"
    let clock: Clock
    public let keys: AuditKeys

    init(clock: Clock, keys: AuditKeys) {
        self.clock = clock
        self.keys = keys
    }

    /// Appends inside the caller's transaction, so the audited write and its record commit together.
    public func append(_ entry: AuditEntry, in tx: any SQLDatabase, backend: Backend) async throws {
        if backend == .postgres {
            // Serialises appenders until commit; SQLite writers are already serialised.
            try await tx.raw("SELECT pg_advisory_xact_lock(7351)").run()
        }
        let last = try await tx.raw("SELECT seq, hash, key_id FROM audit_log ORDER BY seq DESC LIMIT 1").first()
        let seq = try (last?.decode(column: "seq", as: Int64.self) ?? 0) + 1
        let prev = try last?.decode(column: "hash", as: String.self) ?? Self.genesis
        let key = try keys.signingKey(after: last?.decode(column: "key_id", as: String.self) ?? "")
        var entry = entry
        if entry.zoneID == nil {
            let account = try await tx.raw("SELECT zone_id FROM accounts WHERE username = \(bind: entry.actor)").first()
            entry.zoneID = try account?.decode(column: "zone_id", as: Int64?.self) ?? nil
        }
        let at = clock.isoTimestamp
        let hash = Self.hash(prev: prev, seq: seq, at: at, entry: entry, key: key)
        try await tx.raw("""
            INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, detail, zone_id, key_id, prev_hash, hash)
            VALUES (\(bind: seq), \(bind: at), \(bind: entry.actor), \(bind: entry.action), \(bind: entry.entity),
                    \(bind: entry.entityID), \(bind: entry.detail), \(bind: entry.zoneID), \(bind: key.id), \(bind: prev), \(bind: hash))
            """).run()
    }

    /// The row's hash: HMAC under `key`, or for a legacy row (`key` nil) the unkeyed SHA-256 of
    /// the fields a legacy row had.
    static func hash(prev: String, seq: Int64, at: String, entry: AuditEntry, key: AuditKeyring.Key?) -> String {
        // Fields are length-prefixed so no choice of text can make two different rows serialise alike.
        var fields = [String(seq), at, entry.actor, entry.action, entry.entity, entry.entityID, entry.detail]
        guard let key else { return sha256Hex(prev + "\n" + canonical(fields)) }
        fields += [entry.zoneID.map(String.init) ?? "", key.id]
        return key.mac(prev + "\n" + canonical(fields))
    }

    static func canonical(_ fields: [String]) -> String {
        fields.map { "\($0.utf8.count):\($0)" }.joined(separator: "|")
    }

    /// Starts signing with a new key: adds it to the key file, then writes the row that marks the
    /// change, signed with the new key. From that row on, a row signed with an older key is refused,
    /// so a retired key that leaked cannot add to the log.
    public func rotate(_ database: ZoneDatabase, actor: String) async throws -> AuditKeyring.Key {
        let head = try await database.reader.raw("SELECT MAX(seq) AS seq FROM audit_log").first()
        let last = try head?.decode(column: "seq", as: Int64?.self) ?? 0
        let (old, new) = try keys.rotate(fromSeq: last + 1, created: clock.isoTimestamp)
        let audit = self, backend = database.backend
        try await database.transaction { tx in
            try await audit.append(AuditEntry(actor: actor, action: "audit.key_rotate", entity: "audit_key", entityID: new.id,
                                              detail: "previous=\(old?.id ?? "")"), in: tx, backend: backend)
        }
        return new
    }

    /// Walks the whole chain in order, streaming rows in pages, against the key file as it is now.
    /// Anchors taken earlier must still be in the chain with the same hash.
    public func verify(_ db: any SQLDatabase, anchors: [AuditAnchor] = []) async throws -> AuditVerification {
        // The file as it is now (another process may have rotated); the keys already read if it went missing.
        let ring = (try? keys.reload()) ?? keys.keyring
        let anchored = Dictionary(anchors.map { ($0.seq, $0.hash) }, uniquingKeysWith: { first, _ in first })
        var expectedPrev = Self.genesis
        var expectedSeq: Int64 = 1
        var checked = 0, legacy = 0
        var newestKey = -1
        var used: [String] = []
        func failed(_ seq: Int64, _ reason: String) -> AuditVerification {
            AuditVerification(rowsChecked: checked, firstBad: seq, reason: reason, legacyRows: legacy, keyIDs: used)
        }
        while true {
            let rows = try await db.raw("""
                SELECT \(Self.columns) FROM audit_log
                WHERE seq >= \(bind: expectedSeq) ORDER BY seq LIMIT 5000
                """).all()
            if rows.isEmpty { break }
            for row in rows {
                let record = try Self.record(row)
                if record.seq != expectedSeq {
                    return failed(expectedSeq, "第\(expectedSeq)行缺失（下一行为第\(record.seq)行） / row \(expectedSeq) missing")
                }
                if record.prevHash != expectedPrev {
                    return failed(record.seq, "第\(record.seq)行的前序哈希不符 / row \(record.seq): previous hash does not match")
                }
                var key: AuditKeyring.Key?
                if record.keyID.isEmpty {
                    guard record.seq < ring.keyedFrom else {
                        return failed(record.seq, "第\(record.seq)行没有密钥签名，而自第\(ring.keyedFrom)行起每行都须签名：伪造的追加或改写 / row \(record.seq) is unsigned, but every row from \(ring.keyedFrom) on must be signed: a forged append or rewrite")
                    }
                    legacy += 1
                } else {
                    guard let index = ring.index(of: record.keyID) else {
                        return failed(record.seq, "第\(record.seq)行的签名密钥 \(record.keyID) 不在密钥文件中 / row \(record.seq): key \(record.keyID) is not in the key file")
                    }
                    guard index >= newestKey else {
                        return failed(record.seq, "第\(record.seq)行使用已轮换停用的密钥 \(record.keyID) / row \(record.seq) is signed with the retired key \(record.keyID)")
                    }
                    if index > newestKey { used.append(record.keyID) }
                    newestKey = index
                    key = ring.keys[index]
                }
                if Self.hash(prev: record.prevHash, seq: record.seq, at: record.at, entry: record.entry, key: key) != record.hash {
                    return failed(record.seq, "第\(record.seq)行内容被改动或签名不符 / row \(record.seq): content does not match its signature")
                }
                if let hash = anchored[record.seq], hash != record.hash {
                    return failed(record.seq, "第\(record.seq)行与锚点记录的哈希不同，日志被改写 / row \(record.seq) differs from its anchor: the log was rewritten")
                }
                expectedPrev = record.hash
                expectedSeq += 1
                checked += 1
            }
        }
        if let lost = anchored.keys.filter({ $0 >= expectedSeq }).min() {
            return failed(expectedSeq, "锚点记录的第\(lost)行已不存在（现仅\(checked)行），日志末尾被删除 / anchored row \(lost) is gone (\(checked) rows left): the log was cut short")
        }
        // The rows there were when the key was made are part of what the key file vouches for.
        if Int64(checked) < ring.keyedFrom - 1 {
            return failed(expectedSeq, "启用密钥时已有\(ring.keyedFrom - 1)行，现仅\(checked)行，日志末尾被删除 / the log had \(ring.keyedFrom - 1) rows when it was keyed, \(checked) are left: it was cut short")
        }
        let head = expectedSeq > 1 ? AuditAnchor(seq: expectedSeq - 1, hash: expectedPrev) : nil
        return AuditVerification(rowsChecked: checked, firstBad: nil, reason: nil, head: head, legacyRows: legacy, keyIDs: used)
    }

    /// Newest first, for the audit page: the rows of `scope`.
    public func recent(_ db: any SQLDatabase, limit: Int, offset: Int = 0, in scope: AuditScope = .all) async throws -> [AuditRecord] {
        try await db.raw("""
            SELECT \(Self.columns) FROM audit_log
            WHERE \(Self.filter(scope)) ORDER BY seq DESC LIMIT \(bind: limit) OFFSET \(bind: offset)
            """).all().map(Self.record)
    }

    public func count(_ db: any SQLDatabase, in scope: AuditScope = .all) async throws -> Int {
        try await db.raw("SELECT COUNT(*) AS n FROM audit_log WHERE \(Self.filter(scope))").first()!.decode(column: "n", as: Int.self)
    }

    static func filter(_ scope: AuditScope) -> SQLQueryString {
        switch scope {
        case .zone(let id): "zone_id = \(bind: id)"
        case .province: "zone_id IS NULL"
        case .all: "1 = 1"
        }
    }

    static func record(_ row: any SQLRow) throws -> AuditRecord {
        AuditRecord(
            seq: try row.decode(column: "seq", as: Int64.self),
            at: try row.decode(column: "at", as: String.self),
            entry: AuditEntry(actor: try row.decode(column: "actor", as: String.self),
                              action: try row.decode(column: "action", as: String.self),
                              entity: try row.decode(column: "entity", as: String.self),
                              entityID: try row.decode(column: "entity_id", as: String.self),
                              detail: try row.decode(column: "detail", as: String.self),
                              zoneID: try row.decode(column: "zone_id", as: Int64?.self)),
            prevHash: try row.decode(column: "prev_hash", as: String.self),
            hash: try row.decode(column: "hash", as: String.self),
            keyID: try row.decode(column: "key_id", as: String.self))
    }
}
