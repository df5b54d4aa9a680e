/// One row of the real-name register (实名制): who a person is, where their 编制 sits, and the
/// archive post/rank (档案职务/职级) that stays sealed in the file while they hold a hired post.
public struct Person: Identifiable, Hashable, Sendable, Codable {
    public var id: Int64
    public var unitID: Int64
    public var name: String
    public var idNumber: String
    public var gender: Gender
    public var birthDate: String
    public var phone: String?
    public var establishment: StaffCategory
    public var archivePost: String
    public var archiveRank: String
    public var status: PersonStatus
    /// The leadership rank of the post held, counted against 领导职数; nil for non-leaders.
    public var leadership: LeadershipRank?
    /// Where and when a person who left (分流) went; they stay on the register.
    public var departure: String?
    public var departedOn: String?
    /// 参加工作时间 as the archive records it (yyyy-MM-dd), nil when not entered: the archive
    /// seniority (档案工龄) that the tie rule `seniority` reads; earlier is more senior.
    public var workStartedOn: String?
    /// Optimistic-locking counter: an edit must name the version it was based on.
    public var version: Int

    public init(id: Int64, unitID: Int64, name: String, idNumber: String, gender: Gender, birthDate: String,
                phone: String?, establishment: StaffCategory, archivePost: String, archiveRank: String,
                status: PersonStatus, leadership: LeadershipRank? = nil, departure: String? = nil, departedOn: String? = nil,
                workStartedOn: String? = nil, version: Int) {
        self.id = id
        self.unitID = unitID
        self.name = name
        self.idNumber = idNumber
        self.gender = gender
        self.birthDate = birthDate
        self.phone = phone
        self.establishment = establishment
        self.archivePost = archivePost
        self.archiveRank = archiveRank
        self.status = status
        self.leadership = leadership
        self.departure = departure
        self.departedOn = departedOn
        self.workStartedOn = workStartedOn
        self.version = version
    }

    /// Where the person counts against quotas; nil once they have left (分流, 退休).
    public var placement: Placement? {
        status.isOnRegisterStrength ? Placement(unitID: unitID, category: establishment, leadership: leadership) : nil
    }

    public var maskedIDNumber: String { Masking.mask(idNumber, keepPrefix: 6, keepSuffix: 4) }
    public var maskedPhone: String? { phone.map { Masking.mask($0, keepPrefix: 3, keepSuffix: 4) } }
}

public enum Gender: String, CaseIterable, Codable, Sendable {
    case male = "男"
    case female = "女"
}

/// Which establishment a person occupies; 编外 occupies none.
public enum StaffCategory: String, CaseIterable, Codable, Sendable {
    case administrative = "行政"
    case institutional = "事业"
    case worker = "工勤"
    case civilServiceManaged = "参公"
    case postCap = "员额"
    case contract = "编外"
}

public enum PersonStatus: String, CaseIterable, Codable, Sendable {
    case active = "在岗"
    case awaiting = "待岗"
    case training = "培训"
    case seconded = "借调"
    case diverted = "分流"
    case retired = "退休"

    /// Whether the person still occupies their place. 待岗 and 培训 people keep it (they stay on
    /// the register and in the unit's numbers); 分流 and 退休 people have left it.
    public var isOnRegisterStrength: Bool { self != .diverted && self != .retired }

    /// SQL literal list of the statuses that have left, for count queries.
    public static let departedValues = [PersonStatus.diverted.rawValue, PersonStatus.retired.rawValue]
}
