import Foundation
import Synchronization
import ZoneStore

/// A clock tests move by hand, to check lockout and idle timeout without waiting.
public final class ManualClock: Sendable {
    private let seconds = Mutex<TimeInterval>(1_790_000_000)

    public init() {}

    public var clock: Clock { Clock { [self] in Date(timeIntervalSince1970: seconds.withLock { $0 }) } }

    public func advance(_ delta: TimeInterval) { seconds.withLock { $0 += delta } }
}
