/// Timing for benchmarks: the best of several runs, because on a shared machine the minimum is
/// the figure least disturbed by other work, and it leaves out first-run page faults.
enum Stopwatch {
    static func bestMilliseconds(of runs: Int = 5, _ body: () throws -> Void) rethrows -> Double {
        let clock = ContinuousClock()
        var best: Duration?
        for _ in 0..<runs {
            let start = clock.now
            try body()
            let elapsed = clock.now - start
            best = min(best ?? elapsed, elapsed)
        }
        return milliseconds(best ?? .zero)
    }

    /// The same for asynchronous work (a persisted run awaits the database).
    static func bestMilliseconds(of runs: Int, _ body: () async throws -> Void) async rethrows -> Double {
        let clock = ContinuousClock()
        var best: Duration?
        for _ in 0..<runs {
            let start = clock.now
            try await body()
            let elapsed = clock.now - start
            best = min(best ?? elapsed, elapsed)
        }
        return milliseconds(best ?? .zero)
    }

    /// Milliseconds, rounded to the microsecond so printed figures stay short.
    static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return (Double(seconds) * 1_000_000 + Double(attoseconds / 1_000_000_000_000)) / 1000
    }
}

/// FNV-1a, 64 bit: a stable, dependency-free fingerprint of an engine's integer output. Not
/// cryptographic; it only has to change when the output does, on every platform and run.
enum Checksum {
    static func fnv1a64(_ values: [Int32]) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for value in values {
            var bits = UInt32(bitPattern: value)
            for _ in 0..<4 {  // little-endian bytes, whatever the machine
                hash ^= UInt64(bits & 0xFF)
                hash &*= 0x0000_0100_0000_01B3
                bits >>= 8
            }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
