/// A new zone as it is set up: its code and name, the policy it starts with, and the three admin
/// accounts every zone has from day one (三员分立: system, security and audit admin). Checked here
/// so the CLI and the province's web page refuse the same things.
public struct ZoneRegistration: Hashable, Sendable {
    /// Long enough for `chengdu-xingu`; short enough that `CODE_auditadmin` stays a valid user name (≤ 32).
    public static let maxCode = 20
    public static let maxName = 60

    public let code: String
    public let name: String
    public let admins: [Admin]

    public struct Admin: Hashable, Sendable {
        public let role: Role
        public let username: String
        public let displayName: String
    }

    /// Why a zone was not created, in Chinese for the page and English for the CLI.
    public struct Refusal: Error, Hashable, Sendable {
        public let message: String
        public let english: String
    }

    /// A code is the policy file's `code`: lower-case letters and digits, words joined by single
    /// hyphens (`chengdu-xingu`); the policy must be this zone's own file, since it names the zone.
    public static func check(code rawCode: String, name rawName: String, policyCode: String) -> Result<ZoneRegistration, Refusal> {
        let code = rawCode.trimmingWhitespace(), name = rawName.trimmingWhitespace()
        guard (2...maxCode).contains(code.count),
              code.range(of: "^[a-z][a-z0-9]*(-[a-z0-9]+)*$", options: .regularExpression) != nil else {
            return .failure(Refusal(message: "园区代码须为2–\(maxCode)位小写字母、数字，以字母开头，可用单个连字符分隔（如 chengdu-xingu）：\(rawCode)",
                                    english: "a zone code is 2–\(maxCode) lower-case letters and digits, starting with a letter, words joined by single hyphens (e.g. chengdu-xingu): \(rawCode)"))
        }
        guard (2...maxName).contains(name.count), !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            return .failure(Refusal(message: "园区名称须为2–\(maxName)字，不含控制字符", english: "a zone name is 2–\(maxName) characters with no control characters"))
        }
        guard policyCode == code else {
            return .failure(Refusal(message: "政策文件属于园区 \(policyCode)，不是 \(code)（政策文件的 code 须与园区代码一致）",
                                    english: "the policy file is zone \(policyCode)'s, not \(code)'s (its code must be the zone code)"))
        }
        let stem = code.replacingOccurrences(of: "-", with: "_")
        let admins = [(Role.systemAdmin, "sysadmin"), (.securityAdmin, "secadmin"), (.auditAdmin, "auditadmin")].map { role, suffix in
            Admin(role: role, username: "\(stem)_\(suffix)", displayName: "\(role.label)（\(code)）")
        }
        return .success(ZoneRegistration(code: code, name: name, admins: admins))
    }
}
