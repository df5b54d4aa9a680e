import Hummingbird
import ZoneCore
import ZoneStore

/// Resolves the session cookie to a `Principal` (or none) for every request.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppContext
    static let cookieName = "zd_session"
    let store: Store

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        var context = context
        if let token = request.cookies[Self.cookieName]?.value, !token.isEmpty,
           let (session, account, zoneName) = try await store.sessions.resume(token: token), account.active {
            // The zone is resolved here, once (read with the session): every zone-scoped call of the request is given this value.
            var zone: ZoneScope?
            if let zoneID = account.zoneID {
                // An account of a zone that is not there is signed in nowhere, never as one of no zone.
                guard let zoneName else { return try await next(request, context) }
                zone = ZoneScope(id: zoneID, name: zoneName)
            }
            // Only a department head's scope depends on the org tree; don't load it on every request.
            let tree = if let zone, account.role == .departmentHead { try await store.units.tree(zoneID: zone.id) } else { UnitTree([]) }
            context.principal = Principal(account: account, session: session, token: token,
                                          scope: Principal.scope(for: account, tree: tree), zone: zone)
        }
        return try await next(request, context)
    }

    /// HttpOnly + SameSite=Strict; `Secure` is added when served over TLS by a proxy (X-Forwarded-Proto).
    static func cookie(_ value: String, secure: Bool, maxAge: Int? = nil) -> Cookie {
        Cookie(name: cookieName, value: value, maxAge: maxAge, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }
}
