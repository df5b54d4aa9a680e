import ZoneCore

/// An appointment round (聘任批次) as stored.
public struct StoredRound: Sendable, Identifiable {
    public enum Status: String, Sendable, CaseIterable {
        case draft, open, computed, published, confirmed

        public var label: String {
            switch self {
            case .draft: "准备中"
            case .open: "报名中"
            case .computed: "已匹配"
            case .published: "公示中"
            case .confirmed: "已确认聘任"
            }
        }
    }

    public let id: Int64
    public let name: String
    public let status: Status
    /// yyyy-MM-dd: applications are accepted through this day (Asia/Shanghai).
    public let deadline: String
    public let version: Int
    public let result: RoundEngine.Result?
    /// Last day of the 公示期 (yyyy-MM-dd); confirmation waits until it has passed.
    public let publicityEnds: String?
    /// The zone policy version current when the round was created, whose rules (tie order, 待岗
    /// period) it applies; nil for a zone that had none.
    public let policyVersion: Int?
}
