/// The result of a two-way selection round by id: who got which post, and who got none.
///
/// Encodes to the fixed `zonedesk match` output shape
/// `{"assignments":{"a1":"p2",...},"unassigned":["a7",...]}`. Both lists are sorted by id in
/// Unicode code point order — the order of Python's `sorted()` and of `JSONEncoder`'s
/// `.sortedKeys` on Linux — so two runs, or two implementations, produce byte-identical files.
public struct MatchingOutcome: Sendable, Equatable {
    public struct Assignment: Sendable, Equatable {
        public var applicant: String
        public var post: String

        public init(applicant: String, post: String) {
            self.applicant = applicant
            self.post = post
        }
    }

    /// Sorted by applicant id.
    public private(set) var assignments: [Assignment]
    /// Applicants without a post, sorted by id.
    public private(set) var unassigned: [String]

    public init(assignments: [Assignment], unassigned: [String]) {
        self.assignments = assignments.sorted { Self.precedes($0.applicant, $1.applicant) }
        self.unassigned = unassigned.sorted(by: Self.precedes)
    }

    /// Code point order (UTF-8 byte order is the same thing), not `String.<`, which compares
    /// canonically equivalent strings as equal and so could disagree with other tools.
    static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }
}

extension MatchingOutcome: Codable {
    private enum CodingKeys: String, CodingKey {
        case assignments, unassigned
    }

    /// Applicant ids as JSON object keys.
    private struct IDKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let byApplicant = try container.nestedContainer(keyedBy: IDKey.self, forKey: .assignments)
        var assignments: [Assignment] = []
        for key in byApplicant.allKeys {
            assignments.append(Assignment(applicant: key.stringValue, post: try byApplicant.decode(String.self, forKey: key)))
        }
        self.init(assignments: assignments, unassigned: try container.decode([String].self, forKey: .unassigned))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        var byApplicant = container.nestedContainer(keyedBy: IDKey.self, forKey: .assignments)
        for assignment in assignments {
            try byApplicant.encode(assignment.post, forKey: IDKey(stringValue: assignment.applicant))
        }
        try container.encode(unassigned, forKey: .unassigned)
    }
}
