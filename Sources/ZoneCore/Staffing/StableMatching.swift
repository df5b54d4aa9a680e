/// The two-way selection engine (双向选择): applicant-optimal stable many-to-one matching, by
/// Gale–Shapley deferred acceptance with capacities (the hospitals/residents problem).
///
/// Applicants propose down their preference lists; a post *holds* the best applicants that have
/// proposed so far, up to its capacity, and rejects the rest — nothing is final until nobody is
/// left to propose. The result is **stable** (no applicant and post would both rather be matched to
/// each other than to what they got, so nobody has a reason to contest the round) and
/// **applicant-optimal** (every applicant gets the best post they can get in *any* stable matching,
/// and it is the unique such matching, so reporting order and implementation details cannot change
/// it). That uniqueness is what lets us check this engine against independent implementations.
///
/// An applicant can only be placed on a post that is on its list **and** that ranks it; other pairs
/// are skipped. A post with capacity 0 takes nobody.
///
/// ```swift
/// // Two applicants both want post 0 first; post 0 has one seat and prefers applicant 1.
/// let instance = MatchingInstance(
///     preferences: [[0, 1], [0]],
///     capacities: [1, 1],
///     rankings: [[1, 0], [0]])
/// let posts = try StableMatching.solve(instance)
/// // posts == [1, 0]: applicant 0 is displaced from post 0 and falls back to post 1.
/// ```
///
/// Complexity: O(A + P + E + R + E·log C) time for A applicants, P posts, E preference entries,
/// R ranking entries and largest capacity C; O(A + P + E + R) extra memory. The 50,000-applicant,
/// 5,000-post, 10-choice benchmark (`zonedesk bench --case match`) runs in a few milliseconds.
public enum StableMatching {
    /// The post index ``solve(_:)`` reports for an applicant that got no post.
    public static let unassigned: Int32 = -1

    /// Returns, for each applicant, the index of its post in the applicant-optimal stable matching,
    /// or ``unassigned``. Throws if an index is out of range, a capacity is negative, or a list
    /// names the same post or applicant twice (duplicates would make "rank" ambiguous).
    public static func solve(_ instance: MatchingInstance) throws(MatchingInstance.Defect) -> [Int32] {
        propose(instance, choices: try choices(instance))
    }

    /// One preference entry as the proposal loop needs it: the post, and the rank that post gives
    /// the applicant, or -1 when the pair can never be matched (the post does not rank the
    /// applicant, or has no seats). Post and rank side by side make a proposal one memory read.
    struct Choice {
        var post: Int32
        var rank: Int32
    }

    /// Pairs every preference entry with the post's rank for that applicant.
    ///
    /// Why precompute: deferred acceptance compares ranks on every proposal, and finding an
    /// applicant in a post's ranking each time would need a hash table per post (slow to build,
    /// slow to probe) or a post × applicant table (250 million cells at 50k × 5k). Instead the
    /// rankings are regrouped by applicant with one counting sort, then each applicant's
    /// (post, rank) pairs are stamped into a scratch array indexed by post, and its preference list
    /// reads its ranks from there: linear time, and all random access lands in post-sized arrays
    /// that stay in cache. The same stamps find duplicates for free.
    static func choices(_ instance: MatchingInstance) throws(MatchingInstance.Defect) -> [Choice] {
        let applicantCount = instance.applicantCount
        let postCount = instance.postCount
        let prefOffsets = instance.preferenceOffsets
        let prefs = instance.preferences
        let rankOffsets = instance.rankingOffsets
        let rankings = instance.rankings

        // Scratch space is raw memory: these arrays take the random accesses of this pass, where
        // release-build bounds checks cost about a fifth of the time (measured), and every index
        // into them is validated before use.
        let bucketStart = UnsafeMutableBufferPointer<Int32>.allocate(capacity: applicantCount + 1)
        let cursor = UnsafeMutableBufferPointer<Int32>.allocate(capacity: applicantCount + 1)
        let byApplicant = UnsafeMutableBufferPointer<Choice>.allocate(capacity: rankings.count)
        // rankStamp[p] == a means rankOf[p] holds p's rank for applicant a; listStamp[p] == a
        // means a's list already named p. Stamps instead of clearing keep each applicant O(its lists).
        let rankStamp = UnsafeMutableBufferPointer<Int32>.allocate(capacity: postCount)
        let rankOf = UnsafeMutableBufferPointer<Int32>.allocate(capacity: postCount)
        let listStamp = UnsafeMutableBufferPointer<Int32>.allocate(capacity: postCount)
        defer {
            for scratch in [bucketStart, cursor, rankStamp, rankOf, listStamp] { scratch.deallocate() }
            byApplicant.deallocate()
        }

        // Rankings per applicant, validating on the way. bucketStart[a + 1] counts applicant a.
        bucketStart.initialize(repeating: 0)
        for post in 0..<postCount {
            guard instance.capacities[post] >= 0 else {
                throw .negativeCapacity(post: post, capacity: Int(instance.capacities[post]))
            }
            for index in Int(rankOffsets[post])..<Int(rankOffsets[post + 1]) {
                let applicant = Int(rankings[index])
                guard applicant >= 0, applicant < applicantCount else {
                    throw .applicantOutOfRange(post: post, applicant: applicant)
                }
                bucketStart[applicant + 1] += 1
            }
        }
        for applicant in 0..<applicantCount { bucketStart[applicant + 1] += bucketStart[applicant] }

        // Counting sort of ranking entries by applicant, as (post, rank) pairs. A post without
        // seats records rank -1 so that nobody's entry for it is ever acceptable.
        _ = cursor.initialize(fromContentsOf: bucketStart)
        for post in 0..<postCount {
            let start = Int(rankOffsets[post])
            let open = instance.capacities[post] > 0
            for index in start..<Int(rankOffsets[post + 1]) {
                let applicant = Int(rankings[index])
                byApplicant[Int(cursor[applicant])] = Choice(post: Int32(post), rank: open ? Int32(index - start) : -1)
                cursor[applicant] += 1
            }
        }

        rankStamp.initialize(repeating: -1)
        listStamp.initialize(repeating: -1)
        var choices = [Choice](repeating: Choice(post: 0, rank: -1), count: prefs.count)
        for applicant in 0..<applicantCount {
            let stamp = Int32(applicant)
            for slot in Int(bucketStart[applicant])..<Int(bucketStart[applicant + 1]) {
                let ranked = byApplicant[slot]
                let post = Int(ranked.post)
                guard rankStamp[post] != stamp else {
                    throw .duplicateRanking(post: post, applicant: applicant)
                }
                rankStamp[post] = stamp
                rankOf[post] = ranked.rank
            }
            for entry in Int(prefOffsets[applicant])..<Int(prefOffsets[applicant + 1]) {
                let post = Int(prefs[entry])
                guard post >= 0, post < postCount else {
                    throw .postOutOfRange(applicant: applicant, post: post)
                }
                guard listStamp[post] != stamp else {
                    throw .duplicatePreference(applicant: applicant, post: post)
                }
                listStamp[post] = stamp
                choices[entry] = Choice(post: Int32(post), rank: rankStamp[post] == stamp ? rankOf[post] : -1)
            }
        }
        return choices
    }

    /// A post's slice of the shared heap array and how much of it is filled.
    struct Seats {
        var base: Int32
        var capacity: Int32
        var held: Int32
    }

    /// Deferred acceptance proper, in McVitie–Wilson order: applicants enter one at a time and each
    /// rejection chain is followed to its end before the next applicant enters. That needs no queue
    /// of free applicants and yields the same matching as any other proposal order.
    ///
    /// Each post keeps its held applicants in a max-heap keyed by rank (worst on top) inside one
    /// flat array, sized `min(capacity, ranking length)` since a post can never hold more than it
    /// ranks; a newcomer is compared with the top only, so a full post decides in O(1) and swaps in
    /// O(log C). Heap items pack `rank << 32 | applicant`: ranks are unique within a post, so
    /// comparing the packed values compares ranks, and a displaced applicant needs no lookup.
    ///
    /// The loop runs on unsafe buffers, which check bounds only in debug builds (where the tests
    /// run): every index in it comes from `choices(_:)`, which has validated them all.
    static func propose(_ instance: MatchingInstance, choices: [Choice]) -> [Int32] {
        let applicantCount = instance.applicantCount
        let postCount = instance.postCount
        let seats = UnsafeMutableBufferPointer<Seats>.allocate(capacity: postCount)
        var heapSize = 0
        for post in 0..<postCount {
            let ranked = instance.rankingOffsets[post + 1] - instance.rankingOffsets[post]
            let capacity = min(instance.capacities[post], ranked)
            seats.initializeElement(at: post, to: Seats(base: Int32(heapSize), capacity: capacity, held: 0))
            heapSize += Int(capacity)
        }
        let heap = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: heapSize)
        let nextEntry = UnsafeMutableBufferPointer<Int32>.allocate(capacity: applicantCount + 1)
        _ = nextEntry.initialize(fromContentsOf: instance.preferenceOffsets)
        defer {
            seats.deallocate()
            heap.deallocate()
            nextEntry.deallocate()
        }

        choices.withUnsafeBufferPointer { choices in
            instance.preferenceOffsets.withUnsafeBufferPointer { ends in
                for newcomer in 0..<applicantCount {
                    propose(newcomer, choices: choices, ends: ends, nextEntry: nextEntry, seats: seats, heap: heap)
                }
            }
        }

        var postOf = [Int32](repeating: unassigned, count: applicantCount)
        for post in 0..<postCount {
            let base = Int(seats[post].base)
            for slot in base..<base + Int(seats[post].held) {
                postOf[Int(UInt32(truncatingIfNeeded: heap[slot]))] = Int32(post)
            }
        }
        return postOf
    }

    /// Lets `newcomer` propose and follows the rejection chain it starts: whoever a proposal
    /// displaces proposes next, until someone is held or runs out of list. Every proposal
    /// consumes one preference entry, so all chains together take at most E steps.
    @inline(__always)
    private static func propose(_ newcomer: Int, choices: UnsafeBufferPointer<Choice>,
                                ends: UnsafeBufferPointer<Int32>, nextEntry: UnsafeMutableBufferPointer<Int32>,
                                seats: UnsafeMutableBufferPointer<Seats>, heap: UnsafeMutableBufferPointer<UInt64>) {
        var applicant = newcomer
        var entry = Int(nextEntry[applicant])
        var end = Int(ends[applicant + 1])
        while entry < end {
            let choice = choices[entry]
            entry += 1
            guard choice.rank >= 0 else { continue }
            let post = Int(choice.post)
            let item = UInt64(UInt32(choice.rank)) << 32 | UInt64(UInt32(applicant))
            let base = Int(seats[post].base)
            let held = Int(seats[post].held)
            if held < Int(seats[post].capacity) {
                siftUp(heap, base: base, index: held, item: item)
                seats[post].held = Int32(held + 1)
                nextEntry[applicant] = Int32(entry)
                return
            }
            let worst = heap[base]
            guard item < worst else { continue }
            siftDown(heap, base: base, count: held, item: item)
            nextEntry[applicant] = Int32(entry)
            applicant = Int(UInt32(truncatingIfNeeded: worst))
            entry = Int(nextEntry[applicant])
            end = Int(ends[applicant + 1])
        }
        nextEntry[applicant] = Int32(entry)
    }

    /// Inserts `item` at heap position `index` (the first free slot) of the heap starting at `base`.
    @inline(__always)
    private static func siftUp(_ heap: UnsafeMutableBufferPointer<UInt64>, base: Int, index: Int, item: UInt64) {
        var child = index
        while child > 0 {
            let parent = (child - 1) >> 1
            let parentItem = heap[base + parent]
            if parentItem >= item { break }
            heap[base + child] = parentItem
            child = parent
        }
        heap[base + child] = item
    }

    /// Replaces the top of a full heap of `count` items with the better `item` and restores order.
    @inline(__always)
    private static func siftDown(_ heap: UnsafeMutableBufferPointer<UInt64>, base: Int, count: Int, item: UInt64) {
        var parent = 0
        while true {
            var child = 2 * parent + 1
            if child >= count { break }
            if child + 1 < count, heap[base + child + 1] > heap[base + child] { child += 1 }
            let childItem = heap[base + child]
            if childItem <= item { break }
            heap[base + parent] = childItem
            parent = child
        }
        heap[base + parent] = item
    }
}
