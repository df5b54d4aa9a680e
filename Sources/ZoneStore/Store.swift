/// The persistence facade: one open database and a repository per concept, all sharing the
/// audit log so each write and its audit record commit in one transaction.
///
/// ```swift
/// let store = try await Store.open(DatabaseLocation("./data/zonedesk.sqlite"))
/// let page = try await store.people.search(PeopleQuery(zoneID: 1, text: "王"))
/// ```
public final class Store: Sendable {
    public let database: ZoneDatabase
    public let clock: Clock
    public let audit: AuditLog
    public let zones: ZoneRepository
    public let units: UnitRepository
    public let people: PersonRepository
    public let accounts: AccountRepository
    public let sessions: SessionRepository
    public let quotas: QuotaRepository
    public let plans: PlanRepository
    public let posts: PostRepository
    public let rounds: RoundRepository
    public let appointments: AppointmentRepository
    public let policies: PolicyRepository
    public let appraisals: AppraisalRepository
    public let payRuns: PayRunRepository
    public let ledgers: LedgerRepository
    public let province: ProvinceRepository
    public let holidays: HolidayRepository

    init(database: ZoneDatabase, clock: Clock, keys: AuditKeys) {
        self.database = database
        self.clock = clock
        audit = AuditLog(clock: clock, keys: keys)
        zones = ZoneRepository(database: database, audit: audit, clock: clock)
        people = PersonRepository(database: database, audit: audit, clock: clock,
                                  quotas: QuotaRepository(database: database, audit: audit, clock: clock))
        accounts = AccountRepository(database: database, audit: audit, clock: clock)
        sessions = SessionRepository(database: database, clock: clock)
        quotas = QuotaRepository(database: database, audit: audit, clock: clock)
        units = UnitRepository(database: database, audit: audit, clock: clock, quotas: quotas)
        plans = PlanRepository(database: database, audit: audit, clock: clock, quotas: quotas)
        posts = PostRepository(database: database, audit: audit)
        rounds = RoundRepository(database: database, audit: audit, clock: clock, quotas: quotas)
        appointments = AppointmentRepository(database: database)
        policies = PolicyRepository(database: database, audit: audit, clock: clock)
        appraisals = AppraisalRepository(database: database, audit: audit, clock: clock, policies: policies)
        payRuns = PayRunRepository(database: database, audit: audit, clock: clock, policies: policies, appraisals: appraisals)
        ledgers = LedgerRepository(database: database, audit: audit, clock: clock)
        province = ProvinceRepository(database: database)
        holidays = HolidayRepository(database: database, audit: audit, clock: clock)
    }

    /// Opens and migrates: a store is always at the current schema, with the audit key of
    /// `location.auditKeyPath` (created there for a database whose log is not keyed yet).
    public static func open(_ location: DatabaseLocation, clock: Clock = .system) async throws -> Store {
        let database = try await ZoneDatabase.open(location)
        do {
            try await Migrator(database: database, clock: clock).migrate()
            let keys = try await AuditKeys.open(path: location.auditKeyPath, database: database, clock: clock)
            return Store(database: database, clock: clock, keys: keys)
        } catch {
            try? await database.close()
            throw error
        }
    }

    /// Appends an audit record on its own, for reads of personal data and logins that change nothing else.
    public func record(_ entry: AuditEntry) async throws {
        let audit = audit, backend = database.backend
        try await database.transaction { tx in try await audit.append(entry, in: tx, backend: backend) }
    }

    public func close() async throws { try await database.close() }
}
