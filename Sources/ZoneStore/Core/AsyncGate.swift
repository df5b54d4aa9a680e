/// An async mutex: one holder at a time, waiters resumed in FIFO order.
///
/// SQLite allows one writer per file; sqlite-nio's busy handler spins on its thread pool, so two
/// in-process writers waiting on each other could starve the pool. Serialising write transactions
/// here keeps SQLite's lock uncontended within the process.
actor AsyncGate {
    private var held = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        if !held { held = true; return }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty { held = false } else { waiters.removeFirst().resume() }
    }
}
