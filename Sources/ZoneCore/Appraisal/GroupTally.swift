/// The arithmetic of one comparison group's forced distribution, for the page to show next to the
/// result ("优秀 20% × 7 人 = 1.4 → 1 人（向下取整）").
public struct GroupTally: Sendable, Equatable {
    /// Members of the group.
    public var size: Int32
    /// Members put in the bottom grade by a 一票否决.
    public var vetoed: Int32
    /// Whether the group's higher cap (≤ 25%) was approved and used.
    public var approvedCap: Bool
    /// The top share of `size` after the policy's rounding rule, before the floor limits it.
    public var roundedCap: Int32
    /// Most members who may get the top grade: `min(roundedCap, size − floorCount)`.
    public var capCount: Int32
    /// Fewest members who must be in the bottom band (末位), after the rounding rule; 0 without a
    /// bottom band.
    public var floorCount: Int32
    /// Members (not vetoed) whose score reaches the top grade's threshold.
    public var eligible: Int32
    /// Members given the top grade: `min(eligible, capCount)`.
    public var top: Int32

    public init(size: Int32, vetoed: Int32, approvedCap: Bool, roundedCap: Int32, capCount: Int32,
                floorCount: Int32, eligible: Int32, top: Int32) {
        self.size = size
        self.vetoed = vetoed
        self.approvedCap = approvedCap
        self.roundedCap = roundedCap
        self.capCount = capCount
        self.floorCount = floorCount
        self.eligible = eligible
        self.top = top
    }

    /// Members whose score reached the top grade but who were moved one grade down by the cap.
    public var demoted: Int32 { eligible - top }
}
