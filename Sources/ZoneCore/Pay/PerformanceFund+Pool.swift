extension PerformanceFund {
    /// The tier the zone's annual target score earns (score in hundredths; thresholds are whole points).
    public func tier(forScore score: Int32) -> FundTier {
        tiers.first { Int($0.minScore) * 100 <= Int(score) } ?? tiers[tiers.count - 1]
    }

    /// 毕节's zone performance pool in fen: the municipal civil-servant fund (`basisFen`) × the
    /// tier's multiple (1–6), exact to the fen (multiple in ‰, rounded half up).
    ///
    /// ```swift
    /// bijie.pay.performanceFund!.poolFen(basisFen: 1_000_000_00, zoneScore: 9_250)   // tier ≥ 90: × 5
    /// ```
    public func poolFen(basisFen: Int64, zoneScore: Int32) -> Int64 {
        PerMille.apply(PerMille.of(tier(forScore: zoneScore).multiple), to: basisFen)
    }
}
