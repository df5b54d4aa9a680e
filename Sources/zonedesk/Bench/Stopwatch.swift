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

/// FNV-1a, 64 bit: a stable, dependency-free fingerprint of an engine's output. Not cryptographic; it
/// only has to change when the output does, on every platform and run.
struct FNV1a64 {
    private var hash: UInt64 = 0xCBF2_9CE4_8422_2325

    mutating func add(_ byte: UInt8) {
        hash ^= UInt64(byte)
        hash &*= 0x0000_0100_0000_01B3
    }

    /// The value's bytes, little-endian whatever the machine.
    mutating func add(littleEndian value: some FixedWidthInteger) {
        for shift in stride(from: 0, to: value.bitWidth, by: 8) { add(UInt8(truncatingIfNeeded: value >> shift)) }
    }

    /// Sixteen hex digits.
    var hex: String {
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

enum Checksum {
    /// FNV-1a 64 over the values as 4 little-endian bytes each.
    static func fnv1a64(_ values: [Int32]) -> String {
        var hash = FNV1a64()
        for value in values { hash.add(littleEndian: value) }
        return hash.hex
    }
}
