import ZoneCore
import ZoneStore

/// The signed-in account for one request, with its permissions and data scope resolved.
public struct Principal: Sendable {
    public let account: Account
    public let session: Session
    /// Cookie token, kept so logout can end exactly this session.
    let token: String
    public let scope: Scope

    public var role: Role { account.role }

    public func can(_ permission: Permission) -> Bool {
        permission == .signedIn || account.role.can(permission)
    }

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
