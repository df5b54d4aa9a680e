/// 分类: pay coefficients by post category, so 招商 posts can pay differently from the rest (仪征).
/// Categories not listed use `defaultCoefficient`.
public struct PostCategoryCoefficients: Sendable, Equatable {
    /// The post categories of SPEC §B; a file naming another is refused (a typo would silently
    /// fall back to the default).
    public static let knownCategories = ["综合", "招商", "执法", "技术", "服务"]

    public var defaultCoefficient: Double
    public var coefficients: [String: Double]

    public init(defaultCoefficient: Double, coefficients: [String: Double]) {
        self.defaultCoefficient = defaultCoefficient
        self.coefficients = coefficients
    }

    public func coefficient(for category: String) -> Double {
        coefficients[category] ?? defaultCoefficient
    }
}

extension PostCategoryCoefficients {
    init?(reading r: PolicyReader) {
        let fallback = r.double("default_coefficient", in: 0.1...10)
        let pairs = r.value("coefficients")?.entries { name, value -> (String, Double)? in
            guard Self.knownCategories.contains(name) else {
                value.problem("未知岗位类别 \(name)，可选：\(Self.knownCategories.joined(separator: "、"))",
                              "unknown post category \(name), expected one of: \(Self.knownCategories.joined(separator: ", "))")
                return nil
            }
            return value.double(in: 0.1...10).map { (name, $0) }
        }
        guard let fallback, let pairs else { return nil }
        self.init(defaultCoefficient: fallback, coefficients: Dictionary(pairs, uniquingKeysWith: { first, _ in first }))
    }
}
