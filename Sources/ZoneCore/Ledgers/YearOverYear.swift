/// Period-on-period change as reform reports print it ("同比增长5.6%").
///
/// The change is `(current − previous) / previous` in tenths of a percent, computed with integers
/// only and rounded half away from zero (`Percent.scaled`): 19 against 18 is +55.6 tenths → +56,
/// printed "+5.6%". A previous count of zero has no rate (nil, printed "—").
public struct YearOverYear: Sendable, Equatable {
    public let previous: Int
    public let current: Int

    public init(previous: Int, current: Int) {
        self.previous = previous
        self.current = current
    }

    public var changeTenths: Int? { Percent.scaled(current - previous, of: previous, decimals: 1) }

    public var text: String { Percent.change(from: previous, to: current) }
}
