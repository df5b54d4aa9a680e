import ZoneStore

/// Work too large to wait for within one request — a pay run, a large import's check or write — runs in the
/// background: the clerk is sent to a page that reloads itself every second (a `Refresh` header, no JavaScript)
/// and shows how far the work has got, then moves on to the page that shows its result. Jobs live in memory and
/// each job's writes are one transaction, so a restart mid-way leaves nothing behind and the clerk starts again.
///
/// A job belongs to the account that started it, in its zone: anyone else's token reads as unknown.
final class BackgroundJobs: Sendable {
    enum State: Sendable, Equatable {
        case running(JobProgress)
        /// Finished: where its result is shown.
        case done(location: String)
        case failed(String)
    }

    /// A token lasts this long from the job's start: far longer than any run, and long enough for its page to move on.
    private let jobs = ScopedTokens<State>(lifetime: .seconds(30 * 60))

    /// Starts `work`, which reports progress through the closure it is given and returns the location of its
    /// result; returns the job's token. A `StoreError` fails the job with its message, any other error with
    /// `failure` and the error.
    func start(for principal: Principal, failure: String,
               _ work: @escaping @Sendable (@escaping @Sendable (JobProgress) -> Void) async throws -> String) -> String {
        let token = jobs.hold(.running(JobProgress("排队中")), for: principal)
        Task { [jobs] in
            let state: State
            do {
                state = .done(location: try await work { [jobs] progress in jobs.update(token, to: .running(progress)) })
            } catch let error as StoreError {
                state = .failed(error.message)
            } catch {
                state = .failed("\(failure)：\(error)")
            }
            jobs.update(token, to: state)
        }
        return token
    }

    /// The job's state, only for the account that started it.
    func state(_ token: String, for principal: Principal) -> State? {
        jobs.read(token, for: principal)
    }
}
