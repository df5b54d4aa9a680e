import Synchronization
import ZoneStore

/// Pay runs too large to wait for within one request run in the background: the office is sent to
/// a page that reloads itself every second (a `Refresh` header, no JavaScript) and shows how far
/// the run has got, then moves on to the run. Jobs live in memory; a run is one transaction, so a
/// restart mid-run leaves nothing behind and the office simply starts it again.
public final class PayRunJobs: Sendable {
    enum State: Sendable, Equatable {
        case running(String)
        case done(runID: Int64)
        case failed(String)
    }

    struct Job: Sendable {
        let zoneID: Int64
        var state: State
    }

    private let jobs = Mutex<[String: Job]>([:])

    public init() {}

    /// Starts `work`, which reports progress through the closure it is given; returns the job's token.
    func start(zoneID: Int64, _ work: @escaping @Sendable (@escaping @Sendable (String) -> Void) async throws -> Int64) -> String {
        let token = SecureToken.hex(bytes: 16)
        jobs.withLock { $0[token] = Job(zoneID: zoneID, state: .running("排队中")) }
        Task {
            let state: State
            do {
                state = .done(runID: try await work { [weak self] message in self?.update(token, .running(message)) })
            } catch let error as StoreError {
                state = .failed(error.message)
            } catch {
                state = .failed("发放批次计算失败：\(error)")
            }
            update(token, state)
        }
        return token
    }

    func update(_ token: String, _ state: State) {
        jobs.withLock { $0[token]?.state = state }
    }

    /// The job's state, only for the zone that started it.
    func state(_ token: String, zoneID: Int64) -> State? {
        jobs.withLock { jobs in jobs[token].flatMap { $0.zoneID == zoneID ? $0.state : nil } }
    }
}
