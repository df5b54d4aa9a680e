import ZoneCore
import ZoneStore

/// The signed-in account for one request, with its permissions, data scope and zone resolved.
public struct Principal: Sendable {
    public let account: Account
    public let session: Session
    /// Cookie token, kept so logout can end exactly this session.
    let token: String
    public let scope: Scope
    /// The zone the account works in, resolved once per request by `SessionMiddleware`; nil for the
    /// province's accounts (省级主管部门 and the province's 三员), which belong to no zone.
    public let zone: ZoneScope?

    public init(account: Account, session: Session, token: String, scope: Scope, zone: ZoneScope?) {
        self.account = account
        self.session = session
        self.token = token
        self.scope = scope
        self.zone = zone
    }

    public var role: Role { account.role }

    public func can(_ permission: Permission) -> Bool {
        permission == .signedIn || account.role.can(permission)
    }

    /// The zone every zone-scoped repository call of this request is given. `Routes` refuses a
    /// zone-scoped route to a principal of no zone before its handler runs, so on such a route this
    /// never throws; a zone-less route that reaches for a zone gets 403 instead of an empty zone.
    public var zoneID: Int64 {
        get throws(ZoneScope.Missing) {
            guard let zone else { throw ZoneScope.Missing() }
            return zone.id
        }
    }

    /// The zone's name for the page header; empty for the province's accounts.
    public var zoneName: String { zone?.name ?? "" }

    /// Scope from role: the whole zone, a unit subtree, one's own record, or nothing (三员 and the
    /// province role, whose figures come from `viewProvince` routes that read aggregates only).
    static func scope(for account: Account, tree: UnitTree) -> Scope {
        switch account.role {
        case .hr, .leader, .discipline: .zone
        case .departmentHead: account.unitID.map { .units(tree.subtree(of: $0)) } ?? .none
        case .employee: account.personID.map { .person($0) } ?? .none
        case .systemAdmin, .securityAdmin, .auditAdmin, .province: .none
        }
    }
}

/// A request's zone: which zone's rows it may read and write, and the name shown in the header.
public struct ZoneScope: Sendable, Hashable {
    public let id: Int64
    public let name: String

    public init(id: Int64, name: String) {
        self.id = id
        self.name = name
    }

    /// A zone-scoped action asked of a principal of no zone (a province account).
    public struct Missing: Error, Sendable {
        public static let message = "本功能属于园区：您的账号属于省级，不归属任何园区，请使用园区账号。"
    }
}
