/// Splits an amount of integer fen in proportion to weights so the parts add up **exactly** to the
/// amount (最大余数法, the largest-remainder or Hamilton method).
///
/// Each part first gets the floor of its exact share `total × wᵢ / W` (W = Σ w). The fen left over
/// — fewer than the number of parts with a weight — go one each to the parts with the largest
/// remainders `total × wᵢ mod W`; equal remainders go to the **lower index** first (the policy's
/// `leftover_order: [remainder, id]`; with `[remainder, weight, id]` the larger weight goes first,
/// then the lower index). All arithmetic is exact integers: products use 128 bits when
/// `total × wᵢ` would not fit in 64.
///
/// Consequences worth knowing:
/// - A zero weight gets 0 fen, always (its remainder is 0, and the leftover never reaches 0
///   remainders: they sum to `leftover × W` and each is below `W`).
/// - All weights zero with `total > 0` throws ``AllocationError/noWeight(total:)`` rather than
///   inventing an equal split — in pay that would hand money to people the policy gives none.
///   `total == 0` returns zeros. An empty `weights` is "all zero".
/// - The result depends only on `total`, the weights and their order: re-running gives the same fen.
///
/// ```swift
/// try LargestRemainder.allocate(total: 100, weights: [1, 1, 1])   // [34, 33, 33]: tie → lowest index
/// try LargestRemainder.allocate(total: 1_000, weights: [3, 0, 7])  // [300, 0, 700]
/// try LargestRemainder.allocate(total: 5, weights: [0, 0])         // throws .noWeight(total: 5)
/// ```
///
/// Complexity: O(n) time (one division per part, then a linear-time selection of the remainder
/// threshold, not a sort) and O(n) extra memory; a million parts take a few milliseconds.
public enum LargestRemainder {
    public static func allocate(total: Int64, weights: [Int64],
                                leftoverOrder: [AllocationRule.LeftoverKey] = [.remainder, .id]) throws(AllocationError) -> [Int64] {
        guard total >= 0 else { throw .negativeTotal(total) }
        let byWeight = Self.byWeight(leftoverOrder)
        var sum: Int64 = 0
        var largest: Int64 = 0
        for (index, weight) in weights.enumerated() {
            guard weight >= 0 else { throw .negativeWeight(index: index, weight: weight) }
            let (next, overflow) = sum.addingReportingOverflow(weight)
            guard !overflow else { throw .weightOverflow }
            sum = next
            largest = max(largest, weight)
        }
        let count = weights.count
        guard sum > 0 else {
            if total == 0 { return [Int64](repeating: 0, count: count) }
            throw .noWeight(total: total)
        }
        let scratch = Scratch(capacity: count)
        defer { scratch.deallocate() }
        return [Int64](unsafeUninitializedCapacity: count) { out, initialized in
            weights.withUnsafeBufferPointer { weights in
                split(total: total, weights: weights, sum: sum, largest: largest, byWeight: byWeight,
                      into: out, scratch: scratch)
            }
            initialized = count
        }
    }

    /// Whether the leftover order puts larger weights before lower ids on equal remainders. The
    /// policy loader already insists on `remainder` first and `id` last; code that builds an order
    /// by hand gets the same check as a trap.
    static func byWeight(_ order: [AllocationRule.LeftoverKey]) -> Bool {
        precondition(order.first == .remainder && order.last == .id, "leftover order must start with remainder and end with id")
        return order.contains(.weight)
    }

    /// Reusable work space for ``split(total:weights:sum:largest:byWeight:into:scratch:)``, so a
    /// pay run splitting thousands of packages allocates it once.
    struct Scratch {
        let remainders: UnsafeMutableBufferPointer<Int64>
        let work: UnsafeMutableBufferPointer<Int64>

        init(capacity: Int) {
            remainders = .allocate(capacity: max(capacity, 1))
            work = .allocate(capacity: max(capacity, 1))
        }

        func deallocate() {
            remainders.deallocate()
            work.deallocate()
        }
    }

    /// The split itself, on raw buffers: `weights` non-negative with `sum > 0` and maximum
    /// `largest`, `total >= 0`; writes `weights.count` parts into `out`.
    static func split(total: Int64, weights: UnsafeBufferPointer<Int64>, sum: Int64, largest: Int64, byWeight: Bool,
                      into out: UnsafeMutableBufferPointer<Int64>, scratch: Scratch) {
        let count = weights.count
        let remainders = scratch.remainders
        var given: Int64 = 0
        if !total.multipliedReportingOverflow(by: largest).overflow {
            // One division per part is most of the cost at a million parts, so divide by
            // multiplying: with m = ⌊(2⁶⁴−1)/sum⌋ and a product below 2⁶³, ⌊product·m / 2⁶⁴⌋ is
            // the quotient or one less, and one exact step corrects it (and gives the remainder).
            let divisor = UInt64(sum)
            let reciprocal = UInt64.max / divisor
            for index in 0..<count {
                let product = UInt64(truncatingIfNeeded: total &* weights[index])
                var share = product.multipliedFullWidth(by: reciprocal).high
                var remainder = product &- share &* divisor
                let short = remainder >= divisor
                share &+= short ? 1 : 0
                remainder &-= short ? divisor : 0
                out[index] = Int64(truncatingIfNeeded: share)
                remainders[index] = Int64(truncatingIfNeeded: remainder)
                given &+= Int64(truncatingIfNeeded: share)
            }
        } else {
            for index in 0..<count {
                let (share, remainder) = sum.dividingFullWidth(total.multipliedFullWidth(by: weights[index]))
                out[index] = share
                remainders[index] = remainder
                given &+= share
            }
        }
        var leftover = total &- given
        guard leftover > 0 else { return }

        // The leftover goes to remainders above the threshold, then to as many at the threshold as
        // it still covers, in the declared order.
        let work = scratch.work
        for index in 0..<count { work[index] = remainders[index] }
        let threshold = kthLargest(Int(leftover) - 1, in: UnsafeMutableBufferPointer(rebasing: work[0..<count]))
        for index in 0..<count where remainders[index] > threshold {
            out[index] &+= 1
            leftover &-= 1
        }
        if byWeight {
            var tied = (0..<count).filter { remainders[$0] == threshold }
            tied.sort { weights[$0] != weights[$1] ? weights[$0] > weights[$1] : $0 < $1 }
            for index in tied.prefix(Int(leftover)) { out[index] &+= 1 }
        } else {
            var index = 0
            while leftover > 0 {
                if remainders[index] == threshold {
                    out[index] &+= 1
                    leftover &-= 1
                }
                index += 1
            }
        }
    }

    /// The `k`-th largest value (0-based) of `values`, which it reorders: quickselect with a
    /// median-of-three pivot. Each round splits the range into values above the pivot and the
    /// rest, and if `k` is in the rest, that into values equal to the pivot and below it —
    /// remainders repeat a lot (equal weights give equal remainders), and the equal block both
    /// answers those cases at once and guarantees progress. The partition loops are branch-free
    /// (unconditional swap, conditional advance), because on random remainders a branch on the
    /// comparison is mispredicted half the time. After 64 rounds it sorts the rest, so bad pivots
    /// cannot make it quadratic.
    static func kthLargest(_ k: Int, in values: UnsafeMutableBufferPointer<Int64>) -> Int64 {
        var low = 0
        var high = values.count
        var rounds = 0
        while high - low > 16 {
            rounds += 1
            if rounds > 64 {
                var range = UnsafeMutableBufferPointer(rebasing: values[low..<high])
                range.sort(by: >)
                return values[k]
            }
            let a = values[low], b = values[low + (high - low) / 2], c = values[high - 1]
            let pivot = max(min(a, b), min(max(a, b), c))
            let greater = partition(values, low, high) { $0 > pivot }
            if k < greater {
                high = greater
                continue
            }
            let equal = partition(values, greater, high) { $0 == pivot }
            if k < equal { return pivot }
            low = equal
        }
        // Insertion sort, descending, of the last few.
        for index in (low + 1)..<max(high, low + 1) {
            let value = values[index]
            var slot = index
            while slot > low, values[slot - 1] < value {
                values[slot] = values[slot - 1]
                slot -= 1
            }
            values[slot] = value
        }
        return values[k]
    }

    /// Moves the values of `low ..< high` that satisfy `first` to the front of the range and
    /// returns where the others start.
    @inline(__always)
    static func partition(_ values: UnsafeMutableBufferPointer<Int64>, _ low: Int, _ high: Int,
                          _ first: (Int64) -> Bool) -> Int {
        var store = low
        for index in low..<high {
            let value = values[index]
            values[index] = values[store]
            values[store] = value
            store += first(value) ? 1 : 0
        }
        return store
    }
}
