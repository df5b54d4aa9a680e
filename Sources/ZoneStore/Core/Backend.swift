/// Which SQL engine a store runs on. The SQL is the same except where a dialect needs its own
/// spelling (identity columns, append-only triggers, write serialisation).
public enum Backend: String, Sendable {
    case sqlite
    case postgres
}

/// Where a store lives: `./data/zonedesk.sqlite` or `postgres://user:pass@host:port/db`.
public struct DatabaseLocation: Sendable, CustomStringConvertible {
    public let raw: String

    public init(_ raw: String) { self.raw = raw }

    public var backend: Backend {
        raw.hasPrefix("postgres://") || raw.hasPrefix("postgresql://") ? .postgres : .sqlite
    }

    /// The URL with any password replaced, for logs and messages.
    public var description: String {
        guard backend == .postgres, let at = raw.lastIndex(of: "@"),
              let colon = raw[raw.index(raw.startIndex, offsetBy: 11)..<at].lastIndex(of: ":") else { return raw }
        return String(raw[..<raw.index(after: colon)]) + "***" + String(raw[at...])
    }
}
