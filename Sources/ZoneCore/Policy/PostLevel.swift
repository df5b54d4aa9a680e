/// 分级: a post level and its pay coefficient (仪征: 从管理办主任到普通职工划分为若干个级别).
public struct PostLevel: Sendable, Equatable {
    public var level: String
    public var coefficient: Double

    public init(level: String, coefficient: Double) {
        self.level = level
        self.coefficient = coefficient
    }
}

extension PolicyValue {
    /// Levels from the top down: names unique, coefficients positive and not rising down the list.
    func postLevels() -> [PostLevel]? {
        guard let levels = list({ value in
            value.object { r -> PostLevel? in
                let level = r.string("level")
                let coefficient = r.double("coefficient", in: 0.1...10)
                guard let level, let coefficient else { return nil }
                return PostLevel(level: level, coefficient: coefficient)
            }
        }) else { return nil }
        requireNonEmptyUnique(levels.map(\.level))
        for index in levels.indices.dropFirst() where levels[index].coefficient > levels[index - 1].coefficient {
            PolicyValue(node: node.sequence?[index] ?? node, path: "\(path)[\(index)]", log: log)
                .problem("系数不得高于上一级（\(levels[index - 1].coefficient.policyText)），实际为 \(levels[index].coefficient.policyText)",
                         "coefficient must not exceed the level above (\(levels[index - 1].coefficient.policyText)), got \(levels[index].coefficient.policyText)")
            return nil
        }
        return levels
    }
}
