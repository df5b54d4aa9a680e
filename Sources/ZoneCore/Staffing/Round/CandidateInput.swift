/// Raw text of a 社会招聘 candidate entered by 组织人事: identity as for the register (the phone is
/// required, as the candidate is reached by it) and an optional score; candidates without a score
/// are not ranked until one is entered.
public struct CandidateInput: Sendable {
    public var name: String
    public var idNumber: String
    public var phone: String
    public var score: String

    public init(name: String = "", idNumber: String = "", phone: String = "", score: String = "") {
        self.name = name
        self.idNumber = idNumber
        self.phone = phone
        self.score = score
    }

    public func validate(today: CivilDate) -> Result<ValidCandidate, FieldErrors> {
        var errors = FieldErrors()
        let identity = PersonalIdentity.validate(name: name, idNumber: idNumber, phone: phone, phoneRequired: true, today: today, errors: &errors)
        var points: Int?
        if !score.trimmingWhitespace().isEmpty {
            points = RoundInput.Score.hundredths(score)
            if points == nil { errors.add("score", "成绩须为0–100的数，最多两位小数") }
        }
        guard errors.isEmpty, let identity else { return .failure(errors) }
        return .success(ValidCandidate(identity: identity, score: points))
    }
}

/// A candidate's fields after validation; what the store writes.
public struct ValidCandidate: Sendable, Equatable {
    public var identity: PersonalIdentity
    /// In hundredths (85.50 → 8550).
    public var score: Int?

    public init(identity: PersonalIdentity, score: Int?) {
        self.identity = identity
        self.score = score
    }
}
