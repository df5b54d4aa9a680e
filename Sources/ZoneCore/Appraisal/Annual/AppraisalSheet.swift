/// A KPI sheet: the indicators someone is scored on, with the actual values entered for the year.
/// A department's sheet scores the department (and, for people without their own sheet, its
/// staff); a person's sheet scores that person (潍坊 three-level cascade).
public struct AppraisalSheet: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public var indicatorID: Int64
        public var name: String
        public var indicator: Indicator
        /// Unit × 100; nil until entered.
        public var actual: Int64?

        public init(indicatorID: Int64, name: String, indicator: Indicator, actual: Int64?) {
            self.indicatorID = indicatorID
            self.name = name
            self.indicator = indicator
            self.actual = actual
        }
    }

    /// Shown in messages: "产业发展局" or "张三（个人指标）".
    public var title: String
    public var lines: [Line]

    public init(title: String, lines: [Line]) {
        self.title = title
        self.lines = lines
    }

    /// Sum of the weighted indicators' weights (must be 100).
    public var weightTotal: Int { lines.filter { $0.indicator.rule.isWeighted }.reduce(0) { $0 + $1.indicator.weight } }
}
