import SQLKit
import ZoneCore

/// The post catalogue (岗位目录).
public struct PostRepository: Sendable {
    let database: ZoneDatabase
    let audit: AuditLog

    static let columns: SQLQueryString = """
        id, unit_id, title, level, category, pay_coefficient_milli, requirements, headcount, term_years, leadership_rank, active, version
        """

    public func all(zoneID: Int64) async throws -> [Post] {
        try await database.reader.raw("SELECT \(Self.columns) FROM posts WHERE zone_id = \(bind: zoneID) AND active = 1 ORDER BY unit_id, level DESC, id")
            .all().map(Self.post)
    }

    public func create(_ post: Post, zoneID: Int64, actor: String) async throws -> Post {
        let audit = audit, backend = database.backend
        let id = try await database.transaction { tx in
            let id = try await insertReturningID(tx, """
                INSERT INTO posts (zone_id, unit_id, title, level, category, pay_coefficient_milli, requirements, headcount, term_years, leadership_rank)
                VALUES (\(bind: zoneID), \(bind: post.unitID), \(bind: post.title), \(bind: post.level), \(bind: post.category.rawValue),
                        \(bind: post.payCoefficientMilli), \(bind: post.requirements), \(bind: post.headcount), \(bind: post.termYears),
                        \(bind: post.leadership?.rawValue))
                """)
            try await audit.append(AuditEntry(actor: actor, action: "post.create", entity: "post", entityID: String(id),
                                              detail: "unit=\(post.unitID); title=\(post.title); level=\(post.level); headcount=\(post.headcount)"),
                                   in: tx, backend: backend)
            return id
        }
        var stored = post
        stored.id = id
        return stored
    }

    static func post(_ row: any SQLRow) throws -> Post {
        Post(id: try row.decode(column: "id", as: Int64.self), unitID: try row.decode(column: "unit_id", as: Int64.self),
             title: try row.decode(column: "title", as: String.self), level: try row.decode(column: "level", as: Int.self),
             category: PostCategory(rawValue: try row.decode(column: "category", as: String.self)) ?? .general,
             payCoefficientMilli: try row.decode(column: "pay_coefficient_milli", as: Int.self),
             requirements: try row.decode(column: "requirements", as: String.self), headcount: try row.decode(column: "headcount", as: Int.self),
             termYears: try row.decode(column: "term_years", as: Int.self),
             leadership: try row.decode(column: "leadership_rank", as: String?.self).flatMap(LeadershipRank.init(rawValue:)),
             active: try row.decode(column: "active", as: Int.self) != 0, version: try row.decode(column: "version", as: Int.self))
    }
}
