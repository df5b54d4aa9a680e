extension PayRules {
    /// A post's pay coefficient in ‰: its level's (仪征 分级) × its category's (分类, e.g. 招商 1.3),
    /// rounded half up; a zone that sets neither pays everyone at 1000.
    ///
    /// Returns nil when the zone has post levels and `level` is nil or not one of them, so a typo
    /// cannot silently pay at the default.
    ///
    /// ```swift
    /// yizheng.pay.postCoefficientPerMille(level: "主管", category: "招商")   // 1.1 × 1.3 → 1430
    /// yizheng.pay.postCoefficientPerMille(level: "普通职工", category: "综合") // 1000
    /// bijie.pay.postCoefficientPerMille(level: nil, category: nil)           // 1000
    /// ```
    public func postCoefficientPerMille(level: String?, category: String?) -> Int64? {
        var levelPerMille = PerMille.one
        if !postLevels.isEmpty {
            guard let level, let entry = postLevels.first(where: { $0.level == level }) else { return nil }
            levelPerMille = PerMille.of(entry.coefficient)
        }
        var categoryPerMille = PerMille.one
        if let postCategories {
            categoryPerMille = PerMille.of(category.map(postCategories.coefficient(for:)) ?? postCategories.defaultCoefficient)
        }
        return PerMille.apply(categoryPerMille, to: levelPerMille)
    }
}
