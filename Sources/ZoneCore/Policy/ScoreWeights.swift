/// How a person's appraisal score is made from its parts, in whole percentage points summing to
/// 100, so every score stays on the same 0–100 scale whatever mix a zone chooses.
public struct ScoreWeights: Sendable, Equatable {
    /// KPI results (关键绩效指标).
    public var kpi: Int
    /// 360-degree / peer review (民主测评).
    public var peer360: Int
    /// Leader review (领导评价).
    public var leader: Int
    /// Completeness of the monthly work log (月工作日志).
    public var worklog: Int

    public init(kpi: Int, peer360: Int, leader: Int, worklog: Int) {
        self.kpi = kpi
        self.peer360 = peer360
        self.leader = leader
        self.worklog = worklog
    }

    public var total: Int { kpi + peer360 + leader + worklog }

    /// The weighted score for part scores on 0–100.
    public func score(kpi k: Double, peer360 p: Double, leader l: Double, worklog w: Double) -> Double {
        (Double(kpi) * k + Double(peer360) * p + Double(leader) * l + Double(worklog) * w) / 100
    }
}

extension ScoreWeights {
    init?(reading r: PolicyReader) {
        let kpi = r.int("kpi", in: 0...100)
        let peer = r.int("peer360", in: 0...100)
        let leader = r.int("leader", in: 0...100)
        let worklog = r.int("worklog", in: 0...100)
        guard let kpi, let peer, let leader, let worklog else { return nil }
        self.init(kpi: kpi, peer360: peer, leader: leader, worklog: worklog)
        if total != 100 {
            r.problem("合计应为100，实际为\(total)", "weights must sum to 100, got \(total)")
        }
    }
}
