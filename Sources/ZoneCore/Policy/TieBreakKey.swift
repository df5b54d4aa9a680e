/// One criterion in the declared order that settles equal rankings (SPEC: score, then archive
/// seniority, then id). The order is shown with every result it decided.
public enum TieBreakKey: String, CaseIterable, Sendable, Codable {
    /// Higher score first.
    case score
    /// Longer archive seniority (档案工龄: earlier 参加工作时间) first.
    case seniority
    /// Lower person id first — unique, so it makes the order total.
    case id

    /// SPEC's rule, for a zone that has loaded no policy.
    public static let declared: [TieBreakKey] = [.score, .seniority, .id]

    public var label: String {
        switch self {
        case .score: "得分高者优先"
        case .seniority: "档案工龄长者优先"
        case .id: "编号小者优先"
        }
    }
}

extension PolicyValue {
    /// A tie-break order: known keys, no repeats, ending with `id` so that no tie can remain.
    func tieBreak() -> [TieBreakKey]? {
        guard let keys = list({ $0.keyword(TieBreakKey.self) }) else { return nil }
        guard requireNonEmptyUnique(keys.map(\.rawValue)) else { return nil }
        guard keys.last == .id else {
            problem("须以 id 结尾，才能保证不留并列", "must end with id so that no tie remains")
            return nil
        }
        return keys
    }
}
