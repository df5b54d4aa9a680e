import ZoneStore

/// What every controller needs: the store, the password hasher, and whether cookies are Secure.
public struct AppEnvironment: Sendable {
    public let store: Store
    public let hasher: PasswordHasher
    public let secureCookies: Bool
    /// Pay runs of at least this many people run in the background with a progress page.
    public let payRunJobThreshold: Int
    public let payRunJobs = PayRunJobs()
    let cache = ComputedCache()

    public init(store: Store, hasher: PasswordHasher = PasswordHasher(), secureCookies: Bool = false, payRunJobThreshold: Int = 20_000) {
        self.store = store
        self.hasher = hasher
        self.secureCookies = secureCookies
        self.payRunJobThreshold = payRunJobThreshold
    }

    /// The zone name shown in the header.
    func zoneName(_ principal: Principal) async throws -> String {
        guard let id = principal.account.zoneID else { return "" }
        return try await store.zones.find(id: id)?.name ?? ""
    }
}
