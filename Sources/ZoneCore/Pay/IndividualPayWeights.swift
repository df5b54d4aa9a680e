/// Each person's weight in their department's package: post coefficient × appraisal, per the
/// policy's ``IndividualShareRule``, and 0 for grades that lose incentive pay.
///
///     score basis (毕节 按考核分值):  weight = postCoefficient‰ × score (hundredths)
///     grade basis (新余 四个等次):    weight = postCoefficient‰ × gradeFactor‰
///
/// and `weight = 0` when the person's grade is in `withoutIncentivePay`
/// (``AppraisalRules/gradesWithoutIncentivePay``, e.g. 新余 不及格 → 取消奖励性绩效工资). A grade
/// factor of 0 has the same effect. The post coefficient combines 分级 and 分类 (仪征:
/// ``PayRules/postCoefficientPerMille(level:category:)``); 1000 where a zone sets neither.
///
/// ```swift
/// let share = xinyu.pay.individualShare                 // grade basis: 1.2 / 1.0 / 0.8 / 0
/// let weights = try IndividualPayWeights.weights(
///     share: share, grades: xinyu.appraisal.grades,
///     withoutIncentivePay: xinyu.appraisal.gradesWithoutIncentivePay,
///     postCoefficientsPerMille: [1_000, 1_300, 1_000], scores: [9_300, 8_100, 5_000], gradeRanks: [0, 1, 3])
/// // [1_200_000, 1_300_000, 0]
/// ```
public enum IndividualPayWeights {
    public static func weights(share: IndividualShareRule, grades: GradeScheme, withoutIncentivePay: Set<String>,
                               postCoefficientsPerMille: [Int64], scores: [Int32],
                               gradeRanks: [UInt8]) throws(AllocationError) -> [Int64] {
        let count = scores.count
        precondition(postCoefficientsPerMille.count == count && gradeRanks.count == count, "one value of each per person")
        // Per grade: the factor in ‰ (grade basis) or 1 (score basis), 0 when the grade loses incentive pay.
        let factors: [Int64] = grades.grades.map { grade in
            if withoutIncentivePay.contains(grade.key) { return 0 }
            switch share.basis {
            case .score: return 1
            case .grade: return PerMille.of(share.gradeFactors[grade.key] ?? 0)
            }
        }
        let byScore = share.basis == .score
        var out = [Int64](repeating: 0, count: count)
        for person in 0..<count {
            let coefficient = postCoefficientsPerMille[person]
            guard coefficient >= 0 else { throw .negativeWeight(index: person, weight: coefficient) }
            let rank = Int(gradeRanks[person])
            precondition(rank < factors.count, "grade rank outside the scheme")
            let basis = byScore ? Int64(scores[person]) : 1
            out[person] = coefficient * basis * factors[rank]
        }
        return out
    }
}
