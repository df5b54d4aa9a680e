/// One period's performance pay for a zone, from final appraisal results to every person's fen
/// (SPEC §D): the pool is split into department packages when the policy has them (潍坊 薪酬包,
/// headcount × value coefficient) or kept whole, each package goes to its people by post
/// coefficient × appraisal (``IndividualPayWeights``), one-off rewards are added on top, and
/// every split is by largest remainder, so people sum exactly to packages and packages to the pool.
///
/// ```swift
/// let result = try PayRunCalculation.run(pool: 1_000_000, people: people, coefficients: [3: 1_200, 5: 800],
///                                        pay: policy.pay, appraisal: policy.appraisal)
/// result.paidFen + result.unallocatedFen == 1_000_000   // always
/// ```
public enum PayRunCalculation {
    public struct Person: Sendable, Equatable {
        public var personID: Int64
        public var departmentID: Int64
        public var postCoefficientMilli: Int64
        /// Hundredths, 0–10000.
        public var score: Int32
        /// 0 = best grade.
        public var gradeRank: Int
        public var rewardFen: Int64

        public init(personID: Int64, departmentID: Int64, postCoefficientMilli: Int64, score: Int32, gradeRank: Int, rewardFen: Int64) {
            self.personID = personID
            self.departmentID = departmentID
            self.postCoefficientMilli = postCoefficientMilli
            self.score = score
            self.gradeRank = gradeRank
            self.rewardFen = rewardFen
        }
    }

    public struct Line: Sendable, Equatable {
        public var personID: Int64
        public var performanceFen: Int64
        public var rewardFen: Int64
        public var totalFen: Int64 { performanceFen + rewardFen }
    }

    public struct Package: Sendable, Equatable {
        /// The department, or nil when the policy splits the zone pool directly among people.
        public var departmentID: Int64?
        public var headcount: Int
        public var coefficientMilli: Int64
        public var packageFen: Int64
        public var unallocatedFen: Int64
    }

    public struct Result: Sendable, Equatable {
        public var poolFen: Int64
        /// In person id order.
        public var lines: [Line]
        public var packages: [Package]
        public var paidFen: Int64 { lines.reduce(0) { $0 + $1.performanceFen } }
        public var rewardFen: Int64 { lines.reduce(0) { $0 + $1.rewardFen } }
        public var unallocatedFen: Int64 { packages.reduce(0) { $0 + $1.unallocatedFen } }
    }

    /// `coefficients` holds each department's value coefficient in ‰ (missing: 1000); it is used
    /// only when the policy has department packages.
    public static func run(pool: Int64, people: [Person], coefficients: [Int64: Int64], pay: PayRules,
                           appraisal: AppraisalRules) throws(AllocationError) -> Result {
        let people = people.sorted { $0.personID < $1.personID }
        let byDepartment = pay.departmentPackages != nil
        let departmentIDs = byDepartment ? Array(Set(people.map(\.departmentID))).sorted() : [0]
        let index = Dictionary(uniqueKeysWithValues: departmentIDs.enumerated().map { ($1, Int32($0)) })
        let departments = people.map { byDepartment ? index[$0.departmentID]! : 0 }
        let coefficientList = departmentIDs.map { byDepartment ? coefficients[$0] ?? PerMille.one : PerMille.one }
        let weights = try IndividualPayWeights.weights(
            share: pay.individualShare, grades: appraisal.grades, withoutIncentivePay: appraisal.gradesWithoutIncentivePay,
            postCoefficientsPerMille: people.map(\.postCoefficientMilli), scores: people.map(\.score),
            gradeRanks: people.map { UInt8(clamping: $0.gradeRank) })
        let split = try PerformancePaySplit.run(pool: pool, departments: departments, coefficientsPerMille: coefficientList,
                                                weights: weights, leftoverOrder: pay.allocation.leftoverOrder)
        var headcounts = [Int](repeating: 0, count: departmentIDs.count)
        for department in departments { headcounts[Int(department)] += 1 }
        return Result(
            poolFen: pool,
            lines: people.enumerated().map { Line(personID: $1.personID, performanceFen: split.pay[$0], rewardFen: $1.rewardFen) },
            packages: departmentIDs.enumerated().map { offset, id in
                Package(departmentID: byDepartment ? id : nil, headcount: headcounts[offset], coefficientMilli: coefficientList[offset],
                        packageFen: split.packages[offset], unallocatedFen: split.unallocated[offset])
            })
    }
}
