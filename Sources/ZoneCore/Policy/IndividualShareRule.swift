/// How a person's share of a department package follows the appraisal: in proportion to the score
/// (毕节: 按考核分值差别化核定), or by a factor per grade.
public struct IndividualShareRule: Sendable, Equatable {
    public var basis: Basis
    /// Factor per grade key, for `.grade`; every grade has one (0 allowed: e.g. 不称职 gets none).
    public var gradeFactors: [String: Double]

    public enum Basis: String, CaseIterable, Sendable {
        case score
        case grade
    }

    public init(basis: Basis, gradeFactors: [String: Double]) {
        self.basis = basis
        self.gradeFactors = gradeFactors
    }
}

extension IndividualShareRule {
    init?(reading r: PolicyReader, grades: GradeScheme?) {
        let basis = r.keyword("basis", Basis.self)
        let factors = r.dependent("grade_factors", applies: basis.map { $0 == .grade },
                                  "仅用于 basis: grade", "only applies to basis: grade") {
            $0.gradeFactors(for: grades)
        }
        guard let basis else { return nil }
        if basis == .grade, factors == nil { return nil }
        self.init(basis: basis, gradeFactors: factors ?? [:])
    }
}

extension PolicyValue {
    /// One factor in 0–5 for every grade, and none for a grade that does not exist.
    func gradeFactors(for grades: GradeScheme?) -> [String: Double]? {
        guard let pairs = entries({ key, entry -> (String, Double)? in
            guard entry.gradeReferenceName(key, in: grades) else { return nil }
            return entry.double(in: 0...5).map { (key, $0) }
        }) else { return nil }
        let factors = Dictionary(pairs, uniquingKeysWith: { first, _ in first })
        let missing = grades?.keys.filter { factors[$0] == nil } ?? []
        guard missing.isEmpty else {
            problem("缺少等次 \(missing.joined(separator: "、")) 的系数",
                    "missing a factor for grade \(missing.joined(separator: ", "))")
            return nil
        }
        return factors
    }

    /// Whether `key` (a mapping key naming a grade) is defined; logs the problem when it is not.
    func gradeReferenceName(_ key: String, in grades: GradeScheme?) -> Bool {
        guard let grades, grades[key] == nil else { return true }
        problem("未定义的等次 \(key)，已定义：\(grades.keys.joined(separator: "、"))",
                "undefined grade \(key), defined: \(grades.keys.joined(separator: ", "))")
        return false
    }
}
