import HTTPTypes
import ZoneCore

/// One route and what it requires. The list of all specs is what the route × role test walks.
public struct RouteSpec: Sendable, Hashable {
    public let method: HTTPRequest.Method
    public let path: String
    public let permission: Permission
    /// Pages redirect to the login page; API routes answer 401 JSON.
    public var isAPI: Bool { path.hasPrefix("/api/") }
}
