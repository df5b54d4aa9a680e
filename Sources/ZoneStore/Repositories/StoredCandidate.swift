import ZoneCore

/// A 社会招聘 candidate entered in a round. Not on the register until hired; `personID` is the
/// register entry the confirmation created.
public struct StoredCandidate: Sendable, Identifiable, Equatable {
    public let id: Int64
    public let postID: Int64
    public let identity: PersonalIdentity
    /// In hundredths; nil until entered (not ranked).
    public let score: Int?
    public let personID: Int64?

    public var maskedIDNumber: String { Masking.mask(identity.idNumber, keepPrefix: 6, keepSuffix: 4) }
}
