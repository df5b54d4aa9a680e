/// Splits a zone's performance pool into department packages and each package among its people,
/// to the fen, by the largest-remainder method at both levels (SPEC §D: zone pool → department
/// packages → individuals, by coefficient × score).
///
/// 1. **Packages** (潍坊 薪酬包): department `d` weighs `headcount_d × coefficient_d` (‰), where the
///    headcount is everyone hired into its posts and the coefficient is the department value
///    coefficient (0.5–1.5, ``DepartmentCoefficients``).
/// 2. **People**: within a package, person `i` weighs `weights[i]`, usually from
///    ``IndividualPayWeights`` (post coefficient × score or grade factor, 0 for a grade that loses
///    incentive pay). A failed colleague's share thus stays in the department. A package whose
///    people all weigh 0 is not split: it is reported as ``PaySplit/unallocated`` and returned.
///
/// ```swift
/// // Two departments: 2 people at coefficient 1.2, 1 person at 0.6; pool ¥1,000.00.
/// let split = try PerformancePaySplit.run(
///     pool: 100_000, departments: [0, 0, 1], coefficientsPerMille: [1_200, 600],
///     weights: [1_000 * 9_000, 1_300 * 8_000, 1_000 * 7_000])
/// // packages [80_000, 20_000] (weights 2 × 1200 : 1 × 600); department 0 splits 80_000 fen as
/// // 9_000_000 : 10_400_000 → 37_113.40 and 42_886.60 → floors 37_113 + 42_886, the leftover fen
/// // to the larger remainder → split.pay == [37_113, 42_887, 20_000]
/// ```
///
/// Complexity: O(n + D) time to bucket people by department and split each package, O(n) memory.
public enum PerformancePaySplit {
    /// The zone pool split into one package per department (`headcounts` and
    /// `coefficientsPerMille` are parallel, one element per department).
    public static func packages(pool: Int64, headcounts: [Int64], coefficientsPerMille: [Int64],
                                leftoverOrder: [AllocationRule.LeftoverKey] = [.remainder, .id]) throws(AllocationError) -> [Int64] {
        precondition(headcounts.count == coefficientsPerMille.count, "one coefficient per department")
        var weights: [Int64] = []
        weights.reserveCapacity(headcounts.count)
        for (department, (headcount, coefficient)) in zip(headcounts, coefficientsPerMille).enumerated() {
            guard headcount >= 0 else { throw .negativeWeight(index: department, weight: headcount) }
            guard coefficient >= 0 else { throw .negativeWeight(index: department, weight: coefficient) }
            let (weight, overflow) = headcount.multipliedReportingOverflow(by: coefficient)
            guard !overflow else { throw .weightOverflow }
            weights.append(weight)
        }
        return try LargestRemainder.allocate(total: pool, weights: weights, leftoverOrder: leftoverOrder)
    }

    /// Each package split among the people of its department (`departments[i]` indexes
    /// `packages`), returning pay per person and the unallocated rest per package.
    public static func people(packages: [Int64], departments: [Int32], weights: [Int64],
                              leftoverOrder: [AllocationRule.LeftoverKey] = [.remainder, .id]) throws(AllocationError)
        -> (pay: [Int64], unallocated: [Int64]) {
        let count = departments.count
        let departmentCount = packages.count
        precondition(weights.count == count, "one weight per person")
        let byWeight = LargestRemainder.byWeight(leftoverOrder)
        if let negative = packages.first(where: { $0 < 0 }) { throw .negativeTotal(negative) }

        // Bucket people by department (counting sort; ascending ids inside each bucket, so the
        // lower-index tie rule within a bucket is the lower-id rule), and total the weights.
        var starts = [Int](repeating: 0, count: departmentCount + 1)
        var sums = [Int64](repeating: 0, count: departmentCount)
        var largest = [Int64](repeating: 0, count: departmentCount)
        for person in 0..<count {
            let department = departments[person]
            guard UInt32(bitPattern: department) < UInt32(departmentCount) else {
                throw .unknownDepartment(person: person, department: department)
            }
            let weight = weights[person]
            guard weight >= 0 else { throw .negativeWeight(index: person, weight: weight) }
            let d = Int(department)
            let (sum, overflow) = sums[d].addingReportingOverflow(weight)
            guard !overflow else { throw .weightOverflow }
            sums[d] = sum
            largest[d] = max(largest[d], weight)
            starts[d + 1] += 1
        }
        var biggest = 0
        for d in 0..<departmentCount {
            biggest = max(biggest, starts[d + 1])
            starts[d + 1] += starts[d]
        }
        // Each person's weight is written into its bucket as the bucket fills front to back, so
        // the scattered writes stay in cache and each package's split reads contiguous memory.
        let members = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(count, 1))
        let gathered = UnsafeMutableBufferPointer<Int64>.allocate(capacity: max(count, 1))
        let parts = UnsafeMutableBufferPointer<Int64>.allocate(capacity: max(biggest, 1))
        let scratch = LargestRemainder.Scratch(capacity: biggest)
        defer {
            members.deallocate()
            gathered.deallocate()
            parts.deallocate()
            scratch.deallocate()
        }
        departments.withUnsafeBufferPointer { departments in
        weights.withUnsafeBufferPointer { weights in
            var cursor = starts
            cursor.withUnsafeMutableBufferPointer { cursor in
                for person in 0..<count {
                    let d = Int(departments[person])
                    let at = cursor[d]
                    cursor[d] = at + 1
                    members[at] = Int32(truncatingIfNeeded: person)
                    gathered[at] = weights[person]
                }
            }
        }}

        var pay = [Int64](repeating: 0, count: count)
        var unallocated = [Int64](repeating: 0, count: departmentCount)
        pay.withUnsafeMutableBufferPointer { pay in
            for d in 0..<departmentCount {
                let package = packages[d]
                guard package > 0 else { continue }
                guard sums[d] > 0 else {
                    unallocated[d] = package
                    continue
                }
                let start = starts[d]
                let size = starts[d + 1] - start
                LargestRemainder.split(total: package, weights: UnsafeBufferPointer(rebasing: gathered[start..<(start + size)]),
                                       sum: sums[d], largest: largest[d], byWeight: byWeight,
                                       into: UnsafeMutableBufferPointer(rebasing: parts[0..<size]), scratch: scratch)
                for slot in 0..<size { pay[Int(members[start + slot])] = parts[slot] }
            }
        }
        return (pay, unallocated)
    }

    /// Pool → packages → people in one call. `departments[i]` is person `i`'s department, an
    /// index into `coefficientsPerMille`; headcounts are counted from `departments`.
    public static func run(pool: Int64, departments: [Int32], coefficientsPerMille: [Int64], weights: [Int64],
                           leftoverOrder: [AllocationRule.LeftoverKey] = [.remainder, .id]) throws(AllocationError) -> PaySplit {
        let departmentCount = coefficientsPerMille.count
        var headcounts = [Int64](repeating: 0, count: departmentCount)
        for (person, department) in departments.enumerated() {
            guard UInt32(bitPattern: department) < UInt32(departmentCount) else {
                throw .unknownDepartment(person: person, department: department)
            }
            headcounts[Int(department)] += 1
        }
        let packages = try packages(pool: pool, headcounts: headcounts, coefficientsPerMille: coefficientsPerMille,
                                    leftoverOrder: leftoverOrder)
        let (pay, unallocated) = try people(packages: packages, departments: departments, weights: weights,
                                            leftoverOrder: leftoverOrder)
        return PaySplit(pool: pool, packages: packages, pay: pay, unallocated: unallocated)
    }
}
