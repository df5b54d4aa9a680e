/// The KPI part of the appraisal for everyone at once: each person's indicators scored by their
/// rules, weighted, adjusted by bonus and penalty items, and checked for a 一票否决.
///
/// For person `p` with weighted indicators `i` (weights `wᵢ` summing to 100, points `sᵢ` in
/// hundredths), bonus points `B` and penalty points `P`:
///
///     kpi = clamp( round_half_up(Σ wᵢ·sᵢ / 100) + B − P , 0, 10000 )
///
/// The clamp keeps the part on the same 0–100 scale as the other parts: a capped linear indicator
/// (up to 120 points) lets over-achievement make up for shortfalls elsewhere, but never lifts the
/// KPI part above full marks. A veto item that fires sets ``KPIScores/vetoed`` and leaves the score
/// as computed; the forced distribution then puts the person in the bottom grade.
///
/// ```swift
/// let catalog = [
///     Indicator(weight: 70, rule: .linear(target: 10_000, capPercent: 120)),
///     Indicator(weight: 30, rule: .thresholds([.init(minActual: 90, points: 10_000),
///                                              .init(minActual: 0, points: 6_000)])),
///     Indicator(weight: 0, rule: .penalty(perItem: 100, max: 500)),
///     Indicator(weight: 0, rule: .veto),
/// ]
/// let entries = KPIEntries(people: [[(0, 9_000), (1, 95), (2, 2), (3, 0)]])
/// let kpi = try KPIScoring.score(entries, catalog: catalog)
/// // 70 × 90.00 + 30 × 100.00 = 93.00, minus 2 penalty items × 1.00 → kpi.scores == [9100]
/// ```
///
/// Complexity: O(E) for E entries, one pass, no allocation per person. The catalogue is first
/// flattened into plain integers so the loop is a switch on a byte, a few multiplications and
/// no division: ten million entries take a few tens of milliseconds.
public enum KPIScoring {
    public static func score(_ entries: KPIEntries, catalog: [Indicator]) throws(AppraisalError) -> KPIScores {
        let (rules, steps) = try compile(catalog)
        let personCount = entries.personCount
        var scores = [Int32](repeating: 0, count: personCount)
        var vetoed = [Bool](repeating: false, count: personCount)
        var failure: AppraisalError?

        rules.withUnsafeBufferPointer { rules in
        steps.withUnsafeBufferPointer { steps in
        entries.offsets.withUnsafeBufferPointer { offsets in
        entries.indicators.withUnsafeBufferPointer { indicators in
        entries.actuals.withUnsafeBufferPointer { actuals in
        scores.withUnsafeMutableBufferPointer { scores in
        vetoed.withUnsafeMutableBufferPointer { vetoed in
            let ruleCount = UInt32(rules.count)
            var start = Int(offsets[0])
            for person in 0..<personCount {
                let end = Int(offsets[person + 1])
                var weightTotal: Int64 = 0
                var weighted: Int64 = 0
                var adjustment: Int64 = 0
                var veto = false
                for entry in start..<end {
                    let index = indicators[entry]
                    guard UInt32(bitPattern: index) < ruleCount else {
                        failure = .unknownIndicator(person: person, indicator: index)
                        return
                    }
                    let rule = rules[Int(index)]
                    let actual = actuals[entry]
                    switch rule.kind {
                    case .linear:
                        // IndicatorRule.linearPoints with its division replaced by a multiply:
                        // `numerator × ⌊(2⁶⁴−1)/divisor⌋ >> 64` is the quotient or one less (the
                        // numerator is below 2⁵⁶), and one exact integer step corrects it.
                        let clamped = min(max(actual, 0), rule.capActual)
                        let numerator = UInt64(truncatingIfNeeded: clamped &* 20_000 &+ rule.target)
                        let divisor = UInt64(truncatingIfNeeded: rule.target &* 2)
                        var points = numerator.multipliedFullWidth(by: rule.reciprocal).high
                        points &+= numerator &- points &* divisor >= divisor ? 1 : 0
                        weighted &+= rule.weight &* min(Int64(truncatingIfNeeded: points), rule.capPoints)
                        weightTotal &+= rule.weight
                    case .thresholds:
                        // Lowest step first, each reached step overwriting: the best reached wins,
                        // with no data-dependent branch to mispredict.
                        var points: Int64 = 0
                        var step = Int(rule.stepEnd)
                        while step > Int(rule.stepStart) {
                            step -= 1
                            let candidate = steps[step]
                            points = actual >= candidate.minActual ? Int64(candidate.points) : points
                        }
                        weighted &+= rule.weight &* points
                        weightTotal &+= rule.weight
                    case .bonus:
                        adjustment &+= IndicatorRule.itemPoints(count: actual, perItem: rule.perItem, max: rule.itemMax)
                    case .penalty:
                        adjustment &-= IndicatorRule.itemPoints(count: actual, perItem: rule.perItem, max: rule.itemMax)
                    case .veto:
                        veto = veto || actual > 0
                    }
                }
                guard weightTotal == 100 else {
                    failure = .indicatorWeights(person: person, total: Int(weightTotal))
                    return
                }
                let kpi = ScoreScale.divideHalfUp(weighted, 100) &+ adjustment
                scores[person] = Int32(min(max(kpi, 0), Int64(ScoreScale.full)))
                vetoed[person] = veto
                start = end
            }
        }}}}}}}
        if let failure { throw failure }
        return KPIScores(scores: scores, vetoed: vetoed)
    }

    /// One catalogue indicator flattened to integers; thresholded rules point into a shared step
    /// table. Fields another kind does not use keep their defaults.
    struct CompiledRule {
        enum Kind: UInt8 { case linear, thresholds, bonus, penalty, veto }
        var kind: Kind
        var weight: Int64 = 0
        var target: Int64 = 1
        var capActual: Int64 = 0
        var capPoints: Int64 = 0
        /// `⌊(2⁶⁴ − 1) / (2 × target)⌋`, for linear rules.
        var reciprocal: UInt64 = 0
        var stepStart: Int32 = 0
        var stepEnd: Int32 = 0
        var perItem: Int64 = 0
        var itemMax: Int64 = 0
    }

    /// Validates the catalogue and flattens it (see ``AppraisalError/IndicatorProblem``).
    static func compile(_ catalog: [Indicator]) throws(AppraisalError) -> ([CompiledRule], [IndicatorRule.Step]) {
        var rules: [CompiledRule] = []
        rules.reserveCapacity(catalog.count)
        var steps: [IndicatorRule.Step] = []
        for (index, indicator) in catalog.enumerated() {
            let weight = indicator.weight
            if indicator.rule.isWeighted {
                guard (1...100).contains(weight) else { throw .invalidIndicator(index: index, .weightOutOfRange(weight)) }
            } else {
                guard weight == 0 else { throw .invalidIndicator(index: index, .weightOnItem(weight)) }
            }
            switch indicator.rule {
            case let .linear(target, capPercent):
                guard (1...IndicatorRule.maxTarget).contains(target) else {
                    throw .invalidIndicator(index: index, .targetOutOfRange(target))
                }
                guard (100...300).contains(capPercent) else { throw .invalidIndicator(index: index, .capOutOfRange(capPercent)) }
                rules.append(CompiledRule(kind: .linear, weight: Int64(weight), target: target,
                                          capActual: IndicatorRule.capActual(target, capPercent),
                                          capPoints: Int64(capPercent) * 100, reciprocal: UInt64.max / UInt64(2 * target)))
            case let .thresholds(list):
                guard !list.isEmpty, zip(list, list.dropFirst()).allSatisfy({ $0.minActual > $1.minActual }) else {
                    throw .invalidIndicator(index: index, .stepsNotDescending)
                }
                if let bad = list.first(where: { !(0...ScoreScale.full).contains($0.points) }) {
                    throw .invalidIndicator(index: index, .pointsOutOfRange(bad.points))
                }
                rules.append(CompiledRule(kind: .thresholds, weight: Int64(weight), stepStart: Int32(steps.count),
                                          stepEnd: Int32(steps.count + list.count)))
                steps += list
            case let .bonus(perItem, max), let .penalty(perItem, max):
                guard (1...ScoreScale.full).contains(perItem) else { throw .invalidIndicator(index: index, .pointsOutOfRange(perItem)) }
                guard (0...ScoreScale.full).contains(max) else { throw .invalidIndicator(index: index, .pointsOutOfRange(max)) }
                let kind: CompiledRule.Kind = if case .bonus = indicator.rule { .bonus } else { .penalty }
                rules.append(CompiledRule(kind: kind, perItem: Int64(perItem), itemMax: Int64(max)))
            case .veto:
                rules.append(CompiledRule(kind: .veto))
            }
        }
        return (rules, steps)
    }
}
