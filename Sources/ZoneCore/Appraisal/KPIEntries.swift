/// Everyone's KPI actual values, in compressed sparse row (CSR) form: the input of
/// ``KPIScoring/score(_:catalog:)``.
///
/// Person `p`'s entries are `offsets[p] ..< offsets[p + 1]`; entry `e` is indicator
/// `indicators[e]` (an index into the catalogue) with actual `actuals[e]` (unit × 100). Three flat
/// arrays instead of one small array per person keep a million people at three allocations and
/// let the engine read memory in order.
///
/// ```swift
/// // Person 0 has indicators 0 and 2; person 1 has indicator 1.
/// let entries = KPIEntries(people: [[(0, 9_500), (2, 0)], [(1, 7_000)]])
/// entries.personCount   // 2
/// ```
public struct KPIEntries: Sendable, Equatable {
    public let offsets: [Int32]
    public let indicators: [Int32]
    public let actuals: [Int64]

    public var personCount: Int { offsets.count - 1 }

    /// Takes the arrays as they are; the shape is a programming error if wrong and traps. The
    /// indicator indices are data and are checked by the engine.
    public init(offsets: [Int32], indicators: [Int32], actuals: [Int64]) {
        precondition(!offsets.isEmpty && offsets[0] == 0 && Int(offsets[offsets.count - 1]) == indicators.count,
                     "offsets must start at 0 and end at the entry count")
        precondition(indicators.count == actuals.count, "one actual per indicator entry")
        precondition(zip(offsets, offsets.dropFirst()).allSatisfy { $0 <= $1 }, "offsets must not decrease")
        self.offsets = offsets
        self.indicators = indicators
        self.actuals = actuals
    }

    /// Convenience for small inputs (tests, forms): one list of (indicator, actual) per person.
    public init(people: [[(indicator: Int, actual: Int64)]]) {
        var offsets: [Int32] = [0]
        var indicators: [Int32] = []
        var actuals: [Int64] = []
        for person in people {
            for entry in person {
                indicators.append(Int32(clamping: entry.indicator))
                actuals.append(entry.actual)
            }
            offsets.append(Int32(indicators.count))
        }
        self.init(offsets: offsets, indicators: indicators, actuals: actuals)
    }
}
