import SQLKit
import ZoneCore

/// The post catalogue (岗位目录). Edits use optimistic locking like the register; a post is never
/// deleted, only 停用, so past appointments keep naming it.
public struct PostRepository: Sendable {
    let database: ZoneDatabase
    let audit: AuditLog

    static let columns: SQLQueryString = """
        id, unit_id, title, level, category, pay_coefficient_milli, requirements, headcount, term_years, leadership_rank,
        valid_from, valid_to, active, version
        """

    /// Every post of the zone, 停用 ones included (rounds and reports still name them).
    public func all(zoneID: Int64) async throws -> [Post] {
        try await database.reader.raw("SELECT \(Self.columns) FROM posts WHERE zone_id = \(bind: zoneID) ORDER BY active DESC, unit_id, level DESC, id")
            .all().map(Self.post)
    }

    public func find(id: Int64, zoneID: Int64) async throws -> Post? {
        try await Self.find(id, zoneID: zoneID, in: database.reader)
    }

    static func find(_ id: Int64, zoneID: Int64, in db: any SQLDatabase) async throws -> Post? {
        try await db.raw("SELECT \(columns) FROM posts WHERE id = \(bind: id) AND zone_id = \(bind: zoneID)").first().map(post)
    }

    public func create(_ post: Post, zoneID: Int64, actor: String) async throws -> Post {
        try await createAll([post], zoneID: zoneID, actor: actor)[0]
    }

    /// Adds several posts in one transaction (a sheet import): all of them or none.
    public func createAll(_ posts: [Post], zoneID: Int64, actor: String) async throws -> [Post] {
        let audit = audit, backend = database.backend
        return try await database.transaction { tx in
            var created: [Post] = []
            for post in posts {
                let id = try await insertReturningID(tx, """
                    INSERT INTO posts (zone_id, unit_id, title, level, category, pay_coefficient_milli, requirements, headcount, term_years,
                                       leadership_rank, valid_from, valid_to)
                    VALUES (\(bind: zoneID), \(bind: post.unitID), \(bind: post.title), \(bind: post.level), \(bind: post.category.rawValue),
                            \(bind: post.payCoefficientMilli), \(bind: post.requirements), \(bind: post.headcount), \(bind: post.termYears),
                            \(bind: post.leadership?.rawValue), \(bind: post.validFrom), \(bind: post.validTo))
                    """)
                try await audit.append(AuditEntry(actor: actor, action: "post.create", entity: "post", entityID: String(id),
                                                  detail: "unit=\(post.unitID); title=\(post.title); level=\(post.level); headcount=\(post.headcount)", zoneID: zoneID),
                                       in: tx, backend: backend)
                var stored = post
                stored.id = id
                created.append(stored)
            }
            return created
        }
    }

    /// Saves the editable fields if the stored version is still `expectedVersion`. The unit and the
    /// leadership rank stay as they are: current holders count against that unit's quotas.
    public func update(id: Int64, zoneID: Int64, to post: Post, expectedVersion: Int, actor: String) async throws -> Post {
        let audit = audit, backend = database.backend
        return try await database.transaction { tx in
            guard let current = try await Self.find(id, zoneID: zoneID, in: tx) else { throw StoreError.notFound("岗位 \(id)") }
            guard current.version == expectedVersion else {
                throw StoreError.staleVersion(entity: "岗位“\(current.title)”", expected: expectedVersion, actual: current.version)
            }
            let holders = try await Self.holders(of: id, in: tx)
            guard post.headcount >= holders else { throw StoreError.invalid("岗位数（\(post.headcount)）不能少于现聘人数（\(holders)）") }
            var next = post
            next.id = id
            next.unitID = current.unitID
            next.leadership = current.leadership
            next.active = current.active
            next.version = current.version + 1
            // The version condition repeats in the UPDATE so the check holds even without the row lock.
            let changed = try await tx.raw("""
                UPDATE posts SET title = \(bind: next.title), level = \(bind: next.level), category = \(bind: next.category.rawValue),
                    pay_coefficient_milli = \(bind: next.payCoefficientMilli), requirements = \(bind: next.requirements),
                    headcount = \(bind: next.headcount), term_years = \(bind: next.termYears), valid_from = \(bind: next.validFrom),
                    valid_to = \(bind: next.validTo), version = \(bind: next.version)
                WHERE id = \(bind: id) AND version = \(bind: expectedVersion) RETURNING id
                """).all()
            guard changed.count == 1 else {
                throw StoreError.staleVersion(entity: "岗位“\(current.title)”", expected: expectedVersion, actual: current.version + 1)
            }
            try await audit.append(AuditEntry(actor: actor, action: "post.update", entity: "post", entityID: String(id),
                                              detail: Self.diff(current, next), zoneID: zoneID), in: tx, backend: backend)
            return next
        }
    }

    /// 停用: refused while someone holds the post or a round that offers it is still under way,
    /// since confirming that round would appoint people to a post that no longer exists.
    public func deactivate(id: Int64, zoneID: Int64, actor: String) async throws {
        let audit = audit, backend = database.backend
        try await database.transaction { tx in
            guard let post = try await Self.find(id, zoneID: zoneID, in: tx) else { throw StoreError.notFound("岗位 \(id)") }
            guard post.active else { throw StoreError.invalid("岗位“\(post.title)”已停用") }
            let holders = try await Self.holders(of: id, in: tx)
            guard holders == 0 else { throw StoreError.invalid("岗位“\(post.title)”现有\(holders)人在聘，不能停用；请先调整其聘任") }
            if let round = try await tx.raw("""
                SELECT r.name FROM round_posts rp JOIN rounds r ON r.id = rp.round_id
                WHERE rp.post_id = \(bind: id) AND r.status <> 'confirmed' ORDER BY r.id LIMIT 1
                """).first() {
                throw StoreError.invalid("岗位“\(post.title)”已列入尚未确认的聘任批次“\(try round.decode(column: "name", as: String.self))”，不能停用")
            }
            try await tx.raw("UPDATE posts SET active = 0, version = version + 1 WHERE id = \(bind: id)").run()
            try await audit.append(AuditEntry(actor: actor, action: "post.deactivate", entity: "post", entityID: String(id),
                                              detail: "title=\(post.title); version: \(post.version) → \(post.version + 1)", zoneID: zoneID),
                                   in: tx, backend: backend)
        }
    }

    /// People appointed to the post now.
    static func holders(of postID: Int64, in db: any SQLDatabase) async throws -> Int {
        try await db.raw("SELECT COUNT(*) AS n FROM appointments WHERE post_id = \(bind: postID) AND ended = 0").first()!
            .decode(column: "n", as: Int.self)
    }

    /// The audited fields that an edit can change.
    static func fields(_ p: Post) -> [(String, String)] {
        [("title", p.title), ("level", String(p.level)), ("category", p.category.rawValue), ("payCoefficient", p.payCoefficientText),
         ("requirements", p.requirements), ("headcount", String(p.headcount)), ("termYears", String(p.termYears)),
         ("validFrom", p.validFrom ?? ""), ("validTo", p.validTo ?? "")]
    }

    static func diff(_ old: Post, _ new: Post) -> String {
        let changes = zip(fields(old), fields(new)).filter { $0.0.1 != $0.1.1 }.map { "\($0.0.0): \($0.0.1) → \($0.1.1)" }
        return (changes + ["version: \(old.version) → \(new.version)"]).joined(separator: "; ")
    }

    static func post(_ row: any SQLRow) throws -> Post {
        Post(id: try row.decode(column: "id", as: Int64.self), unitID: try row.decode(column: "unit_id", as: Int64.self),
             title: try row.decode(column: "title", as: String.self), level: try row.decode(column: "level", as: Int.self),
             category: try row.decode(column: "category", as: PostCategory.self, table: "posts"),
             payCoefficientMilli: try row.decode(column: "pay_coefficient_milli", as: Int.self),
             requirements: try row.decode(column: "requirements", as: String.self), headcount: try row.decode(column: "headcount", as: Int.self),
             termYears: try row.decode(column: "term_years", as: Int.self),
             leadership: try row.decodeIfPresent(column: "leadership_rank", as: LeadershipRank.self, table: "posts"),
             validFrom: try row.decode(column: "valid_from", as: String?.self), validTo: try row.decode(column: "valid_to", as: String?.self),
             active: try row.decode(column: "active", as: Int.self) != 0, version: try row.decode(column: "version", as: Int.self))
    }
}
