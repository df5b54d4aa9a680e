/// Why a plan step cannot apply, naming the step (1-based) so the page can point at it.
public struct PlanError: Error, Equatable, Sendable, CustomStringConvertible {
    public let step: Int
    public let message: String

    public var description: String { "第\(step)步：\(message)" }
}
