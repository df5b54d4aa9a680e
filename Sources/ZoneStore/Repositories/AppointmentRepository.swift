import SQLKit
import ZoneCore

/// Who holds which post now (聘任), and who is waiting for one (待岗).
public struct AppointmentRepository: Sendable {
    let database: ZoneDatabase

    public struct Current: Sendable {
        public let person: Person
        public let post: Post
        public let startsOn: String
        public let endsOn: String
    }

    public struct Waiting: Sendable {
        public let person: Person
        /// End of the training period (至少3个月); a new round or another outcome follows.
        public let until: String?
    }

    /// Current appointments, earliest term end first (term-end reminders read from the top).
    public func current(zoneID: Int64) async throws -> [Current] {
        // One query: the subquery hides appointments.id so the person columns stay unambiguous.
        let rows = try await database.reader.raw("""
            SELECT \(PersonRepository.columns), a.appointed_post, a.starts_on, a.ends_on FROM people
            JOIN (SELECT person_id, post_id AS appointed_post, starts_on, ends_on FROM appointments WHERE ended = 0) a
              ON a.person_id = people.id
            WHERE people.zone_id = \(bind: zoneID) ORDER BY a.ends_on, a.person_id
            """).all()
        let posts = Dictionary(uniqueKeysWithValues: try await database.reader.raw(
            "SELECT \(PostRepository.columns) FROM posts WHERE zone_id = \(bind: zoneID)").all().map(PostRepository.post).map { ($0.id, $0) })
        return try rows.compactMap { row in
            guard let post = posts[try row.decode(column: "appointed_post", as: Int64.self)] else { return nil }
            return Current(person: try PersonRepository.person(row), post: post, startsOn: try row.decode(column: "starts_on", as: String.self),
                           endsOn: try row.decode(column: "ends_on", as: String.self))
        }
    }

    public func waiting(zoneID: Int64) async throws -> [Waiting] {
        try await database.reader.raw("""
            SELECT \(PersonRepository.columns), waiting_until FROM people
            WHERE zone_id = \(bind: zoneID) AND status = \(bind: PersonStatus.awaiting.rawValue) ORDER BY unit_id, id
            """).all().map { Waiting(person: try PersonRepository.person($0), until: try $0.decode(column: "waiting_until", as: String?.self)) }
    }
}
