/// A correction of a unit's name, 机构规格 or 统一社会信用代码 from its page, checked as the 三定 sheet checks them.
public struct UnitCorrection: Hashable, Sendable {
    public let name: String
    public let rank: String
    /// "" when not known.
    public let creditCode: String

    public static func validate(name: String, rank: String, creditCode: String) -> Result<UnitCorrection, FieldErrors> {
        var errors = FieldErrors()
        let name = name.trimmingWhitespace(), rank = rank.trimmingWhitespace()
        if name.isEmpty { errors.add("name", "机构名称必填") }
        if name.count > UnitImport.maxName { errors.add("name", "机构名称不超过\(UnitImport.maxName)字") }
        if name.contains(UnitImport.pathSeparator) { errors.add("name", "机构名称不能含“\(UnitImport.pathSeparator)”") }
        if rank.count > UnitImport.maxRank { errors.add("rank", "机构规格不超过\(UnitImport.maxRank)字") }
        let code = creditCode.trimmingWhitespace().isEmpty ? "" : errors.capture("creditCode") { () throws(ValidationError) in try CreditCode(creditCode).value }
        guard errors.isEmpty, let code else { return .failure(errors) }
        return .success(UnitCorrection(name: name, rank: rank, creditCode: code))
    }
}
