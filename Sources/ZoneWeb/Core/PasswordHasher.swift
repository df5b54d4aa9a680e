import HummingbirdBcrypt
import ZoneStore

/// bcrypt with a configurable cost: production uses 11, tests lower it so hundreds of logins stay fast.
public struct PasswordHasher: Sendable {
    public let cost: UInt8

    /// A hash of nothing, verified against when a user name does not exist, so the response time
    /// does not reveal which names are real.
    let decoy: String

    public init(cost: UInt8 = 11) {
        self.cost = cost
        decoy = Bcrypt.hash(SecureToken.hex(bytes: 16), cost: cost)
    }

    public func hash(_ password: String) -> String { Bcrypt.hash(password, cost: cost) }

    public func verify(_ password: String, hash: String) -> Bool { Bcrypt.verify(password, hash: hash) }

    /// A random password that satisfies `PasswordPolicy` (shown once, changed at first login).
    public static func randomPassword() -> String {
        let upper = Array("ABCDEFGHJKLMNPQRSTUVWXYZ"), lower = Array("abcdefghijkmnpqrstuvwxyz"),
            digits = Array("23456789"), symbols = Array("!@#%*-_+")
        var rng = SystemRandomNumberGenerator()
        var chars = (0..<4).map { _ in upper.randomElement(using: &rng)! } + (0..<4).map { _ in lower.randomElement(using: &rng)! }
            + (0..<3).map { _ in digits.randomElement(using: &rng)! } + (0..<2).map { _ in symbols.randomElement(using: &rng)! }
        chars.shuffle(using: &rng)
        return String(chars)
    }
}
