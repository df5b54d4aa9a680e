/// Equal scores on both sides of a cut (the top cap or the bottom floor) in one comparison group:
/// the declared tie rule, not the score, decided who fell on which side, so the result is flagged
/// for review (SPEC §C).
public struct BoundaryTie: Sendable, Equatable {
    public enum Boundary: String, Sendable, CaseIterable {
        /// The cut below the last member allowed the top grade.
        case top
        /// The cut above the bottom band (末位).
        case bottom

        public var label: String {
            switch self {
            case .top: "优秀比例分界"
            case .bottom: "末位比例分界"
            }
        }
    }

    public var group: Int32
    public var boundary: Boundary
    /// The shared score, in hundredths.
    public var score: Int32
    /// Everyone in the group (not vetoed) with that score, ascending ids.
    public var people: [Int32]

    public init(group: Int32, boundary: Boundary, score: Int32, people: [Int32]) {
        self.group = group
        self.boundary = boundary
        self.score = score
        self.people = people
    }
}
