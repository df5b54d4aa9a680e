/// 工资总控 (成都芯谷): the year's pay base is `multiple` × an outside average — the district's
/// average public-sector pay of `baseYear` — and a pay run above the top of the range is refused.
public struct TotalPayCap: Sendable, Equatable {
    /// The average the multiple applies to, as the seed names it.
    public var basis: String
    public var baseYear: Int
    public var multiple: ClosedRange<Double>

    public init(basis: String, baseYear: Int, multiple: ClosedRange<Double>) {
        self.basis = basis
        self.baseYear = baseYear
        self.multiple = multiple
    }
}

extension TotalPayCap {
    init?(reading r: PolicyReader) {
        let basis = r.string("basis")
        let year = r.int("base_year", in: 2000...2100)
        let multiple = r.value("multiple")?.doubleRange(within: 0.1...10)
        guard let basis, let year, let multiple else { return nil }
        self.init(basis: basis, baseYear: year, multiple: multiple)
    }
}
