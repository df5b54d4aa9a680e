import ZoneCore

/// Refusals from the store, each with a zh-CN message for the page and an English one for the CLI.
public enum StoreError: Error, Equatable, Sendable {
    case notFound(String)
    case staleVersion(entity: String, expected: Int, actual: Int)
    case duplicate(String)
    case invalid(String)
    /// The hard quota rule refused the change; every violation is listed.
    case overQuota([QuotaViolation])

    public var message: String {
        switch self {
        case .notFound(let what): "未找到：\(what)"
        case .staleVersion(let entity, let expected, let actual):
            "\(entity)已被他人修改（您编辑的是第\(expected)版，当前为第\(actual)版），请刷新后重新编辑"
        case .duplicate(let what): "重复：\(what)"
        case .invalid(let why): why
        case .overQuota(let violations): violations.map(\.message).joined(separator: "；")
        }
    }

    public var englishMessage: String {
        switch self {
        case .notFound(let what): "not found: \(what)"
        case .staleVersion(let entity, let expected, let actual):
            "\(entity) was changed by someone else (edited version \(expected), current version \(actual)); reload and edit again"
        case .duplicate(let what): "duplicate: \(what)"
        case .invalid(let why): why
        case .overQuota(let violations): violations.map(\.englishMessage).joined(separator: "; ")
        }
    }
}

extension StoreError {
    /// For the CLI: Chinese and English, once when a message already carries both.
    public var bilingualMessage: String {
        message == englishMessage ? message : "\(message) / \(englishMessage)"
    }
}
