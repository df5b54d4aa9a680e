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
           let (session, account) = try await store.sessions.resume(token: token), account.active {
            // Only a department head's scope depends on the org tree; don't load it on every request.
            let tree = account.role == .departmentHead ? try await store.units.tree(zoneID: account.zoneID ?? 0) : UnitTree([])
            context.principal = Principal(account: account, session: session, token: token,
                                          scope: Principal.scope(for: account, tree: tree))
        }
        return try await next(request, context)
    }

    /// HttpOnly + SameSite=Strict; `Secure` is added when served over TLS by a proxy (X-Forwarded-Proto).
    static func cookie(_ value: String, secure: Bool, maxAge: Int? = nil) -> Cookie {
        Cookie(name: cookieName, value: value, maxAge: maxAge, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }
}
