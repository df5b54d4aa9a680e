/// Counts of the dual track (三分离) over current appointments: 低职高聘 (post above the sealed
/// archive rank), 高职低聘 (below), equal, and archive ranks not on the scale.
public struct DualTrack: Sendable, Equatable {
    public var higher = 0
    public var lower = 0
    public var equal = 0
    public var unknown = 0

    public init(_ pairs: [(archiveRank: String, postLevel: Int)]) {
        for pair in pairs {
            switch ArchiveRankScale.gap(archiveRank: pair.archiveRank, postLevel: pair.postLevel) {
            case .none: unknown += 1
            case .some(let gap) where gap > 0: higher += 1
            case .some(let gap) where gap < 0: lower += 1
            default: equal += 1
            }
        }
    }
}
