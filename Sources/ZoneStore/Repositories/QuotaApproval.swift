import ZoneCore

/// A recorded 编制使用审批 (or 职数 approval): extra places beyond a unit's quota, with the
/// document number, approver and date that authorise them.
public struct QuotaApproval: Sendable, Equatable, Identifiable {
    public enum Kind: String, Sendable, CaseIterable { case establishment, leadership }

    public let id: Int64
    public let unitID: Int64
    public let kind: Kind
    /// An `EstablishmentCategory` or `LeadershipClass` raw value.
    public let quotaClass: String
    public let extra: Int
    public let docNumber: String
    public let approver: String
    public let approvedOn: String
    public let note: String
}
