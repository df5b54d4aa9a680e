import Foundation
import ZoneCore

/// Time source for the store; tests pass a fixed or advancing clock to check lockout and idle timeout.
public struct Clock: Sendable {
    public let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date) { self.now = now }

    public static let system = Clock { Date() }

    public var epochSeconds: Int64 { Int64(now().timeIntervalSince1970) }

    /// UTC timestamp in ISO 8601 (storage is UTC; pages convert to Asia/Shanghai).
    public var isoTimestamp: String { Clock.iso(now()) }

    /// Today's calendar date in Asia/Shanghai. Deadlines, publicity periods, terms and departures
    /// are Chinese calendar days; the UTC date is yesterday's until 08:00 in Beijing.
    public var today: CivilDate { try! CivilDate(parsing: Clock.shanghai(now(), format: "yyyy-MM-dd")) }

    /// A moment formatted for display in Asia/Shanghai (storage stays UTC).
    public static func shanghai(_ date: Date, format: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.dateFormat = format
        return formatter.string(from: date)
    }

    static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
