/// Department value coefficients (部门价值系数, 潍坊: 0.5–1.5) as integer per-mille (1.2 → 1200),
/// the form the pay split multiplies by (``PerformancePaySplit``).
///
/// A policy either derives the coefficient from the department's appraisal score through bands
/// (``DepartmentCoefficientRule/Source/scoreBands``) or has leadership assign it
/// (``DepartmentCoefficientRule/Source/assigned``, as 潍坊's seed does); both end here, inside the
/// policy's range.
///
/// ```swift
/// let rule = DepartmentCoefficientRule(range: 0.5...1.5, source: .scoreBands, bands: [
///     .init(minScore: 90, value: 1.3), .init(minScore: 70, value: 1.0), .init(minScore: 0, value: 0.5)])
/// try DepartmentCoefficients.fromScores([9_512, 8_000, 6_999], rule: rule)   // [1300, 1000, 500]
/// try DepartmentCoefficients.assigned([1.2, 0.8], rule: weifang.appraisal.departmentCoefficient)   // [1200, 800]
/// ```
public enum DepartmentCoefficients {
    /// Per-mille coefficient for each department score (hundredths, 0–10000): the first band whose
    /// `minScore` (whole points) the score reaches. Throws if the policy assigns coefficients
    /// instead, a score is outside 0–100.00, or a band lies outside the range.
    public static func fromScores(_ scores: [Int32], rule: DepartmentCoefficientRule) throws(AppraisalError) -> [Int64] {
        guard rule.source == .scoreBands, !rule.bands.isEmpty else { throw .coefficientsAreAssigned }
        for band in rule.bands where !rule.range.contains(band.value) {
            throw .bandOutOfRange(value: band.value, range: rule.range)
        }
        var table = [Int64](repeating: 0, count: Int(ScoreScale.full) + 1)
        for score in 0...Int(ScoreScale.full) {
            let band = rule.bands.first { $0.minScore * 100 <= score } ?? rule.bands[rule.bands.count - 1]
            table[score] = PerMille.of(band.value)
        }
        var out: [Int64] = []
        out.reserveCapacity(scores.count)
        for (department, score) in scores.enumerated() {
            guard (0...ScoreScale.full).contains(score) else { throw .scoreOutOfRange(person: department, score: score) }
            out.append(table[Int(score)])
        }
        return out
    }

    /// Per-mille coefficients as assigned (and approved) per department; each must lie in the
    /// policy's range.
    public static func assigned(_ values: [Double], rule: DepartmentCoefficientRule) throws(AppraisalError) -> [Int64] {
        var out: [Int64] = []
        out.reserveCapacity(values.count)
        for (department, value) in values.enumerated() {
            guard rule.range.contains(value) else {
                throw .coefficientOutOfRange(department: department, value: value, range: rule.range)
            }
            out.append(PerMille.of(value))
        }
        return out
    }
}
