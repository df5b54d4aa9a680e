import ZoneCore
import ZoneStore

/// 毕节's 全员竞聘上岗 (`DemoRound`) entered the way 组织人事部 would: the posts in the catalogue,
/// a round offering them as 竞争上岗, each 编内 person's application, each post's exam and
/// interview scores, the matching computed, published for the policy's working days and confirmed,
/// so the appointments and the 低职高聘/高职低聘 counts come out of the confirmed round.
struct DemoRoundLoader {
    let store: Store
    let zoneID: Int64

    func load() async throws {
        let policy = try await store.policies.require(zoneID: zoneID).policy
        let offers = DemoRound.offers(try await store.people.onStrength(zoneID: zoneID))
        let posts = try await store.posts.createAll(offers.map { offer in
            Post(id: 0, unitID: offer.post.unitID, title: offer.post.title, level: offer.post.level, category: .general, payCoefficientMilli: 1_000,
                 requirements: "", headcount: offer.applicants.count, termYears: policy.staffing.postTermYears.upperBound,
                 leadership: offer.post.leadership, validFrom: "2022-11-01")
        }, zoneID: zoneID, actor: "hr")
        let rounds = store.rounds
        let round = try await rounds.create(zoneID: zoneID, name: DemoRound.name, deadline: CivilDate(year: 2022, month: 11, day: 20)!, actor: "hr")
        for (offer, post) in zip(offers, posts) {
            try await rounds.offer(roundID: round, zoneID: zoneID, postID: post.id, method: .competitive, capacity: offer.applicants.count,
                                   examWeight: 50, actor: "hr")
        }
        try await rounds.setStatus(roundID: round, zoneID: zoneID, from: [.draft], to: .open, actor: "hr")
        var random = SeededGenerator(seed: 20_221_1)
        for (offer, post) in zip(offers, posts) {
            for person in offer.applicants {
                try await rounds.replaceEntries(roundID: round, zoneID: zoneID, kind: "apply", personID: person, postID: nil,
                                                entries: [.init(kind: "apply", personID: person, postID: post.id, position: 1, exam: 0, interview: 0)],
                                                allowed: [.open], actor: "hr")
            }
            let scores = offer.applicants.map { person in
                RoundRepository.Entry(kind: "score", personID: person, postID: post.id, position: 0,
                                      exam: Int.random(in: 6_500...9_600, using: &random), interview: Int.random(in: 7_000...9_500, using: &random))
            }
            try await rounds.replaceEntries(roundID: round, zoneID: zoneID, kind: "score", personID: nil, postID: post.id, entries: scores,
                                            allowed: [.open], actor: "hr")
        }
        _ = try await rounds.compute(roundID: round, zoneID: zoneID, actor: "hr")
        try await rounds.publish(roundID: round, zoneID: zoneID, ends: CivilDate(year: 2022, month: 11, day: 29)!, actor: "hr")
        try await rounds.confirm(roundID: round, zoneID: zoneID, waitingMonths: policy.staffing.waitingMonths, actor: "hr")
    }
}
