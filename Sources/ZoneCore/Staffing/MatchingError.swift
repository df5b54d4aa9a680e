/// Why a two-way selection input was refused, naming the ids involved so the person who prepared
/// the file can find the line. ``message`` is zh-CN first (the users' language), then English for
/// logs and scripts.
public enum MatchingError: Error, Equatable, Sendable, CustomStringConvertible {
    case duplicateApplicant(String)
    case duplicatePost(String)
    case unknownPost(applicant: String, post: String)
    case unknownApplicant(post: String, applicant: String)
    case negativeCapacity(post: String, capacity: Int)
    case duplicatePreference(applicant: String, post: String)
    case duplicateRanking(post: String, applicant: String)

    public var message: String {
        switch self {
        case .duplicateApplicant(let id):
            "申请人编号重复：\(id) / duplicate applicant id \"\(id)\""
        case .duplicatePost(let id):
            "岗位编号重复：\(id) / duplicate post id \"\(id)\""
        case .unknownPost(let applicant, let post):
            "申请人 \(applicant) 的志愿中有不存在的岗位 \(post) / applicant \"\(applicant)\" lists unknown post \"\(post)\""
        case .unknownApplicant(let post, let applicant):
            "岗位 \(post) 的排序中有不存在的申请人 \(applicant) / post \"\(post)\" ranks unknown applicant \"\(applicant)\""
        case .negativeCapacity(let post, let capacity):
            "岗位 \(post) 的可聘人数不能为负数（\(capacity)）/ post \"\(post)\" has negative capacity \(capacity)"
        case .duplicatePreference(let applicant, let post):
            "申请人 \(applicant) 的志愿中岗位 \(post) 出现了两次 / applicant \"\(applicant)\" lists post \"\(post)\" twice"
        case .duplicateRanking(let post, let applicant):
            "岗位 \(post) 的排序中申请人 \(applicant) 出现了两次 / post \"\(post)\" ranks applicant \"\(applicant)\" twice"
        }
    }

    public var description: String { message }
}
