import ArgumentParser
import ZoneStore
import ZoneWeb

struct ResetPassword: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset-password",
        abstract: "Give an account a new random password (must be changed at next login) unlock it and remove its TOTP; audited as 'cli'.",
        discussion: """
            The console path for whoever runs the server (it needs the database): it both asks for and approves \
            the reset, which in the web application takes the system admin and then the security admin. The \
            owner sees it on their home page, the audit admin in the log.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(name: .long, help: "Account user name.")
    var username: String

    func run() async throws {
        let store = try await Store.open(DatabaseLocation(database.db))
        guard let account = try await store.accounts.find(username: username) else {
            try await store.close()
            print("账号不存在 / no such account: \(username)")
            throw ExitCode(2)
        }
        let password = PasswordHasher.randomPassword()
        if try await store.accounts.pendingResets()[account.id] == nil {
            try await store.accounts.requestReset(id: account.id, actor: "cli")
        }
        _ = try await store.accounts.approveReset(id: account.id, hash: PasswordHasher().hash(password), actor: "cli")
        try await store.sessions.endAll(accountID: account.id)
        try await store.accounts.unlock(id: account.id, actor: "cli")
        // A lost phone is the other reason to come here: the second factor is enrolled again after login.
        if account.hasTOTP { try await store.accounts.setTOTP(id: account.id, secret: "", actor: "cli") }
        try await store.close()
        print("\(username) 的新密码 / new password: \(password)（登录后须修改 / must be changed at login）")
    }
}
