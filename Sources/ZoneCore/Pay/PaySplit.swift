/// The result of ``PerformancePaySplit/run(pool:departments:coefficientsPerMille:weights:leftoverOrder:)``:
/// every level in integer fen, each summing exactly to its parent.
///
/// - `pool == packages.reduce(0, +)`
/// - for each department `d`: `packages[d] == (pay of its people) + unallocated[d]`
public struct PaySplit: Sendable, Equatable {
    public var pool: Int64
    /// Per department (薪酬包 / 绩效奖励包).
    public var packages: [Int64]
    /// Per person.
    public var pay: [Int64]
    /// Per department: a package none of whose people may be paid (everyone's weight is 0, e.g. all
    /// failed), kept whole and returned to the zone (结余) instead of being split among nobody.
    public var unallocated: [Int64]

    public init(pool: Int64, packages: [Int64], pay: [Int64], unallocated: [Int64]) {
        self.pool = pool
        self.packages = packages
        self.pay = pay
        self.unallocated = unallocated
    }

    /// Fen paid to people: `pool − Σ unallocated`.
    public var paid: Int64 { pay.reduce(0, +) }
}
