/// How a share of a small group becomes a head count (20 % of 7 people is 1.4 — one person, or
/// none?). The rule is policy, not code, and is shown on the appraisal page next to the result.
public enum RoundingRule: String, CaseIterable, Sendable {
    /// Round down: 1.4 → 1, 0.6 → 0.
    case floor
    /// Round half up: 1.4 → 1, 1.5 → 2, 0.6 → 1.
    case halfUp = "half_up"
    /// Round down, but a non-zero share of a non-empty group is at least one person: 0.6 → 1, 1.4 → 1.
    case atLeastOne = "at_least_one"

    public var label: String {
        switch self {
        case .floor: "向下取整"
        case .halfUp: "四舍五入"
        case .atLeastOne: "向下取整，至少1人"
        }
    }

    /// Head count for `share` of a group of `size`, computed exactly in integers.
    public func count(_ share: Proportion, of size: Int) -> Int {
        let scaled = share.tenThousandths * max(size, 0)
        switch self {
        case .floor:
            return scaled / Proportion.scale
        case .halfUp:
            return (scaled * 2 + Proportion.scale) / (2 * Proportion.scale)
        case .atLeastOne:
            return scaled == 0 ? 0 : max(1, scaled / Proportion.scale)
        }
    }
}
