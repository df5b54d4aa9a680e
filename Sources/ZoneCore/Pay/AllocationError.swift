/// Why a split of money was refused. ``message`` is zh-CN first, then English.
public enum AllocationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Amounts to split are never negative; a reversal negates a whole run instead.
    case negativeTotal(Int64)
    case negativeWeight(index: Int, weight: Int64)
    /// Every weight is 0 but there is money to split: there is no fair share to give anyone (an
    /// equal split would pay people whom the policy gives nothing, such as a failed grade).
    case noWeight(total: Int64)
    /// The weights (or weight × coefficient) do not fit in 64 bits.
    case weightOverflow
    /// A person's department is outside the packages.
    case unknownDepartment(person: Int, department: Int32)

    public var message: String { chineseMessage + " / " + englishMessage }
    public var chineseMessage: String { lines.chinese }
    public var englishMessage: String { lines.english }

    private var lines: (chinese: String, english: String) {
        switch self {
        case let .negativeTotal(total):
            ("待分配金额不能为负数（\(Fen.text(total))）", "the amount to split must not be negative (\(total) fen)")
        case let .negativeWeight(index, weight):
            ("第 \(index) 项分配权重不能为负数（\(weight)）", "weight \(index) must not be negative (\(weight))")
        case let .noWeight(total):
            ("有 \(Fen.text(total)) 待分配，但所有分配权重均为 0", "\(total) fen to split but every weight is 0")
        case .weightOverflow:
            ("分配权重合计过大，超出 64 位整数范围", "the weights overflow 64 bits")
        case let .unknownDepartment(person, department):
            ("人员 \(person) 所在部门 \(department) 没有薪酬包", "person \(person) is in department \(department), which has no package")
        }
    }

    public var description: String { message }
}
