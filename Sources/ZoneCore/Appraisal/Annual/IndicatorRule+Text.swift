/// The stored and typed form of an ``IndicatorRule``: one short line, so a rule is a single column
/// in the database and a single field in an import file.
///
///     linear 10000 120          线性计分：目标 100.00，封顶 120%
///     thresholds 9000:10000 6000:7000   分档：≥90.00 得 100 分，≥60.00 得 70 分
///     bonus 50 200              加分项：每项 0.50 分，最多 2.00 分
///     penalty 100 300           扣分项：每项 1.00 分，最多 3.00 分
///     veto                      一票否决
///
/// Targets and thresholds are in the indicator's unit × 100, points in hundredths (``ScoreScale``).
extension IndicatorRule {
    public var storedText: String {
        switch self {
        case let .linear(target, cap): "linear \(target) \(cap)"
        case let .thresholds(steps): "thresholds " + steps.map { "\($0.minActual):\($0.points)" }.joined(separator: " ")
        case let .bonus(perItem, max): "bonus \(perItem) \(max)"
        case let .penalty(perItem, max): "penalty \(perItem) \(max)"
        case .veto: "veto"
        }
    }

    /// Parses ``storedText``; nil for anything else. Ranges are checked by ``KPIScoring``.
    public init?(storedText text: String) {
        let words = text.split(separator: " ").map(String.init)
        guard let kind = words.first else { return nil }
        let numbers = words.dropFirst()
        switch kind {
        case "linear":
            guard numbers.count == 2, let target = Int64(numbers.first!), let cap = Int(numbers.last!) else { return nil }
            self = .linear(target: target, capPercent: cap)
        case "thresholds":
            var steps: [Step] = []
            for pair in numbers {
                let parts = pair.split(separator: ":")
                guard parts.count == 2, let minActual = Int64(parts[0]), let points = Int32(parts[1]) else { return nil }
                steps.append(Step(minActual: minActual, points: points))
            }
            self = .thresholds(steps)
        case "bonus", "penalty":
            guard numbers.count == 2, let perItem = Int32(numbers.first!), let max = Int32(numbers.last!) else { return nil }
            self = kind == "bonus" ? .bonus(perItem: perItem, max: max) : .penalty(perItem: perItem, max: max)
        case "veto":
            guard numbers.isEmpty else { return nil }
            self = .veto
        default:
            return nil
        }
    }

    /// How the rule reads on a page.
    public var summary: String {
        switch self {
        case let .linear(target, cap):
            "线性计分：目标 \(FixedPoint.format(Int(target), places: 2))，封顶 \(cap)%"
        case let .thresholds(steps):
            "分档：" + steps.map { "≥\(FixedPoint.format(Int($0.minActual), places: 2)) 得 \(ScoreScale.text($0.points)) 分" }
                .joined(separator: "，")
        case let .bonus(perItem, max): "加分项：每项 \(ScoreScale.text(perItem)) 分，最多 \(ScoreScale.text(max)) 分"
        case let .penalty(perItem, max): "扣分项：每项 \(ScoreScale.text(perItem)) 分，最多 \(ScoreScale.text(max)) 分"
        case .veto: "一票否决：发生即定为最低等次"
        }
    }

    /// Items (bonus, penalty, veto) can be exempted under 容错纠错; weighted indicators cannot,
    /// since dropping one would break the sheet's 100 weight.
    public var isExemptible: Bool { !isWeighted }
}

extension IndicatorRule {
    /// Decimal places of an actual as people type it: weighted indicators take values in the
    /// indicator's unit with two decimals (stored × 100); items take a count of occurrences.
    public var actualPlaces: Int { isWeighted ? 2 : 0 }

    /// An actual as shown: "12.50" for a measured value, "2" for a count of items.
    public func actualText(_ actual: Int64) -> String { FixedPoint.format(Int(actual), places: actualPlaces) }

    /// An actual as typed into the form or a sheet: nil for an empty text (no value yet), else the stored value.
    public func parseActual(_ text: String) throws(ValidationError) -> Int64? {
        let text = text.trimmingWhitespace()
        guard !text.isEmpty else { return nil }
        guard let value = FixedPoint.parse(text, places: actualPlaces, limit: Self.maxMeasure) else {
            throw .invalid("实际值“\(text)”应为" + (isWeighted ? "数字（最多两位小数，不超过 100 亿）" : "发生次数（整数，不超过 100 亿）"))
        }
        return Int64(value)
    }
}
