import ZoneCore
import ZoneStore

/// Creating a zone, as `zonedesk zone create` and the province's 园区管理 page both do it: the
/// policy text checked as `policy check` checks it, the code and name checked, a one-time
/// password made for each of the three admins, all written in one transaction.
public struct ZoneSetup: Sendable {
    let store: Store
    let hasher: PasswordHasher

    public init(store: Store, hasher: PasswordHasher) {
        self.store = store
        self.hasher = hasher
    }

    /// What was refused, line by line (a policy can have many problems), in Chinese and English.
    public struct Refused: Error, Sendable {
        public let problems: [String]
        public let message: String
        public let english: String
    }

    public struct Created: Sendable {
        public let zone: Zone
        public let policy: ZonePolicy
        /// (user name, role, one-time password): shown once, never stored in the clear.
        public let admins: [(username: String, role: Role, password: String)]
    }

    public func create(code: String, name: String, yaml: String, source: String, actor: String) async throws -> Created {
        let policy: ZonePolicy
        do { policy = try PolicyLoader.load(yaml: yaml, source: source) } catch {
            throw Refused(problems: error.messages, message: "政策文件未通过检查，未创建园区", english: "the policy file is refused, no zone was created")
        }
        let registration: ZoneRegistration
        switch ZoneRegistration.check(code: code, name: name, policyCode: policy.code) {
        case .success(let checked): registration = checked
        case .failure(let refusal): throw Refused(problems: [], message: refusal.message, english: refusal.english)
        }
        let passwords = registration.admins.map { _ in PasswordHasher.randomPassword() }
        let created: CreatedZone
        do {
            created = try await store.zones.create(registration, yaml: yaml, policy: policy,
                                                   adminPasswordHashes: passwords.map { hasher.hash($0) }, actor: actor)
        } catch let error as StoreError {
            throw Refused(problems: [], message: error.message, english: error.englishMessage)
        }
        return Created(zone: created.zone, policy: policy,
                       admins: zip(created.admins, passwords).map { ($0.0.username, $0.0.role, $0.1) })
    }
}
