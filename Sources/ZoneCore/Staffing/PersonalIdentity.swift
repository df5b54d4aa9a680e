/// Who someone is, as every form that names a person enters it: a name, a 居民身份证号 (from
/// which gender and birth date follow, so they cannot disagree) and a mobile phone. The register
/// and 社会招聘 candidates validate these the same way, with the errors under the same field names.
public struct PersonalIdentity: Sendable, Equatable {
    public var name: String
    public var idNumber: String
    public var gender: Gender
    public var birthDate: String
    public var phone: String?

    public init(name: String, idNumber: String, gender: Gender, birthDate: String, phone: String?) {
        self.name = name
        self.idNumber = idNumber
        self.gender = gender
        self.birthDate = birthDate
        self.phone = phone
    }

    /// Checks `name`, `idNumber` and `phone` (an empty phone is allowed unless `phoneRequired`),
    /// recording each problem in `errors`; nil when any field is wrong. `today` bounds the birth date.
    public static func validate(name: String, idNumber: String, phone: String, phoneRequired: Bool, today: CivilDate,
                                errors: inout FieldErrors) -> PersonalIdentity? {
        let validName = errors.capture("name") { () throws(ValidationError) in try PersonName(name) }
        let id = errors.capture("idNumber") { () throws(ValidationError) in try ResidentID(idNumber, today: today) }
        var phoneValue: String?
        if phoneRequired || !phone.trimmingWhitespace().isEmpty {
            phoneValue = errors.capture("phone") { () throws(ValidationError) in try MobilePhone(phone) }?.value
            if phoneValue == nil { return nil }
        }
        guard let validName, let id else { return nil }
        return PersonalIdentity(name: validName.value, idNumber: id.value, gender: id.isMale ? .male : .female,
                                birthDate: id.birthDate.description, phone: phoneValue)
    }
}
