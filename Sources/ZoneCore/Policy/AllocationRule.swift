/// How a sum of money is split into integer fen: each part gets the floor of its exact share, and
/// the fen left over go one by one in `leftoverOrder` — by largest remainder, ties settled by the
/// declared keys — so parts always add up to the whole and a re-run gives the same fen.
public struct AllocationRule: Sendable, Equatable {
    public var method: Method
    /// Starts with `remainder` and ends with `id`, e.g. [remainder, id] = 余数大者优先，再按编号小者.
    public var leftoverOrder: [LeftoverKey]

    public enum Method: String, CaseIterable, Sendable {
        case largestRemainder = "largest_remainder"
    }

    public enum LeftoverKey: String, CaseIterable, Sendable {
        /// Larger remainder first.
        case remainder
        /// Larger weight (coefficient × score) first.
        case weight
        /// Lower id first.
        case id

        public var label: String {
            switch self {
            case .remainder: "余数大者优先"
            case .weight: "权重大者优先"
            case .id: "编号小者优先"
            }
        }
    }

    public init(method: Method, leftoverOrder: [LeftoverKey]) {
        self.method = method
        self.leftoverOrder = leftoverOrder
    }
}

extension AllocationRule {
    init?(reading r: PolicyReader) {
        let method = r.keyword("method", Method.self)
        let value = r.value("leftover_order")
        let order = value?.list { $0.keyword(LeftoverKey.self) }
        guard let method, let value, let order else { return nil }
        guard value.requireNonEmptyUnique(order.map(\.rawValue)) else { return nil }
        guard order.first == .remainder, order.last == .id else {
            value.problem("须以 remainder 开头、以 id 结尾（最大余数法，且不留并列）",
                          "must start with remainder and end with id (largest remainder, no tie left)")
            return nil
        }
        self.init(method: method, leftoverOrder: order)
    }
}
