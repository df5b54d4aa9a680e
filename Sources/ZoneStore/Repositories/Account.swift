import ZoneCore

/// A login. Accounts are unique per person or duty; the role decides permissions, and the unit
/// (部门负责人) or person (员工) decides scope.
public struct Account: Sendable, Equatable, Identifiable {
    public let id: Int64
    public let username: String
    public let displayName: String
    public let passwordHash: String
    public let role: Role
    public let zoneID: Int64?
    public let unitID: Int64?
    public let personID: Int64?
    public let mustChangePassword: Bool
    public let failedAttempts: Int
    /// Epoch seconds until which login is refused; 0 when not locked.
    public let lockedUntil: Int64
    public let active: Bool
    public let version: Int
    /// Whether a login also needs a one-time code (TOTP, the three admins only).
    public let hasTOTP: Bool
}

/// A new account before it is stored.
public struct NewAccount: Sendable {
    public var username: String
    public var displayName: String
    public var passwordHash: String
    public var role: Role
    public var zoneID: Int64?
    public var unitID: Int64?
    public var personID: Int64?
    public var mustChangePassword: Bool

    public init(username: String, displayName: String, passwordHash: String, role: Role, zoneID: Int64?,
                unitID: Int64? = nil, personID: Int64? = nil, mustChangePassword: Bool = true) {
        self.username = username
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.role = role
        self.zoneID = zoneID
        self.unitID = unitID
        self.personID = personID
        self.mustChangePassword = mustChangePassword
    }
}
