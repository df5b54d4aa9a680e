/// 毕节's performance fund: a multiple (1–6) of the municipal civil-servant performance fund,
/// the multiple set each year by the tier of the zone's target-appraisal score.
public struct PerformanceFund: Sendable, Equatable {
    /// What the multiple applies to, as the seed names it (市直公务员绩效资金).
    public var basis: String
    public var multiple: ClosedRange<Double>
    /// Score tiers, best first; each tier's multiple lies in `multiple`.
    public var tiers: [FundTier]

    public init(basis: String, multiple: ClosedRange<Double>, tiers: [FundTier]) {
        self.basis = basis
        self.multiple = multiple
        self.tiers = tiers
    }

    /// The multiple for the zone's annual target score.
    public func multiple(forScore score: Double) -> Double {
        (tiers.first { Double($0.minScore) <= score } ?? tiers[tiers.count - 1]).multiple
    }
}

/// Zones scoring at least `minScore` get `multiple` × the basis fund.
public struct FundTier: Sendable, Equatable {
    public var minScore: Int
    public var multiple: Double

    public init(minScore: Int, multiple: Double) {
        self.minScore = minScore
        self.multiple = multiple
    }
}

extension PerformanceFund {
    init?(reading r: PolicyReader) {
        let basis = r.string("basis")
        let multiple = r.value("multiple")?.doubleRange(within: 0...20)
        let tiers = r.value("tiers").flatMap { value -> [FundTier]? in
            guard let tiers = value.list({ tier in
                tier.object { t -> FundTier? in
                    let minScore = t.int("min_score", in: 0...100)
                    let times = t.double("multiple", in: multiple ?? 0...20)
                    guard let minScore, let times else { return nil }
                    return FundTier(minScore: minScore, multiple: times)
                }
            }) else { return nil }
            return value.checkedBands(tiers.map { ($0.minScore, $0.multiple) }) ? tiers : nil
        }
        guard let basis, let multiple, let tiers else { return nil }
        self.init(basis: basis, multiple: multiple, tiers: tiers)
    }
}
