/// An objection (申诉) to a published round, filed by someone it affects during the 公示期 and
/// answered by 组织人事.
public struct StoredObjection: Sendable, Identifiable, Equatable {
    public enum Status: String, Sendable, CaseIterable {
        case pending
        /// 维持: the published result stands.
        case upheld
        /// 更正: the result is corrected; the round goes back to be re-ranked and published again.
        case corrected

        public var label: String {
            switch self {
            case .pending: "待处理"
            case .upheld: "维持原结果"
            case .corrected: "更正"
            }
        }
    }

    public let id: Int64
    public let personID: Int64
    public let reason: String
    public let status: Status
    public let reply: String
    /// UTC ISO timestamps.
    public let filedAt: String
    public let reviewedBy: String?
    public let reviewedAt: String?
}
