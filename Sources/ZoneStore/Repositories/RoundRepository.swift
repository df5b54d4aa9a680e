import Foundation
import SQLKit
import ZoneCore

/// Appointment rounds: posts offered and how, applications, the heads' orderings and scores,
/// the computed matching, and the confirmation that turns it into appointments in one transaction.
public struct RoundRepository: Sendable {
    let database: ZoneDatabase
    let audit: AuditLog
    let clock: Clock
    let quotas: QuotaRepository

    public struct Offer: Sendable, Equatable {
        public let postID: Int64
        public let method: AppointmentMethod
        public let capacity: Int
        public let examWeight: Int
    }

    public struct Entry: Sendable, Equatable {
        public let kind: String
        public let personID: Int64
        public let postID: Int64
        public let position: Int
        public let exam: Int
        public let interview: Int

        public init(kind: String, personID: Int64, postID: Int64, position: Int, exam: Int, interview: Int) {
            self.kind = kind
            self.personID = personID
            self.postID = postID
            self.position = position
            self.exam = exam
            self.interview = interview
        }
    }

    static let columns: SQLQueryString = "id, name, status, deadline, version, result, publicity_ends, policy_version"

    public func all(zoneID: Int64) async throws -> [StoredRound] {
        try await database.reader.raw("SELECT \(Self.columns) FROM rounds WHERE zone_id = \(bind: zoneID) ORDER BY id DESC")
            .all().map(Self.round)
    }

    public func find(id: Int64, zoneID: Int64, in db: (any SQLDatabase)? = nil) async throws -> StoredRound? {
        try await (db ?? database.reader).raw("""
            SELECT \(Self.columns) FROM rounds WHERE id = \(bind: id) AND zone_id = \(bind: zoneID)
            """).first().map(Self.round)
    }

    /// The policy the round recorded when it was created (nil for a zone without one): a version
    /// loaded later applies to later rounds only.
    public func policy(of round: StoredRound, zoneID: Int64, in db: (any SQLDatabase)? = nil) async throws -> ZonePolicy? {
        guard let version = round.policyVersion else { return nil }
        return try await PolicyRepository(database: database, audit: audit, clock: clock).require(zoneID: zoneID, version: version, in: db).policy
    }

    public func create(zoneID: Int64, name: String, deadline: CivilDate, actor: String) async throws -> Int64 {
        let audit = audit, backend = database.backend, now = clock.isoTimestamp
        return try await database.transaction { tx in
            let policy = try await tx.raw("SELECT MAX(version) AS v FROM zone_policies WHERE zone_id = \(bind: zoneID)").first()?
                .decode(column: "v", as: Int?.self)
            let id = try await insertReturningID(tx, """
                INSERT INTO rounds (zone_id, name, status, deadline, policy_version, created_by, created_at)
                VALUES (\(bind: zoneID), \(bind: name), 'draft', \(bind: deadline.description), \(bind: policy), \(bind: actor), \(bind: now))
                """)
            try await audit.append(AuditEntry(actor: actor, action: "round.create", entity: "round", entityID: String(id),
                                              detail: "name=\(name); deadline=\(deadline); policy_version=\(policy.map(String.init) ?? "none")", zoneID: zoneID),
                                   in: tx, backend: backend)
            return id
        }
    }

    public func offers(roundID: Int64, in db: (any SQLDatabase)? = nil) async throws -> [Offer] {
        try await (db ?? database.reader).raw("SELECT post_id, method, capacity, exam_weight FROM round_posts WHERE round_id = \(bind: roundID) ORDER BY post_id")
            .all().map { row in
                Offer(postID: try row.decode(column: "post_id", as: Int64.self),
                      method: try row.decode(column: "method", as: AppointmentMethod.self, table: "round_posts"),
                      capacity: try row.decode(column: "capacity", as: Int.self), examWeight: try row.decode(column: "exam_weight", as: Int.self))
            }
    }

    public func entries(roundID: Int64, in db: (any SQLDatabase)? = nil) async throws -> [Entry] {
        try await (db ?? database.reader).raw("""
            SELECT kind, person_id, post_id, position, exam, interview FROM round_entries WHERE round_id = \(bind: roundID)
            ORDER BY kind, post_id, position, person_id
            """).all().map { row in
            Entry(kind: try row.decode(column: "kind", as: String.self), personID: try row.decode(column: "person_id", as: Int64.self),
                  postID: try row.decode(column: "post_id", as: Int64.self), position: try row.decode(column: "position", as: Int.self),
                  exam: try row.decode(column: "exam", as: Int.self), interview: try row.decode(column: "interview", as: Int.self))
        }
    }

    /// Runs `body` on a round in the given statuses, under the round row, auditing `action`.
    func change(_ roundID: Int64, zoneID: Int64, allowed: Set<StoredRound.Status>, actor: String, action: String, detail: String,
                _ body: @escaping @Sendable (any SQLDatabase, StoredRound) async throws -> Void) async throws {
        try await change(roundID, zoneID: zoneID, allowed: allowed, actor: actor, action: action, detail: { _ in detail }, body)
    }

    /// As above, with an audit detail made from what `body` returns.
    func change<R: Sendable>(_ roundID: Int64, zoneID: Int64, allowed: Set<StoredRound.Status>, actor: String, action: String,
                             detail: @escaping @Sendable (R) -> String,
                             _ body: @escaping @Sendable (any SQLDatabase, StoredRound) async throws -> R) async throws -> R {
        let audit = audit, backend = database.backend, repo = self
        return try await database.transaction { tx in
            try await QuotaRepository.lockZone(zoneID, in: tx, backend: backend)
            guard let round = try await repo.find(id: roundID, zoneID: zoneID, in: tx) else { throw StoreError.notFound("聘任批次 \(roundID)") }
            guard allowed.contains(round.status) else {
                throw StoreError.invalid("聘任批次当前为“\(round.status.label)”，不能进行此操作")
            }
            let result = try await body(tx, round)
            try await tx.raw("UPDATE rounds SET version = version + 1 WHERE id = \(bind: roundID)").run()
            try await audit.append(AuditEntry(actor: actor, action: action, entity: "round", entityID: String(roundID), detail: detail(result), zoneID: zoneID),
                                   in: tx, backend: backend)
            return result
        }
    }

    public func offer(roundID: Int64, zoneID: Int64, postID: Int64, method: AppointmentMethod, capacity: Int, examWeight: Int, actor: String) async throws {
        try await change(roundID, zoneID: zoneID, allowed: [.draft], actor: actor, action: "round.offer",
                         detail: "post=\(postID); method=\(method.rawValue); capacity=\(capacity)") { tx, round in
            // The round's recorded policy decides, as it does for the rest of the round.
            if let refusal = try await policy(of: round, zoneID: zoneID, in: tx)?.staffing.refusal(offering: method) {
                throw StoreError.invalid(refusal)
            }
            guard let post = try await PostRepository.find(postID, zoneID: zoneID, in: tx) else { throw StoreError.notFound("岗位 \(postID)") }
            guard post.active else { throw StoreError.invalid("岗位“\(post.title)”已停用，不能加入聘任批次") }
            try await tx.raw("DELETE FROM round_posts WHERE round_id = \(bind: roundID) AND post_id = \(bind: postID)").run()
            try await tx.raw("""
                INSERT INTO round_posts (round_id, post_id, method, capacity, exam_weight)
                VALUES (\(bind: roundID), \(bind: postID), \(bind: method.rawValue), \(bind: capacity), \(bind: examWeight))
                """).run()
        }
    }

    /// 公示: results are published until `ends` (the last of the policy's working days).
    public func publish(roundID: Int64, zoneID: Int64, ends: CivilDate, actor: String) async throws {
        try await change(roundID, zoneID: zoneID, allowed: [.computed], actor: actor, action: "round.published", detail: "publicity_ends=\(ends)") { tx, _ in
            try await tx.raw("UPDATE rounds SET status = 'published', publicity_ends = \(bind: ends.description) WHERE id = \(bind: roundID)").run()
        }
    }

    public func setStatus(roundID: Int64, zoneID: Int64, from: Set<StoredRound.Status>, to: StoredRound.Status, actor: String) async throws {
        try await change(roundID, zoneID: zoneID, allowed: from, actor: actor, action: "round.\(to.rawValue)", detail: "status=\(to.rawValue)") { tx, _ in
            try await tx.raw("UPDATE rounds SET status = \(bind: to.rawValue) WHERE id = \(bind: roundID)").run()
        }
    }

    /// Replaces one kind of entries of a person (applications) or of a post (orderings, scores, direct).
    public func replaceEntries(roundID: Int64, zoneID: Int64, kind: String, personID: Int64?, postID: Int64?, entries: [Entry],
                               allowed: Set<StoredRound.Status>, actor: String) async throws {
        try await change(roundID, zoneID: zoneID, allowed: allowed, actor: actor, action: "round.\(kind)",
                         detail: "person=\(personID.map(String.init) ?? "*"); post=\(postID.map(String.init) ?? "*"); entries=\(entries.count)") { tx, _ in
            if let personID {
                try await tx.raw("DELETE FROM round_entries WHERE round_id = \(bind: roundID) AND kind = \(bind: kind) AND person_id = \(bind: personID)").run()
            }
            if let postID {
                try await tx.raw("DELETE FROM round_entries WHERE round_id = \(bind: roundID) AND kind = \(bind: kind) AND post_id = \(bind: postID)").run()
            }
            for e in entries {
                try await tx.raw("""
                    INSERT INTO round_entries (round_id, kind, person_id, post_id, position, exam, interview)
                    VALUES (\(bind: roundID), \(bind: kind), \(bind: e.personID), \(bind: e.postID), \(bind: e.position), \(bind: e.exam), \(bind: e.interview))
                    """).run()
            }
        }
    }

    /// The engine's input from what `db` sees: every list in the order its user gave it (an
    /// applicant's 志愿 by choice number, a head's order by position), whatever order rows come in;
    /// the tie rule of the round's recorded policy, and each entrant's 参加工作时间 for it.
    public func input(roundID: Int64, zoneID: Int64, in db: (any SQLDatabase)? = nil) async throws -> RoundInput {
        let db = db ?? database.reader
        guard let round = try await find(id: roundID, zoneID: zoneID, in: db) else { throw StoreError.notFound("聘任批次 \(roundID)") }
        let offers = try await offers(roundID: roundID, in: db)
        var input = RoundInput(posts: offers.map { .init(postID: $0.postID, capacity: $0.capacity, method: $0.method, examWeight: $0.examWeight) },
                               tieBreak: try await policy(of: round, zoneID: zoneID, in: db)?.staffing.tieBreak ?? TieBreakKey.declared)
        let entries = try await entries(roundID: roundID, in: db)
        for e in entries.sorted(by: { ($0.position, $0.personID, $0.postID) < ($1.position, $1.personID, $1.postID) }) {
            switch e.kind {
            case "apply": input.applications[e.personID, default: []].append(e.postID)
            case "order": input.orderings[e.postID, default: []].append(e.personID)
            case "score": input.scores[e.postID, default: [:]][e.personID] = .init(exam: e.exam, interview: e.interview)
            case "direct": input.direct[e.personID] = e.postID
            default: continue
            }
        }
        for row in try await db.raw("""
            SELECT id, work_started_on FROM people
            WHERE zone_id = \(bind: zoneID) AND work_started_on IS NOT NULL
              AND id IN (SELECT person_id FROM round_entries WHERE round_id = \(bind: roundID))
            """).all() {
            guard let started = try? CivilDate(parsing: try row.decode(column: "work_started_on", as: String.self)) else { continue }
            input.seniority[try row.decode(column: "id", as: Int64.self)] = started.ordinal
        }
        for candidate in try await Self.candidates(roundID: roundID, in: db) {
            if let score = candidate.score { input.candidates[candidate.postID, default: [:]][candidate.id] = score }
        }
        return input
    }

    /// Computes the matching and stores it (status 已匹配). Reads, matches and writes in one
    /// transaction under the zone lock that every edit of the round also takes, so an edit is either
    /// in the result or refused (the round is no longer 报名中), never saved and left out.
    public func compute(roundID: Int64, zoneID: Int64, actor: String) async throws -> RoundEngine.Result {
        let repo = self
        return try await change(roundID, zoneID: zoneID, allowed: [.open, .computed], actor: actor, action: "round.compute",
                                detail: { (result: RoundEngine.Result) in "placed=\(result.assignments.count); unplaced=\(result.unplaced.count)" }) { tx, _ in
            let input = try await repo.input(roundID: roundID, zoneID: zoneID, in: tx)
            let result: RoundEngine.Result
            do { result = try RoundEngine.run(input) } catch { throw StoreError.invalid("匹配输入有误：\(error)") }
            let json = try String(decoding: JSONEncoder().encode(result), as: UTF8.self)
            try await tx.raw("UPDATE rounds SET status = 'computed', result = \(bind: json) WHERE id = \(bind: roundID)").run()
            return result
        }
    }

    /// Confirms a published round in one transaction: every assignment and every 社会招聘 hire is
    /// checked against the quotas at once (any violation refuses the whole confirmation, listing
    /// all of them); hired candidates join the register; the placed get their post and an
    /// appointment for the post's term; the unplaced go to 待岗 with a training period of
    /// `waitingMonths`. Refused while an objection (申诉) is waiting for review.
    public func confirm(roundID: Int64, zoneID: Int64, waitingMonths: Int, actor: String) async throws {
        let today = clock.today
        let now = clock.isoTimestamp
        let repo = self
        let register = PersonRepository(database: database, audit: audit, clock: clock, quotas: quotas)
        try await change(roundID, zoneID: zoneID, allowed: [.published], actor: actor, action: "round.confirm", detail: "waiting_months=\(waitingMonths)") { tx, round in
            guard let result = round.result else { throw StoreError.invalid("尚未计算匹配结果") }
            if let ends = round.publicityEnds, today.description <= ends {
                throw StoreError.invalid("公示期至\(ends)，期满后方可确认聘任")
            }
            let pending = try await Self.pendingObjections(roundID: roundID, in: tx)
            guard pending == 0 else { throw StoreError.invalid("尚有\(pending)件申诉未处理，请先答复（维持或更正）后再确认聘任") }
            let posts = Dictionary(uniqueKeysWithValues: try await tx.raw("SELECT \(PostRepository.columns) FROM posts WHERE zone_id = \(bind: zoneID)")
                .all().map(PostRepository.post).map { ($0.id, $0) })
            var changes: [StaffingChange] = []
            var people: [Int64: Person] = [:]
            for personID in result.assignments.keys.sorted() + result.unplaced {
                guard let person = try await PersonRepository.find(personID, zoneID: zoneID, in: tx) else { throw StoreError.notFound("人员 \(personID)") }
                people[personID] = person
            }
            for (personID, postID) in result.assignments.sorted(by: { $0.key < $1.key }) {
                let person = people[personID]!, post = posts[postID]!
                changes.append(StaffingChange(before: person.placement,
                                              after: Placement(unitID: post.unitID, category: person.establishment, leadership: post.leadership),
                                              label: person.name))
            }
            let book = try await repo.quotas.book(zoneID: zoneID, in: tx)
            let candidates = Dictionary(uniqueKeysWithValues: try await Self.candidates(roundID: roundID, in: tx).map { ($0.id, $0) })
            let hires = try result.hired.sorted(by: { $0.key < $1.key }).map { candidateID, postID in
                guard let candidate = candidates[candidateID] else { throw StoreError.notFound("应聘人员 \(candidateID)") }
                let post = posts[postID]!
                return (candidateID, postID, ValidPerson(candidate.identity, unitID: post.unitID, establishment: book.externalHireCategory(in: post.unitID),
                                                         archivePost: "", archiveRank: "", status: .active, leadership: post.leadership))
            }
            changes += hires.map { StaffingChange(before: nil, after: $0.2.placement, label: $0.2.name) }
            try QuotaRepository.enforce(changes, on: book)
            var appointed = result.assignments.sorted(by: { $0.key < $1.key }).map { ($0.key, $0.value) }
            for (hire, person) in zip(hires, try await register.write(hires.map(\.2), zoneID: zoneID, actor: actor, in: tx)) {
                try await tx.raw("UPDATE round_candidates SET person_id = \(bind: person.id) WHERE id = \(bind: hire.0)").run()
                appointed.append((person.id, hire.1))
            }
            for (personID, postID) in appointed {
                let post = posts[postID]!
                let ends = today.adding(months: 12 * post.termYears).description
                try await tx.raw("""
                    UPDATE people SET unit_id = \(bind: post.unitID), post_id = \(bind: postID), leadership_rank = \(bind: post.leadership?.rawValue),
                        status = \(bind: PersonStatus.active.rawValue), waiting_until = NULL, version = version + 1, updated_at = \(bind: now)
                    WHERE id = \(bind: personID)
                    """).run()
                try await tx.raw("UPDATE appointments SET ended = 1 WHERE person_id = \(bind: personID) AND ended = 0").run()
                try await tx.raw("""
                    INSERT INTO appointments (person_id, post_id, round_id, starts_on, ends_on)
                    VALUES (\(bind: personID), \(bind: postID), \(bind: roundID), \(bind: today.description), \(bind: ends))
                    """).run()
            }
            let waitingUntil = today.adding(months: waitingMonths).description
            for personID in result.unplaced {
                try await tx.raw("""
                    UPDATE people SET status = \(bind: PersonStatus.awaiting.rawValue), post_id = NULL, leadership_rank = NULL,
                        waiting_until = \(bind: waitingUntil), version = version + 1, updated_at = \(bind: now)
                    WHERE id = \(bind: personID)
                    """).run()
                // A 落聘 person who held a post from an earlier round leaves it: they are 待岗, not 在聘.
                try await tx.raw("UPDATE appointments SET ended = 1 WHERE person_id = \(bind: personID) AND ended = 0").run()
            }
            try await tx.raw("UPDATE rounds SET status = 'confirmed' WHERE id = \(bind: roundID)").run()
        }
    }

    static func round(_ row: any SQLRow) throws -> StoredRound {
        StoredRound(id: try row.decode(column: "id", as: Int64.self), name: try row.decode(column: "name", as: String.self),
                    status: try row.decode(column: "status", as: StoredRound.Status.self, table: "rounds"),
                    deadline: try row.decode(column: "deadline", as: String.self), version: try row.decode(column: "version", as: Int.self),
                    result: try row.decode(column: "result", as: String?.self).map { try JSONDecoder().decode(RoundEngine.Result.self, from: Data($0.utf8)) },
                    publicityEnds: try row.decode(column: "publicity_ends", as: String?.self),
                    policyVersion: try row.decode(column: "policy_version", as: Int?.self))
    }
}
