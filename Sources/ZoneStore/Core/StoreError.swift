import ZoneCore

/// Refusals from the store, each with a zh-CN message for the page and an English one for the CLI.
///
/// `english` is the CLI's line: every refusal a command can print gives one (`.notFound` names the
/// thing, the others say the whole sentence). A refusal only pages show may leave it out; its English
/// line then says that the reason is the Chinese one, rather than repeating the Chinese.
public enum StoreError: Error, Equatable, Sendable {
    case notFound(String, english: String? = nil)
    case staleVersion(entity: String, expected: Int, actual: Int)
    case duplicate(String, english: String? = nil)
    case invalid(String, english: String? = nil)
    /// The hard quota rule refused the change; every violation is listed.
    case overQuota([QuotaViolation])

    public var message: String {
        switch self {
        case .notFound(let what, _): "未找到：\(what)"
        case .staleVersion(let entity, let expected, let actual):
            "\(entity)已被他人修改（您编辑的是第\(expected)版，当前为第\(actual)版），请刷新后重新编辑"
        case .duplicate(let what, _): "重复：\(what)"
        case .invalid(let why, _): why
        case .overQuota(let violations): violations.map(\.message).joined(separator: "；")
        }
    }

    public var englishMessage: String {
        switch self {
        case .notFound(_, let english): english.map { "not found: \($0)" } ?? "not found (named in Chinese above)"
        case .staleVersion(_, let expected, let actual):
            "the record was changed by someone else (edited version \(expected), current version \(actual)); reload and edit again"
        case .duplicate(_, let english): english ?? "refused as a duplicate (the reason is given in Chinese above)"
        case .invalid(_, let english): english ?? "refused (the reason is given in Chinese above)"
        case .overQuota(let violations): violations.map(\.englishMessage).joined(separator: "; ")
        }
    }
}

extension StoreError {
    /// For the CLI: the Chinese line, then the English one.
    public var bilingualMessage: String { "\(message) / \(englishMessage)" }
}
