import Foundation

/// Which SQL engine a store runs on. The SQL is the same except where a dialect needs its own
/// spelling (identity columns, append-only triggers, write serialisation).
public enum Backend: String, Sendable {
    case sqlite
    case postgres
}

/// Where a store lives: `./data/zonedesk.sqlite` or `postgres://user:pass@host:port/db`.
public struct DatabaseLocation: Sendable, CustomStringConvertible {
    public let raw: String
    /// The audit key file given with `--audit-key`; nil for the default (`auditKeyPath`).
    public let auditKey: String?

    public init(_ raw: String, auditKey: String? = nil) {
        self.raw = raw
        self.auditKey = auditKey
    }

    /// Where the audit chain's key file is: `--audit-key`, else `ZONEDESK_AUDIT_KEY`, else beside the
    /// SQLite file (`zonedesk.sqlite.audit-key`) or, for PostgreSQL, `./data/<database>.audit-key`.
    /// In production name a path on another disk, readable only by the service account.
    public var auditKeyPath: String {
        if let auditKey, !auditKey.isEmpty { return auditKey }
        if let path = ProcessInfo.processInfo.environment["ZONEDESK_AUDIT_KEY"], !path.isEmpty { return path }
        switch backend {
        case .sqlite: return raw + ".audit-key"
        case .postgres:
            let name = raw.split(separator: "/").last.map { $0.split(separator: "?")[0] } ?? "zonedesk"
            return "./data/\(name).audit-key"
        }
    }

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
