/// The KPI part of each person's appraisal, from ``KPIScoring``.
public struct KPIScores: Sendable, Equatable {
    /// Hundredths of a point, 0–10000, per person.
    public var scores: [Int32]
    /// Whether a 一票否决 item fired for the person; the forced distribution puts them in the
    /// bottom grade (the score itself is kept, so the page can show what the veto overrode).
    public var vetoed: [Bool]

    public init(scores: [Int32], vetoed: [Bool]) {
        self.scores = scores
        self.vetoed = vetoed
    }
}
