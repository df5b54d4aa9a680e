import Synchronization
import ZoneStore

/// Values computed from the database (the org tree with its quotas, the dashboard's figures, their
/// JSON), kept until the database next changes. Each value is stored under the change stamp read
/// before it was computed, so a write that lands during the computation retires it; every commit
/// empties the cache. Keys name the zone and, where the value depends on it, the viewer's scope.
public final class ComputedCache: Sendable {
    private struct State {
        var stamp = ChangeStamp.initial
        var values: [String: any Sendable] = [:]
    }

    /// A bound on memory when many zones or scopes are viewed between two writes.
    private static let capacity = 1_000
    private let state = Mutex(State())

    public init() {}

    func value<T: Sendable>(_ key: String, in database: ZoneDatabase, compute: () async throws -> T) async throws -> T {
        let stamp = try await database.changeStamp()
        if let hit = state.withLock({ $0.stamp == stamp ? $0.values[key] as? T : nil }) { return hit }
        let value = try await compute()
        state.withLock { state in
            if state.stamp != stamp || state.values.count >= Self.capacity { state = State(stamp: stamp) }
            state.values[key] = value
        }
        return value
    }
}
