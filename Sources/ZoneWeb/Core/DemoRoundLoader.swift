import ZoneCore
import ZoneStore

/// A demo zone's round entered the way 组织人事 would: the posts in the catalogue, a round offering them
/// as 竞争上岗 (and any 社会招聘 posts with their candidates), each 编内 person's application, each post's exam
/// and interview scores, the matching computed, published and confirmed, so the appointments (and 毕节's
/// 低职高聘/高职低聘 counts, `DemoRound`) come out of the confirmed round, as they would in a real zone.
struct DemoRoundLoader {
    let store: Store
    let zoneID: Int64
    /// The 组织人事 account that enters it.
    var hr = "hr"

    /// 毕节's 全员竞聘上岗 (`DemoRound.bijie`).
    func load() async throws {
        try await load(DemoRound.bijie, units: [:])
    }

    /// `units` maps the plan's unit keys (招商 units, 社会招聘 posts) to ids. A post's pay coefficient is the
    /// policy's for its 分级 and 分类 (仪征), 1.000 where the policy sets neither.
    func load(_ plan: DemoRound.Plan, units: [String: Int64]) async throws {
        let policy = try await store.policies.require(zoneID: zoneID).policy
        let offers = DemoRound.offers(try await store.people.onStrength(zoneID: zoneID), promoted: plan.promoted, demoted: plan.demoted)
        let investment = Set(plan.investmentUnits.compactMap { units[$0] })
        func post(unitID: Int64, title: String, level: Int, leadership: LeadershipRank?, headcount: Int) throws -> Post {
            let category: PostCategory = investment.contains(unitID) ? .investment : .general
            let payLevel = leadership.flatMap { plan.payLevels[$0] } ?? plan.basePayLevel
            guard let coefficient = policy.pay.postCoefficientPerMille(level: payLevel, category: category.rawValue) else {
                throw StoreError.invalid("岗位“\(title)”的分级不在政策中：\(payLevel ?? "")")
            }
            return Post(id: 0, unitID: unitID, title: title, level: level, category: category, payCoefficientMilli: Int(coefficient),
                        requirements: "", headcount: headcount, termYears: policy.staffing.postTermYears.upperBound,
                        leadership: leadership, validFrom: plan.validFrom)
        }
        let catalogue = try await store.posts.createAll(try offers.map { offer in
            try post(unitID: offer.post.unitID, title: offer.post.title, level: offer.post.level, leadership: offer.post.leadership,
                     headcount: offer.applicants.count)
        } + plan.recruits.map { recruit in
            try post(unitID: units[recruit.unitKey]!, title: recruit.title, level: recruit.level, leadership: nil, headcount: recruit.candidates.count)
        }, zoneID: zoneID, actor: hr)
        let posts = catalogue.prefix(offers.count), recruitPosts = catalogue.dropFirst(offers.count)
        let rounds = store.rounds
        let round = try await rounds.create(zoneID: zoneID, name: plan.name, deadline: plan.deadline, actor: hr)
        for (offer, post) in zip(offers, posts) {
            try await rounds.offer(roundID: round, zoneID: zoneID, postID: post.id, method: .competitive, capacity: offer.applicants.count,
                                   examWeight: 50, actor: hr)
        }
        for (recruit, post) in zip(plan.recruits, recruitPosts) {
            try await rounds.offer(roundID: round, zoneID: zoneID, postID: post.id, method: .openRecruitment, capacity: recruit.candidates.count,
                                   examWeight: 50, actor: hr)
            for candidate in recruit.candidates {
                try await rounds.addCandidate(roundID: round, zoneID: zoneID, postID: post.id, candidate, actor: hr)
            }
        }
        try await rounds.setStatus(roundID: round, zoneID: zoneID, from: [.draft], to: .open, actor: hr)
        var random = SeededGenerator(seed: plan.seed)
        for (offer, post) in zip(offers, posts) {
            for person in offer.applicants {
                try await rounds.replaceEntries(roundID: round, zoneID: zoneID, kind: "apply", personID: person, postID: nil,
                                                entries: [.init(kind: "apply", personID: person, postID: post.id, position: 1, exam: 0, interview: 0)],
                                                allowed: [.open], actor: hr)
            }
            let scores = offer.applicants.map { person in
                RoundRepository.Entry(kind: "score", personID: person, postID: post.id, position: 0,
                                      exam: Int.random(in: 6_500...9_600, using: &random), interview: Int.random(in: 7_000...9_500, using: &random))
            }
            try await rounds.replaceEntries(roundID: round, zoneID: zoneID, kind: "score", personID: nil, postID: post.id, entries: scores,
                                            allowed: [.open], actor: hr)
        }
        _ = try await rounds.compute(roundID: round, zoneID: zoneID, actor: hr)
        try await rounds.publish(roundID: round, zoneID: zoneID, ends: plan.publicityEnds, actor: hr)
        try await rounds.confirm(roundID: round, zoneID: zoneID, waitingMonths: policy.staffing.waitingMonths, actor: hr)
    }
}
