import Synchronization
import ZoneStore

/// Values computed from the database (the org tree with its quotas, the dashboard's figures, their
/// JSON), kept until the database next changes. Each value is stored under the change stamp read
/// before it was computed, so a write that lands during the computation retires it; every commit
/// empties the cache. Keys name the zone and, where the value depends on it, the viewer's scope.
///
/// Requests that miss the same key under the same stamp share one computation: after a write,
/// 64 browsers asking for the dashboard cost one recomputation, not 64 at once.
public final class ComputedCache: Sendable {
    private struct State {
        var stamp = ChangeStamp.initial
        var values: [String: any Sendable] = [:]
        var running: [String: Task<any Sendable, any Error>] = [:]
    }

    /// A bound on memory when many zones or scopes are viewed between two writes.
    private static let capacity = 1_000
    private let state = Mutex(State())

    public init() {}

    private enum Lookup {
        case hit(any Sendable)
        case wait(Task<any Sendable, any Error>)
    }

    func value<T: Sendable>(_ key: String, in database: ZoneDatabase, compute: @escaping @Sendable () async throws -> T) async throws -> T {
        let stamp = try await database.changeStamp()
        let lookup: Lookup = state.withLock { state in
            if state.stamp != stamp || state.values.count >= Self.capacity { state = State(stamp: stamp) }
            if let hit = state.values[key] { return .hit(hit) }
            if let running = state.running[key] { return .wait(running) }
            // Unstructured, so one requester going away does not cancel the others' answer.
            let task = Task<any Sendable, any Error> { try await compute() }
            state.running[key] = task
            return .wait(task)
        }
        let value: any Sendable
        switch lookup {
        case .hit(let hit):
            value = hit
        case .wait(let task):
            do {
                value = try await task.value
            } catch {
                state.withLock { state in if state.stamp == stamp { state.running[key] = nil } }
                throw error
            }
            state.withLock { state in
                guard state.stamp == stamp else { return }
                state.values[key] = value
                state.running[key] = nil
            }
        }
        // Each key is used with one type; a mismatch would be a programming error, answered uncached.
        guard let typed = value as? T else { return try await compute() }
        return typed
    }
}
