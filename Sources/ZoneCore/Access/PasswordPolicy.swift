/// 等保 level-3 password rules: at least 8 characters from at least three of four classes,
/// not containing the user name, not a common password. (That it is none of the account's last
/// `historyDepth` passwords is checked against their hashes where they are stored.)
public enum PasswordPolicy {
    public static let minimumLength = 8
    public static let maxFailures = 5
    public static let lockoutSeconds: Int64 = 30 * 60
    public static let idleTimeoutSeconds: Int64 = 30 * 60
    /// How many of an account's latest chosen passwords may not be chosen again.
    public static let historyDepth = 5

    public static func check(_ password: String, username: String, common: CommonPasswords = .shipped) throws(ValidationError) {
        guard !password.isEmpty else { throw .required }
        guard password.count >= minimumLength else { throw .invalid("密码至少\(minimumLength)位") }
        var classes = 0
        if password.contains(where: { $0.isASCII && $0.isUppercase }) { classes += 1 }
        if password.contains(where: { $0.isASCII && $0.isLowercase }) { classes += 1 }
        if password.contains(where: \.isASCIIDigit) { classes += 1 }
        if password.contains(where: { !($0.isASCII && ($0.isLetter || $0.isNumber)) }) { classes += 1 }
        guard classes >= 3 else { throw .invalid("密码须包含大写字母、小写字母、数字、符号中的至少三类") }
        guard username.isEmpty || !password.lowercased().contains(username.lowercased()) else {
            throw .invalid("密码不能包含用户名")
        }
        guard !common.contains(password) else { throw .invalid("该密码过于常见（在常用密码清单中），请换一个") }
    }
}
