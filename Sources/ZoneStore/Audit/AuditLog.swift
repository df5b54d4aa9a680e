import Foundation
import SQLKit

/// The append-only, hash-chained audit log.
///
/// Each row stores `hash = SHA-256(prev_hash + "\n" + canonical(row))`, where the canonical form
/// includes the row's sequence number; the first row's `prev_hash` is 64 zeros. Editing, deleting
/// or reordering any row breaks the chain at that row, which `verify` reports.
public struct AuditLog: Sendable {
    static let genesis = String(repeating: "0", count: 64)
    let clock: Clock

    public init(clock: Clock = .system) { self.clock = clock }

    /// Appends inside the caller's transaction, so the audited write and its record commit together.
    public func append(_ entry: AuditEntry, in tx: any SQLDatabase, backend: Backend) async throws {
        if backend == .postgres {
            // Serialises appenders until commit; SQLite writers are already serialised.
            try await tx.raw("SELECT pg_advisory_xact_lock(7351)").run()
        }
        let last = try await tx.raw("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").first()
        let seq = try (last?.decode(column: "seq", as: Int64.self) ?? 0) + 1
        let prev = try last?.decode(column: "hash", as: String.self) ?? Self.genesis
        let at = clock.isoTimestamp
        let hash = Self.hash(prev: prev, seq: seq, at: at, entry: entry)
        try await tx.raw("""
            INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, detail, prev_hash, hash)
            VALUES (\(bind: seq), \(bind: at), \(bind: entry.actor), \(bind: entry.action), \(bind: entry.entity),
                    \(bind: entry.entityID), \(bind: entry.detail), \(bind: prev), \(bind: hash))
            """).run()
    }

    static func hash(prev: String, seq: Int64, at: String, entry: AuditEntry) -> String {
        // Fields are length-prefixed so no choice of text can make two different rows serialise alike.
        let fields = [String(seq), at, entry.actor, entry.action, entry.entity, entry.entityID, entry.detail]
        let canonical = fields.map { "\($0.utf8.count):\($0)" }.joined(separator: "|")
        return sha256Hex(prev + "\n" + canonical)
    }

    /// Walks the whole chain in order, streaming rows in pages.
    /// Anchors taken earlier must still be in the chain with the same hash.
    public func verify(_ db: any SQLDatabase, anchors: [AuditAnchor] = []) async throws -> AuditVerification {
        let anchored = Dictionary(anchors.map { ($0.seq, $0.hash) }, uniquingKeysWith: { first, _ in first })
        var expectedPrev = Self.genesis
        var expectedSeq: Int64 = 1
        var checked = 0
        while true {
            let rows = try await db.raw("""
                SELECT seq, at, actor, action, entity, entity_id, detail, prev_hash, hash FROM audit_log
                WHERE seq >= \(bind: expectedSeq) ORDER BY seq LIMIT 5000
                """).all()
            if rows.isEmpty { break }
            for row in rows {
                let record = try Self.record(row)
                if record.seq != expectedSeq {
                    return AuditVerification(rowsChecked: checked, firstBad: expectedSeq,
                                             reason: "第\(expectedSeq)行缺失（下一行为第\(record.seq)行） / row \(expectedSeq) missing")
                }
                if record.prevHash != expectedPrev {
                    return AuditVerification(rowsChecked: checked, firstBad: record.seq,
                                             reason: "第\(record.seq)行的前序哈希不符 / row \(record.seq): previous hash does not match")
                }
                if Self.hash(prev: record.prevHash, seq: record.seq, at: record.at, entry: record.entry) != record.hash {
                    return AuditVerification(rowsChecked: checked, firstBad: record.seq,
                                             reason: "第\(record.seq)行内容被改动 / row \(record.seq): content does not match its hash")
                }
                if let hash = anchored[record.seq], hash != record.hash {
                    return AuditVerification(rowsChecked: checked, firstBad: record.seq,
                                             reason: "第\(record.seq)行与锚点记录的哈希不同，日志被改写 / row \(record.seq) differs from its anchor: the log was rewritten")
                }
                expectedPrev = record.hash
                expectedSeq += 1
                checked += 1
            }
        }
        if let lost = anchored.keys.filter({ $0 >= expectedSeq }).min() {
            return AuditVerification(rowsChecked: checked, firstBad: expectedSeq,
                                     reason: "锚点记录的第\(lost)行已不存在（现仅\(checked)行），日志末尾被删除 / anchored row \(lost) is gone (\(checked) rows left): the log was cut short")
        }
        let head = expectedSeq > 1 ? AuditAnchor(seq: expectedSeq - 1, hash: expectedPrev) : nil
        return AuditVerification(rowsChecked: checked, firstBad: nil, reason: nil, head: head)
    }

    /// Newest first, for the audit page.
    public func recent(_ db: any SQLDatabase, limit: Int, offset: Int = 0) async throws -> [AuditRecord] {
        try await db.raw("""
            SELECT seq, at, actor, action, entity, entity_id, detail, prev_hash, hash FROM audit_log
            ORDER BY seq DESC LIMIT \(bind: limit) OFFSET \(bind: offset)
            """).all().map(Self.record)
    }

    public func count(_ db: any SQLDatabase) async throws -> Int {
        try await db.raw("SELECT COUNT(*) AS n FROM audit_log").first()!.decode(column: "n", as: Int.self)
    }

    static func record(_ row: any SQLRow) throws -> AuditRecord {
        AuditRecord(
            seq: try row.decode(column: "seq", as: Int64.self),
            at: try row.decode(column: "at", as: String.self),
            entry: AuditEntry(actor: try row.decode(column: "actor", as: String.self),
                              action: try row.decode(column: "action", as: String.self),
                              entity: try row.decode(column: "entity", as: String.self),
                              entityID: try row.decode(column: "entity_id", as: String.self),
                              detail: try row.decode(column: "detail", as: String.self)),
            prevHash: try row.decode(column: "prev_hash", as: String.self),
            hash: try row.decode(column: "hash", as: String.self))
    }
}
