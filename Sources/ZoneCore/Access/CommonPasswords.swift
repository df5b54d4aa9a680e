import Foundation

/// Passwords too common to allow, matched case-insensitively (`Password1` is `password1`).
///
/// The shipped list (`Resources/common-passwords.txt`, about 4,400 lines, 41 KB) is the part of
/// zxcvbn's 30,000 most frequent leaked passwords (MIT licence) that could otherwise pass
/// `PasswordPolicy` — at least 8 printable ASCII characters with letters plus a digit or a symbol —
/// and the pinyin-and-digits patterns of Chinese leaks and offices (`woaini1314`, `Aa123456`,
/// `admin@123`). Shorter or single-class entries are left out: the length and class rules refuse them.
public struct CommonPasswords: Sendable {
    private let lowercased: Set<String>

    public init<S: Sequence>(_ passwords: S) where S.Element: StringProtocol {
        lowercased = Set(passwords.lazy.map { $0.lowercased() }.filter { !$0.isEmpty })
    }

    public func contains(_ password: String) -> Bool { lowercased.contains(password.lowercased()) }

    public var count: Int { lowercased.count }

    /// The list shipped with ZoneDesk, read once.
    public static let shipped: CommonPasswords = {
        guard let url = Bundle.module.url(forResource: "common-passwords", withExtension: "txt"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            fatalError("common-passwords.txt is missing from the ZoneCore bundle")
        }
        return CommonPasswords(text.split(whereSeparator: \.isNewline))
    }()
}
