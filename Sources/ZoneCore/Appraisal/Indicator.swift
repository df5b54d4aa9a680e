/// One KPI indicator on a person's sheet (个人指标): its weight in percentage points and how it
/// is scored. The cascade zone → department → person (潍坊 three levels) ends here; the
/// indicator's name, unit, data source and cycle are kept with the cascade, not by the engine.
///
/// A person's weighted indicators must weigh exactly 100 together; bonus, penalty and veto items
/// weigh 0 (``KPIScoring`` refuses anything else with a clear error).
///
/// ```swift
/// let sheet = [
///     Indicator(weight: 60, rule: .linear(target: 10_000, capPercent: 120)),
///     Indicator(weight: 40, rule: .thresholds([.init(minActual: 9_000, points: 10_000),
///                                              .init(minActual: 6_000, points: 7_000)])),
///     Indicator(weight: 0, rule: .veto),
/// ]
/// ```
public struct Indicator: Sendable, Equatable {
    /// Percentage points, 1–100 for weighted rules, 0 for items.
    public var weight: Int
    public var rule: IndicatorRule

    public init(weight: Int, rule: IndicatorRule) {
        self.weight = weight
        self.rule = rule
    }
}

extension Indicator {
    /// What is wrong with this one indicator (weight for its kind, target, cap, steps, points), or
    /// nil: the check ``KPIScoring`` makes on a whole catalogue, for forms that save one at a time.
    public var problem: AppraisalError.IndicatorProblem? {
        do {
            _ = try KPIScoring.compile([self])
            return nil
        } catch {
            if case let .invalidIndicator(_, problem) = error { return problem }
            return nil
        }
    }
}
