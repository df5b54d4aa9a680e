/// One appraisal grade (等次): a stable key that rules refer to, the label people see, and the
/// lowest score that earns it before the forced distribution is applied.
public struct Grade: Sendable, Equatable {
    public var key: String
    public var label: String
    public var minScore: Int

    public init(key: String, label: String, minScore: Int) {
        self.key = key
        self.label = label
        self.minScore = minScore
    }
}

/// A zone's grades, best first: civil-service style 优秀/称职/基本称职/不称职, institution style
/// 优秀/合格/基本合格/不合格, or 新余's four grades down to 不及格.
public struct GradeScheme: Sendable, Equatable {
    public let grades: [Grade]

    public init(_ grades: [Grade]) {
        self.grades = grades
    }

    public var keys: [String] { grades.map(\.key) }

    public subscript(key: String) -> Grade? { grades.first { $0.key == key } }

    /// 0 for the best grade.
    public func rank(of key: String) -> Int? { grades.firstIndex { $0.key == key } }

    /// The grade a score earns by thresholds alone (caps and floors come after).
    public func grade(forScore score: Double) -> Grade {
        grades.first { Double($0.minScore) <= score } ?? grades[grades.count - 1]
    }
}

extension PolicyValue {
    /// Grades best first: at least two, keys and labels unique, thresholds strictly falling to 0 so
    /// that every score on 0–100 earns exactly one grade.
    func gradeScheme() -> GradeScheme? {
        guard let grades = list({ value in
            value.object { r -> Grade? in
                let key = r.value("key")?.identifier()
                let label = r.string("label")
                let minScore = r.int("min_score", in: 0...100)
                guard let key, let label, let minScore else { return nil }
                return Grade(key: key, label: label, minScore: minScore)
            }
        }) else { return nil }
        guard grades.count >= 2 else {
            problem("至少应有两个等次，实际为 \(grades.count) 个", "needs at least two grades, got \(grades.count)")
            return nil
        }
        var valid = true
        for (index, grade) in grades.enumerated() {
            let at = PolicyValue(node: node.sequence?[index] ?? node, path: "\(path)[\(index)]", log: log)
            if grades[..<index].contains(where: { $0.key == grade.key }) {
                at.problem("等次标识 \(grade.key) 重复", "duplicate grade key \(grade.key)")
                valid = false
            }
            if grades[..<index].contains(where: { $0.label == grade.label }) {
                at.problem("等次名称 \(grade.label) 重复", "duplicate grade label \(grade.label)")
                valid = false
            }
            if index > 0, grade.minScore >= grades[index - 1].minScore {
                at.problem("min_score 应低于上一等次（\(grades[index - 1].minScore)），实际为 \(grade.minScore)",
                           "min_score must be below the previous grade's (\(grades[index - 1].minScore)), got \(grade.minScore)")
                valid = false
            }
        }
        if let last = grades.last, last.minScore != 0 {
            problem("最后一个等次的 min_score 应为 0，实际为 \(last.minScore)，否则低分无等次",
                    "the last grade's min_score must be 0 so every score gets a grade, got \(last.minScore)")
            valid = false
        }
        return valid ? GradeScheme(grades) : nil
    }

    /// A grade key that must name one of `grades`; unchecked when the grades themselves failed.
    func gradeReference(in grades: GradeScheme?) -> String? {
        guard let key = string() else { return nil }
        guard let grades else { return key }
        guard grades[key] != nil else {
            problem("未定义的等次 \(key)，已定义：\(grades.keys.joined(separator: "、"))",
                    "undefined grade \(key), defined: \(grades.keys.joined(separator: ", "))")
            return nil
        }
        return key
    }
}
