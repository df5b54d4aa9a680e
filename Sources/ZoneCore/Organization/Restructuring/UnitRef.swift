/// A unit named in a plan: one that exists today, or one the plan creates (by its key in the plan).
public enum UnitRef: Hashable, Codable, Sendable, CustomStringConvertible {
    case existing(Int64)
    case new(String)

    public var description: String {
        switch self {
        case .existing(let id): "#\(id)"
        case .new(let key): "new:\(key)"
        }
    }
}

/// Where people go: another unit, or out of the zone (分流) to a named destination.
public enum Destination: Hashable, Codable, Sendable {
    case unit(UnitRef)
    case diverted(String)
}
