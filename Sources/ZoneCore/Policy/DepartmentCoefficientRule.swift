/// The department value coefficient (价值系数) that scales a department's pay package.
///
/// 潍坊's seed has it *assigned*: 人力资源部 proposes it from each department's workload and
/// difficulty and 党工委、管委会 approve it. A zone may instead derive it from the department's
/// appraisal score through bands. Either way it stays inside `range` (SPEC: 0.5–1.5).
public struct DepartmentCoefficientRule: Sendable, Equatable {
    public static let bounds: ClosedRange<Double> = 0.5...1.5

    public var range: ClosedRange<Double>
    public var source: Source
    /// Score bands, best first, for `.scoreBands`; empty for `.assigned`.
    public var bands: [CoefficientBand]

    public enum Source: String, CaseIterable, Sendable {
        /// Proposed per department and approved by leadership; must lie in `range`.
        case assigned
        /// Looked up from the department's appraisal score in `bands`.
        case scoreBands = "score_bands"

        public var label: String {
            switch self {
            case .assigned: "按工作量与难度核定，党工委管委会审定"
            case .scoreBands: "按部门考核得分分档"
            }
        }
    }

    public init(range: ClosedRange<Double>, source: Source, bands: [CoefficientBand]) {
        self.range = range
        self.source = source
        self.bands = bands
    }

    /// The coefficient a score earns, for `.scoreBands`; nil when coefficients are assigned.
    public func coefficient(forScore score: Double) -> Double? {
        guard source == .scoreBands else { return nil }
        return (bands.first { Double($0.minScore) <= score } ?? bands.last)?.value
    }
}

/// One score band: departments scoring at least `minScore` get `value`.
public struct CoefficientBand: Sendable, Equatable {
    public var minScore: Int
    public var value: Double

    public init(minScore: Int, value: Double) {
        self.minScore = minScore
        self.value = value
    }
}

extension DepartmentCoefficientRule {
    init?(reading r: PolicyReader) {
        let low = r.double("min", in: Self.bounds)
        let high = r.double("max", in: Self.bounds)
        let source = r.keyword("source", Source.self)
        var range: ClosedRange<Double>?
        if let low, let high {
            if low <= high {
                range = low...high
            } else {
                r.problem("min（\(low.policyText)）不得大于 max（\(high.policyText)）",
                          "min (\(low.policyText)) must not exceed max (\(high.policyText))")
            }
        }
        let bands = r.dependent("bands", applies: source.map { $0 == .scoreBands },
                                "仅用于 source: score_bands", "only applies to source: score_bands") {
            $0.coefficientBands(within: range)
        }
        guard let range, let source else { return nil }
        if source == .scoreBands, bands == nil { return nil }
        self.init(range: range, source: source, bands: bands ?? [])
    }
}

extension PolicyValue {
    /// Bands best first, thresholds strictly falling to 0, values inside `range` and not rising as
    /// scores fall (a worse result must never earn a larger coefficient).
    func coefficientBands(within range: ClosedRange<Double>?) -> [CoefficientBand]? {
        guard let bands = list({ value in
            value.object { r -> CoefficientBand? in
                let minScore = r.int("min_score", in: 0...100)
                let coefficient = r.double("value", in: range ?? DepartmentCoefficientRule.bounds)
                guard let minScore, let coefficient else { return nil }
                return CoefficientBand(minScore: minScore, value: coefficient)
            }
        }) else { return nil }
        return checkedBands(bands.map { ($0.minScore, $0.value) }) ? bands : nil
    }

    /// Shared by coefficient bands and pay-fund tiers: non-empty, thresholds strictly falling to 0,
    /// values never rising as the threshold falls.
    func checkedBands(_ bands: [(minScore: Int, value: Double)]) -> Bool {
        guard !bands.isEmpty else {
            problem("不能为空列表", "must not be empty")
            return false
        }
        var valid = true
        for index in bands.indices.dropFirst() {
            let at = PolicyValue(node: node.sequence?[index] ?? node, path: "\(path)[\(index)]", log: log)
            if bands[index].minScore >= bands[index - 1].minScore {
                at.problem("min_score 应低于上一档（\(bands[index - 1].minScore)），实际为 \(bands[index].minScore)",
                           "min_score must be below the previous band's (\(bands[index - 1].minScore)), got \(bands[index].minScore)")
                valid = false
            }
            if bands[index].value > bands[index - 1].value {
                at.problem("低分档的系数不得高于高分档（\(bands[index - 1].value.policyText)），实际为 \(bands[index].value.policyText)",
                           "a lower band must not pay more than the one above (\(bands[index - 1].value.policyText)), got \(bands[index].value.policyText)")
                valid = false
            }
        }
        if let last = bands.last, last.minScore != 0 {
            problem("最后一档的 min_score 应为 0，实际为 \(last.minScore)", "the last band's min_score must be 0, got \(last.minScore)")
            valid = false
        }
        return valid
    }
}
