/// 一次性重奖: a one-off reward outside the performance split, for the purpose the seed names
/// (仪征: 招商引资、项目引进取得重大成果). Paid only through a recorded approval when required.
public struct OneOffRewardRule: Sendable, Equatable {
    public var purpose: String
    public var requiresApproval: Bool

    public init(purpose: String, requiresApproval: Bool) {
        self.purpose = purpose
        self.requiresApproval = requiresApproval
    }
}

extension OneOffRewardRule {
    init?(reading r: PolicyReader) {
        let purpose = r.string("purpose")
        let approval = r.bool("requires_approval")
        guard let purpose, let approval else { return nil }
        self.init(purpose: purpose, requiresApproval: approval)
    }
}
