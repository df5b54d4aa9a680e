/// How one KPI indicator turns an actual value into points (计分规则). Actual values and targets
/// are integers in the indicator's own unit × 100 (e.g. 12.5 亿元 → 1250), points are hundredths
/// (``ScoreScale``), and every rule is exact integer arithmetic, rounded half up.
///
/// Weighted rules (``linear(target:capPercent:)``, ``thresholds(_:)``) give the indicator's score on
/// 0–100 points and count with the indicator's weight. Item rules (``bonus(perItem:max:)``,
/// ``penalty(perItem:max:)``, ``veto``) carry no weight: they add to, take from, or void the KPI part
/// as a whole, which is how appraisal schemes write 加分项、扣分项 and 一票否决.
///
/// ```swift
/// let output = IndicatorRule.linear(target: 50_000, capPercent: 120)   // target 500.00
/// output.points(actual: 45_000)    // 9000: 90% of target is 90.00 points
/// output.points(actual: 80_000)    // 12000: capped at 120.00 points
/// IndicatorRule.penalty(perItem: 100, max: 300).points(actual: 5)   // 300 (capped), subtracted
/// ```
public enum IndicatorRule: Sendable, Equatable {
    /// 线性计分: `actual / target × 100` points, at most `capPercent` points (120 lets
    /// over-achievement make up for shortfalls elsewhere). Negative actuals score 0.
    case linear(target: Int64, capPercent: Int)
    /// 分档计分: the points of the first step (best first) whose `minActual` the actual reaches;
    /// 0 points below every step.
    case thresholds([Step])
    /// 加分项: `perItem` points for each item (the actual is the item count), at most `max`.
    case bonus(perItem: Int32, max: Int32)
    /// 扣分项: `perItem` points off for each item, at most `max` off.
    case penalty(perItem: Int32, max: Int32)
    /// 一票否决: any actual above 0 (an incident happened) puts the person in the bottom grade
    /// whatever the score, see ``GradeDistribution``.
    case veto

    /// One step of a thresholded indicator.
    public struct Step: Sendable, Equatable {
        /// Lowest actual (unit × 100) that earns `points`.
        public var minActual: Int64
        /// Hundredths of a point, 0–10000.
        public var points: Int32

        public init(minActual: Int64, points: Int32) {
            self.minActual = minActual
            self.points = points
        }
    }

    /// Largest allowed target, so that `actual × 20000` cannot overflow `Int64` below the cap.
    public static let maxTarget: Int64 = 1_000_000_000_000

    /// Whether the rule scores the indicator on 0–100 and needs a weight.
    public var isWeighted: Bool {
        switch self {
        case .linear, .thresholds: true
        case .bonus, .penalty, .veto: false
        }
    }

    /// The points for `actual`: the indicator score for weighted rules, the size of the addition or
    /// deduction for bonus and penalty items, 0 for a veto item. The engine (``KPIScoring``) uses
    /// the same arithmetic on its flattened catalogue.
    public func points(actual: Int64) -> Int32 {
        switch self {
        case let .linear(target, capPercent):
            Int32(Self.linearPoints(actual: actual, target: target, capActual: Self.capActual(target, capPercent),
                                    capPoints: Int64(capPercent) * 100))
        case let .thresholds(steps):
            steps.first { actual >= $0.minActual }?.points ?? 0
        case let .bonus(perItem, max), let .penalty(perItem, max):
            Int32(Self.itemPoints(count: actual, perItem: Int64(perItem), max: Int64(max)))
        case .veto:
            0
        }
    }

    /// Whether `actual` triggers the veto of a ``veto`` item.
    public func vetoes(actual: Int64) -> Bool {
        if case .veto = self { return actual > 0 }
        return false
    }

    /// The largest target, step or actual a form or sheet may give (unit × 100, so 10^10 in the unit): with a cap
    /// of at most `capPercents`, `capActual × 20000` stays inside `Int64`.
    public static let maxMeasure = 1_000_000_000_000
    /// Caps a linear rule may set: 0–1000 points, so `capPercent × 100` fits the `Int32` points.
    public static let capPercents = 0...1000

    /// The smallest actual that reaches the cap: `ceil(target × capPercent / 100)`. Clamping the
    /// actual there first keeps `actual × 20000` far from overflow for any actual.
    static func capActual(_ target: Int64, _ capPercent: Int) -> Int64 {
        (target * Int64(capPercent) + 99) / 100
    }

    @inline(__always)
    static func linearPoints(actual: Int64, target: Int64, capActual: Int64, capPoints: Int64) -> Int64 {
        let clamped = min(max(actual, 0), capActual)
        return min(ScoreScale.divideHalfUp(clamped * 10_000, target), capPoints)
    }

    @inline(__always)
    static func itemPoints(count: Int64, perItem: Int64, max limit: Int64) -> Int64 {
        min(min(max(count, 0), limit) * perItem, limit)
    }
}
