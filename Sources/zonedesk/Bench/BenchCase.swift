/// One `zonedesk bench` case: builds its seeded data once, then times the in-memory engine alone.
///
/// A case is a value with a closure rather than a protocol conformance so that the list of cases
/// is one array literal in ``all``; adding a case is one file defining a `static let` and one entry
/// there:
///
/// ```swift
/// extension BenchCase {
///     static let example = BenchCase(name: "example", defaultSize: 1_000) { size in
///         let data = makeData(size)                          // not timed
///         var result = 0
///         let ms = Stopwatch.bestMilliseconds { result = engine(data) }
///         return BenchResult(case: "example", size: size, engineMilliseconds: ms,
///                            checksum: Checksum.fnv1a64([Int32(result)]))
///     }
/// }
/// ```
struct BenchCase: Sendable {
    /// Lower-case, hyphenated: it is printed into JSON unescaped.
    let name: String
    let defaultSize: Int
    let measure: @Sendable (_ size: Int) async throws -> BenchResult

    static let all: [BenchCase] = [.match, .appraisePay, .payRun, .xlsxRead, .xlsxWrite]
}

/// One line of `zonedesk bench` output (the fixed interface in DESIGN.md), e.g.
/// `{"case":"match","size":50000,"engine_ms":6.1,"checksum":"9e3c…"}`.
struct BenchResult: Sendable {
    let `case`: String
    let size: Int
    /// Best of several runs, excluding data generation.
    let engineMilliseconds: Double
    /// Identifies the engine's output, so a faster version can be checked to compute the same thing.
    let checksum: String

    /// Written by hand rather than with `JSONEncoder`, which does not keep key order; the fields
    /// are a case name, numbers and hex, so nothing needs escaping.
    var jsonLine: String {
        #"{"case":"\#(`case`)","size":\#(size),"engine_ms":\#(engineMilliseconds),"checksum":"\#(checksum)"}"#
    }
}
