import Foundation

/// Time source for the store; tests pass a fixed or advancing clock to check lockout and idle timeout.
public struct Clock: Sendable {
    public let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date) { self.now = now }

    public static let system = Clock { Date() }

    public var epochSeconds: Int64 { Int64(now().timeIntervalSince1970) }

    /// UTC timestamp in ISO 8601 (storage is UTC; pages convert to Asia/Shanghai).
    public var isoTimestamp: String { Clock.iso(now()) }

    static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
