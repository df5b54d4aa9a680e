import ArgumentParser
import ZoneStore
import ZoneWeb

struct ResetPassword: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset-password",
        abstract: "Give an account a new random password (must be changed at next login), unlock it and remove its TOTP; audited as 'cli'.")

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
        try await store.accounts.setPassword(id: account.id, hash: PasswordHasher().hash(password), mustChange: true, actor: "cli")
        try await store.accounts.unlock(id: account.id, actor: "cli")
        // A lost phone is the other reason to come here: the second factor is enrolled again after login.
        if account.hasTOTP { try await store.accounts.setTOTP(id: account.id, secret: "", actor: "cli") }
        try await store.close()
        print("\(username) 的新密码 / new password: \(password)（登录后须修改 / must be changed at login）")
    }
}
