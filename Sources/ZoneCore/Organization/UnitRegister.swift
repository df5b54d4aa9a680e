/// The fields of a unit in the 机构编制实名制数据库 that the rules never read: its 统一社会信用代码 ("" until
/// known) and the document that set it up (设立文件与时间, free text such as "仪编〔2019〕12号 2019-05-20").
public struct UnitRegister: Hashable, Sendable {
    public var creditCode: String
    public var establishedBy: String

    public init(creditCode: String = "", establishedBy: String = "") {
        self.creditCode = creditCode
        self.establishedBy = establishedBy
    }

    /// Longest 设立文件与时间 accepted.
    public static let maxEstablishedBy = 200
}
