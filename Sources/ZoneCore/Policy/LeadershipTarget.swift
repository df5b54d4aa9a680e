/// A published reform target for 领导职数 of one class, as a percentage change
/// (新余: 科级领导职数核减 18.3% → `-18.3`). A restructuring plan is compared against it.
public struct LeadershipTarget: Sendable, Equatable {
    public var rankClass: LeadershipClass
    /// Signed change as published, e.g. "-18.3".
    public var changePercent: PublishedPercent

    public init(rankClass: LeadershipClass, changePercent: PublishedPercent) {
        self.rankClass = rankClass
        self.changePercent = changePercent
    }
}

extension LeadershipTarget {
    init?(reading r: PolicyReader) {
        let rankClass = r.keyword("class", LeadershipClass.self)
        let change = r.value("change_percent")?.publishedPercent()
        guard let rankClass, let change else { return nil }
        self.init(rankClass: rankClass, changePercent: change)
    }
}
