import SQLKit
import ZoneCore

/// 社会招聘: external candidates for a round's open-recruitment posts, entered by 组织人事 before
/// matching. They join the register only if the confirmed round hires them.
extension RoundRepository {
    public func candidates(roundID: Int64) async throws -> [StoredCandidate] {
        try await Self.candidates(roundID: roundID, in: database.reader)
    }

    static func candidates(roundID: Int64, in db: any SQLDatabase) async throws -> [StoredCandidate] {
        try await db.raw("""
            SELECT id, post_id, name, id_number, gender, birth_date, phone, score, person_id FROM round_candidates
            WHERE round_id = \(bind: roundID) ORDER BY post_id, id
            """).all().map { row in
            StoredCandidate(id: try row.decode(column: "id", as: Int64.self), postID: try row.decode(column: "post_id", as: Int64.self),
                            identity: PersonalIdentity(name: try row.decode(column: "name", as: String.self),
                                                       idNumber: try row.decode(column: "id_number", as: String.self),
                                                       gender: try row.decode(column: "gender", as: Gender.self, table: "round_candidates"),
                                                       birthDate: try row.decode(column: "birth_date", as: String.self),
                                                       phone: try row.decode(column: "phone", as: String.self)),
                            score: try row.decode(column: "score", as: Int?.self), personID: try row.decode(column: "person_id", as: Int64?.self))
        }
    }

    /// Adds a candidate to a 社会招聘 post of the round. The ID number may be neither on the
    /// register (an insider applies, not is recruited) nor already entered in this round.
    public func addCandidate(roundID: Int64, zoneID: Int64, postID: Int64, _ candidate: ValidCandidate, actor: String) async throws {
        let id = candidate.identity, now = clock.isoTimestamp
        let masked = Masking.mask(id.idNumber, keepPrefix: 6, keepSuffix: 4)
        try await change(roundID, zoneID: zoneID, allowed: [.draft, .open], actor: actor, action: "round.candidate.add",
                         detail: "post=\(postID); name=\(id.name); idNumber=\(masked); score=\(candidate.score.map(String.init) ?? "")") { tx, _ in
            guard try await tx.raw("""
                SELECT post_id FROM round_posts WHERE round_id = \(bind: roundID) AND post_id = \(bind: postID)
                AND method = \(bind: AppointmentMethod.openRecruitment.rawValue)
                """).first() != nil else { throw StoreError.invalid("该岗位不是本批次的社会招聘岗位") }
            try await PersonRepository.refuseDuplicate(id.idNumber, zoneID: zoneID, except: nil, in: tx)
            if let row = try await tx.raw("""
                SELECT name FROM round_candidates WHERE round_id = \(bind: roundID) AND id_number = \(bind: id.idNumber)
                """).first() {
                throw StoreError.duplicate("身份证号 \(masked) 已在本批次登记为“\(try row.decode(column: "name", as: String.self))”")
            }
            try await tx.raw("""
                INSERT INTO round_candidates (round_id, post_id, name, id_number, gender, birth_date, phone, score, created_by, created_at)
                VALUES (\(bind: roundID), \(bind: postID), \(bind: id.name), \(bind: id.idNumber), \(bind: id.gender.rawValue),
                        \(bind: id.birthDate), \(bind: id.phone), \(bind: candidate.score), \(bind: actor), \(bind: now))
                """).run()
        }
    }

    public func removeCandidate(roundID: Int64, zoneID: Int64, candidateID: Int64, actor: String) async throws {
        try await change(roundID, zoneID: zoneID, allowed: [.draft, .open], actor: actor, action: "round.candidate.remove",
                         detail: "candidate=\(candidateID)") { tx, _ in
            let removed = try await tx.raw("""
                DELETE FROM round_candidates WHERE id = \(bind: candidateID) AND round_id = \(bind: roundID) RETURNING id
                """).all()
            guard !removed.isEmpty else { throw StoreError.notFound("应聘人员 \(candidateID)") }
        }
    }
}
