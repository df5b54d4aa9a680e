import ZoneCore

/// A restructuring plan as stored: its document, where it is in draft → approved → applied, and who moved it.
public struct StoredPlan: Sendable, Identifiable {
    public enum Status: String, Sendable, CaseIterable {
        case draft, approved, applied

        public var label: String {
            switch self {
            case .draft: "草案"
            case .approved: "已批准"
            case .applied: "已实施"
            }
        }
    }

    public let id: Int64
    public let zoneID: Int64
    public let plan: RestructuringPlan
    public let status: Status
    public let version: Int
    public let createdBy: String
    public let approvedBy: String?
    public let appliedBy: String?
    /// Frozen at application; nil before.
    public let outcome: PlanOutcome?
}
