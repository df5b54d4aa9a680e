import ZoneStore

/// What every controller needs: the store, the password hasher, whether cookies are Secure, and what lives in
/// memory between requests (background jobs, checked import sheets).
public struct AppEnvironment: Sendable {
    public let store: Store
    public let hasher: PasswordHasher
    public let secureCookies: Bool
    /// Pay runs of at least this many people run in the background with a progress page.
    public let payRunJobThreshold: Int
    /// A people import of more rows than this is checked and written in the background with a progress page.
    public let importJobThreshold: Int
    /// Where a request comes from (the peer, or `X-Forwarded-For` from a trusted proxy).
    public let clientAddress: ClientAddress
    /// Failed logins per client address.
    public let loginThrottle: LoginThrottle
    /// Background work (large pay runs and imports) and what it left for the clerk.
    let jobs = BackgroundJobs()
    let imports = HeldImports()
    let cache = ComputedCache()
    /// Uploads read and parsed at once; more get 503 (two: one per core of the machine it was sized on).
    let uploads: UploadSlots

    public init(store: Store, hasher: PasswordHasher = PasswordHasher(), secureCookies: Bool = false, payRunJobThreshold: Int = 20_000,
                importJobThreshold: Int = 5_000, clientAddress: ClientAddress = ClientAddress(), loginThrottle: LoginThrottle = LoginThrottle(),
                uploadSlots: Int = 2) {
        self.store = store
        self.clientAddress = clientAddress
        self.loginThrottle = loginThrottle
        self.hasher = hasher
        self.secureCookies = secureCookies
        self.payRunJobThreshold = payRunJobThreshold
        self.importJobThreshold = importJobThreshold
        uploads = UploadSlots(limit: uploadSlots)
    }
}
