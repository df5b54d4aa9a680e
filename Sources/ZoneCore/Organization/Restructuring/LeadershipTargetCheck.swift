/// A published 领导职数 target (organization.leadership_targets, 新余: 科级职数 −18.3%) held against a plan: the
/// posts before and as planned, and whether the planned change reaches the target.
///
/// The planned change is compared exactly, not as rounded: a target is reached when the change is at most the
/// target (a cut of at least 18.3%, or growth of no more than a positive target); a target published as a bound
/// (">5") is reached when the change is above it, ("<5") below it.
///
/// ```swift
/// let check = LeadershipTargetCheck(target: target, before: 60, after: 50)
/// check.met          // false: −16.7% is not a cut of 18.3%
/// check.shortfall    // 1: one more post must go (49 is the most that reaches it)
/// ```
public struct LeadershipTargetCheck: Sendable, Equatable {
    public let target: LeadershipTarget
    public let before: Int
    public let after: Int

    public init(target: LeadershipTarget, before: Int, after: Int) {
        self.target = target
        self.before = before
        self.after = after
    }

    /// The target as an integer of 10^-decimals percent (−18.3 → −183) and its scale (1000 = 100% at one decimal).
    var scaled: (value: Int, hundred: Int) {
        let text = target.changePercent.text.drop { "<>".contains($0) }
        let negative = text.hasPrefix("-")
        let magnitude = Int(text.drop { "+-".contains($0) }.filter { $0 != "." }) ?? 0
        var hundred = 100
        for _ in 0..<target.changePercent.decimals { hundred *= 10 }
        return (negative ? -magnitude : magnitude, hundred)
    }

    /// Whether the plan reaches the target; nil when there were no such posts before, so no rate can be compared.
    public var met: Bool? {
        guard before > 0 else { return nil }
        let (value, hundred) = scaled
        let change = (after - before) * hundred, allowed = value * before
        return target.changePercent.text.hasPrefix(">") ? change > allowed : change <= allowed
    }

    /// How many posts more than the target allows the plan keeps (0 when met, nil when no count can reach it by cutting).
    public var shortfall: Int? {
        guard met == false, !target.changePercent.text.hasPrefix(">") else { return nil }
        let (value, hundred) = scaled
        let most = Self.floorDivide(before * (hundred + value), hundred)
        return after - most
    }

    static func floorDivide(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }

    /// zh-CN line for the plan page: "科级领导职数：改革前 60，方案 50（−16.7%），目标 -18.3%，未达到（须再核减 1 名）".
    public var message: String {
        let head = "\(target.rankClass.label)：改革前 \(before)，方案 \(after)（\(Percent.change(from: before, to: after))），目标 \(target.changePercent.text)%"
        switch met {
        case nil: return head + "，改革前未核定，无法对照"
        case true?: return head + "，已达到"
        case false?: return head + "，未达到" + (shortfall.map { "（须再核减 \($0) 名）" } ?? "")
        }
    }
}

extension PlanComparison {
    /// Each published target against this plan, in the policy's order.
    public func checks(_ targets: [LeadershipTarget]) -> [LeadershipTargetCheck] {
        targets.map { LeadershipTargetCheck(target: $0, before: before.leadership(counting: $0.rankClass), after: after.leadership(counting: $0.rankClass)) }
    }
}
