import ZoneStore

/// What every controller needs: the store, the password hasher, and whether cookies are Secure.
public struct AppEnvironment: Sendable {
    public let store: Store
    public let hasher: PasswordHasher
    public let secureCookies: Bool

    public init(store: Store, hasher: PasswordHasher = PasswordHasher(), secureCookies: Bool = false) {
        self.store = store
        self.hasher = hasher
        self.secureCookies = secureCookies
    }

    /// The zone name shown in the header.
    func zoneName(_ principal: Principal) async throws -> String {
        guard let id = principal.account.zoneID else { return "" }
        return try await store.zones.find(id: id)?.name ?? ""
    }
}
