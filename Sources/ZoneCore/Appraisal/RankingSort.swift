/// Sorts one comparison group's ranking keys (``GradeDistribution``): packed `UInt64`s whose low
/// 32 bits (the person id) are already ascending, so a *stable* sort on the high `sortedBits`
/// bits orders them completely.
///
/// Why not `sort()`: scores in a group are in random order, so a comparison sort mispredicts about
/// every other branch; a least-significant-digit radix sort on bytes does a fixed amount of
/// branch-free work per key — two or four passes over ~200 keys plus a 256-entry histogram each —
/// and skips a pass when every key shares that byte. Small groups use insertion sort, which is
/// cheaper than clearing histograms.
struct RankingSort {
    private let buffer: UnsafeMutableBufferPointer<UInt64>
    private let counts: UnsafeMutableBufferPointer<Int>
    private let shifts: [UInt64]

    /// `capacity`: the largest group; `sortedBits`: 16 or 32, counted down from bit 63.
    init(capacity: Int, sortedBits: Int) {
        buffer = .allocate(capacity: max(capacity, 1))
        counts = .allocate(capacity: 256)
        shifts = stride(from: 64 - sortedBits, to: 64, by: 8).map(UInt64.init)
    }

    func deallocate() {
        buffer.deallocate()
        counts.deallocate()
    }

    func sort(_ keys: UnsafeMutableBufferPointer<UInt64>) {
        let count = keys.count
        if count <= 32 {
            for index in keys.indices.dropFirst() {
                let key = keys[index]
                var slot = index
                while slot > 0, keys[slot - 1] > key {
                    keys[slot] = keys[slot - 1]
                    slot -= 1
                }
                keys[slot] = key
            }
            return
        }
        var source = keys
        var target = UnsafeMutableBufferPointer(rebasing: buffer[0..<count])
        for shift in shifts {
            for digit in 0..<256 { counts[digit] = 0 }
            for index in 0..<count { counts[Int(truncatingIfNeeded: source[index] >> shift) & 0xFF] += 1 }
            if counts[Int(truncatingIfNeeded: source[0] >> shift) & 0xFF] == count { continue }
            var total = 0
            for digit in 0..<256 {
                let n = counts[digit]
                counts[digit] = total
                total += n
            }
            for index in 0..<count {
                let key = source[index]
                let digit = Int(truncatingIfNeeded: key >> shift) & 0xFF
                target[counts[digit]] = key
                counts[digit] += 1
            }
            swap(&source, &target)
        }
        if source.baseAddress != keys.baseAddress {
            for index in 0..<count { keys[index] = source[index] }
        }
    }
}
