/// How posts are filled (全员聘任): terms, methods, what happens to people left without a post, and
/// how equal rankings are ordered. How often the catalogue is re-set (毕节: 岗位1–3年设定一次) is not
/// here: it is a planning cadence that no post, round or appointment record can be checked against.
public struct StaffingRules: Sendable, Equatable {
    /// 聘期 in years (毕节: 1–3), within `termBounds`.
    public var postTermYears: ClosedRange<Int>
    /// Appointment methods a round may use.
    public var methods: [AppointmentMethod]
    /// Minimum months of 待岗 training for someone not placed (潍坊: 不少于3个月).
    public var waitingMonths: Int
    /// Order that settles equal rankings of applicants for a post; always ends with `id`.
    public var tieBreak: [TieBreakKey]

    public init(postTermYears: ClosedRange<Int>, methods: [AppointmentMethod], waitingMonths: Int, tieBreak: [TieBreakKey]) {
        self.postTermYears = postTermYears
        self.methods = methods
        self.waitingMonths = waitingMonths
        self.tieBreak = tieBreak
    }
}

/// How a post in an appointment round is filled (潍坊 lists all four).
public enum AppointmentMethod: String, CaseIterable, Codable, Sendable {
    case direct
    case competitive
    case mutualSelection = "mutual_selection"
    case openRecruitment = "open_recruitment"

    public var label: String {
        switch self {
        case .direct: "直接聘任"
        case .competitive: "竞争上岗"
        case .mutualSelection: "双向选择"
        case .openRecruitment: "社会招聘"
        }
    }

    /// Whether people of the zone apply for the post and the stable matching fills it; 直接聘任
    /// names its people, and 社会招聘 is filled from outside by score.
    public var takesApplications: Bool { self == .mutualSelection || self == .competitive }
}

extension StaffingRules {
    init?(reading r: PolicyReader) {
        let term = r.value("post_term_years")?.intRange(within: Self.termBounds)
        let methods = r.list("methods") { $0.keyword(AppointmentMethod.self) }
        if let methods { r.value("methods")?.requireNonEmptyUnique(methods.map(\.rawValue)) }
        let waiting = r.int("waiting_months", in: 1...24)
        let tieBreak = r.value("tie_break")?.tieBreak()
        guard let term, let methods, let waiting, let tieBreak else { return nil }
        self.init(postTermYears: term, methods: methods, waitingMonths: waiting, tieBreak: tieBreak)
    }
}

extension StaffingRules {
    /// SPEC bounds every zone's 聘期 to 1–3 years; a zone's `staffing.post_term_years` may narrow it.
    public static let termBounds = 1...3

    /// Why a post may not have a 聘期 of `years` (nil when it may): outside the zone's
    /// `staffing.post_term_years`, or outside `termBounds` for a zone without a policy.
    public static func termProblem(_ years: Int?, under rules: StaffingRules?) -> String? {
        let range = rules?.postTermYears ?? termBounds
        if let years, range.contains(years) { return nil }
        let span = range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound)–\(range.upperBound)"
        return rules == nil ? "聘期为\(span)年" : "聘期为\(span)年（本园区政策 staffing.post_term_years）"
    }

    /// Why a round of this zone may not offer a post by `method` (nil when the policy lists it):
    /// `staffing.methods` is the zone's own list of how its posts are filled.
    public func refusal(offering method: AppointmentMethod) -> String? {
        guard !methods.contains(method) else { return nil }
        return "本园区政策（staffing.methods）只允许：\(methods.map(\.label).joined(separator: "、"))；不能以\(method.label)方式提供岗位"
    }
}
