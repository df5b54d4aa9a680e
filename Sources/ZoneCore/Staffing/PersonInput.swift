/// Raw text of a person form or an imported row, before validation.
public struct PersonInput: Sendable {
    public var name: String
    public var idNumber: String
    public var phone: String
    public var unitID: String
    public var establishment: String
    public var archivePost: String
    public var archiveRank: String
    public var status: String
    /// Empty for none.
    public var leadership: String
    /// 参加工作时间 (yyyy-MM-dd); empty when not known.
    public var workStartedOn: String

    public init(name: String = "", idNumber: String = "", phone: String = "", unitID: String = "",
                establishment: String = "", archivePost: String = "", archiveRank: String = "",
                status: String = PersonStatus.active.rawValue, leadership: String = "", workStartedOn: String = "") {
        self.name = name
        self.idNumber = idNumber
        self.phone = phone
        self.unitID = unitID
        self.establishment = establishment
        self.archivePost = archivePost
        self.archiveRank = archiveRank
        self.status = status
        self.leadership = leadership
        self.workStartedOn = workStartedOn
    }

    public init(_ person: Person) {
        self.init(name: person.name, idNumber: person.idNumber, phone: person.phone ?? "",
                  unitID: String(person.unitID), establishment: person.establishment.rawValue,
                  archivePost: person.archivePost, archiveRank: person.archiveRank,
                  status: person.status.rawValue, leadership: person.leadership?.rawValue ?? "",
                  workStartedOn: person.workStartedOn ?? "")
    }

    /// Validates every field at once so the form can show all errors beside their fields.
    /// Gender and birth date come from the ID number, never from separate input, so they cannot disagree.
    /// `today` is the caller's date, which no birth date may be after.
    public func validate(knownUnits: Set<Int64>, today: CivilDate) -> Result<ValidPerson, FieldErrors> {
        var errors = FieldErrors()
        let identity = PersonalIdentity.validate(name: name, idNumber: idNumber, phone: phone, phoneRequired: false, today: today, errors: &errors)
        let unit = Int64(unitID.trimmingWhitespace())
        if unit == nil || !knownUnits.contains(unit!) { errors.add("unitID", unitID.isEmpty ? "必填" : "单位不存在") }
        let category = StaffCategory(named: establishment.trimmingWhitespace())
        if category == nil {
            errors.add("establishment", establishment.isEmpty ? "必填" : "编制类型应为：" + StaffCategory.allCases.map(\.rawValue).joined(separator: "/"))
        }
        let post = archivePost.trimmingWhitespace()
        if post.count > 50 { errors.add("archivePost", "档案职务过长（最多50字）") }
        let rank = archiveRank.trimmingWhitespace()
        if rank.count > 50 { errors.add("archiveRank", "档案职级过长（最多50字）") }
        // "在职" is what many registers write for 在岗.
        let statusText = status.trimmingWhitespace()
        let personStatus = PersonStatus(named: statusText) ?? (statusText == "在职" ? .active : nil)
        if personStatus == nil {
            errors.add("status", status.isEmpty ? "必填" : "人员状态“\(status)”无效，应为：" + PersonStatus.allCases.map(\.rawValue).joined(separator: "/"))
        }
        let leadershipText = leadership.trimmingWhitespace()
        let leadershipRank = leadershipText.isEmpty ? nil : LeadershipRank(named: leadershipText)
        if !leadershipText.isEmpty && leadershipRank == nil {
            errors.add("leadership", "领导职务级别应为：" + LeadershipRank.allCases.map(\.rawValue).joined(separator: "/"))
        }
        let started = identity.flatMap { Self.workStart(workStartedOn, birthDate: $0.birthDate, errors: &errors) }
        guard errors.isEmpty, let identity, let unit, let category, let personStatus else {
            return .failure(errors)
        }
        return .success(ValidPerson(identity, unitID: unit, establishment: category, archivePost: post, archiveRank: rank,
                                    status: personStatus, leadership: leadershipRank, workStartedOn: started?.description))
    }

    /// 参加工作时间: optional; a real date no earlier than the 16th birthday (the legal working age),
    /// and no later than 2100, so a typo cannot make someone the most or least senior by decades.
    static func workStart(_ text: String, birthDate: String, errors: inout FieldErrors) -> CivilDate? {
        guard !text.trimmingWhitespace().isEmpty else { return nil }
        guard let date = errors.capture("workStartedOn", { () throws(ValidationError) in try CivilDate(parsing: text) }) else { return nil }
        if let birth = try? CivilDate(parsing: birthDate), date < birth.adding(months: 16 * 12) {
            errors.add("workStartedOn", "参加工作时间不能早于年满16周岁（\(birth.adding(months: 16 * 12))）")
            return nil
        }
        guard date.year <= 2100 else {
            errors.add("workStartedOn", "参加工作时间须不晚于2100年")
            return nil
        }
        return date
    }
}

/// A person's fields after validation; what the store writes.
public struct ValidPerson: Sendable, Equatable {
    public var name: String
    public var idNumber: String
    public var gender: Gender
    public var birthDate: String
    public var phone: String?
    public var unitID: Int64
    public var establishment: StaffCategory
    public var archivePost: String
    public var archiveRank: String
    public var status: PersonStatus
    public var leadership: LeadershipRank?
    /// 参加工作时间 (yyyy-MM-dd), nil when not entered.
    public var workStartedOn: String?

    public init(name: String, idNumber: String, gender: Gender, birthDate: String, phone: String?, unitID: Int64,
                establishment: StaffCategory, archivePost: String, archiveRank: String, status: PersonStatus,
                leadership: LeadershipRank? = nil, workStartedOn: String? = nil) {
        self.name = name
        self.idNumber = idNumber
        self.gender = gender
        self.birthDate = birthDate
        self.phone = phone
        self.unitID = unitID
        self.establishment = establishment
        self.archivePost = archivePost
        self.archiveRank = archiveRank
        self.status = status
        self.leadership = leadership
        self.workStartedOn = workStartedOn
    }

    public init(_ identity: PersonalIdentity, unitID: Int64, establishment: StaffCategory, archivePost: String, archiveRank: String,
                status: PersonStatus, leadership: LeadershipRank? = nil, workStartedOn: String? = nil) {
        self.init(name: identity.name, idNumber: identity.idNumber, gender: identity.gender, birthDate: identity.birthDate,
                  phone: identity.phone, unitID: unitID, establishment: establishment, archivePost: archivePost,
                  archiveRank: archiveRank, status: status, leadership: leadership, workStartedOn: workStartedOn)
    }

    public var placement: Placement? {
        status.isOnRegisterStrength ? Placement(unitID: unitID, category: establishment, leadership: leadership) : nil
    }
}
