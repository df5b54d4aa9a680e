/// Which people records an account may see. Resolved once per request from role and assignment.
public enum Scope: Equatable, Sendable {
    /// The whole zone (组织人事, 领导, 纪工委).
    case zone
    /// A unit and everything below it (部门负责人).
    case units(Set<Int64>)
    /// Only one's own record (员工).
    case person(Int64)
    /// No business rows at all (三员; 省级主管部门, who sees only aggregated figures).
    case none

    public func allows(personID: Int64, unitID: Int64) -> Bool {
        switch self {
        case .zone: true
        case .units(let ids): ids.contains(unitID)
        case .person(let own): own == personID
        case .none: false
        }
    }

    public func allows(unitID: Int64) -> Bool {
        switch self {
        case .zone: true
        case .units(let ids): ids.contains(unitID)
        case .person, .none: false
        }
    }
}
