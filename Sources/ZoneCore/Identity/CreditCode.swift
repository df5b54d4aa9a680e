/// A 统一社会信用代码 (GB 32100-2015): 18 characters over 0-9 A-H J-N P-R T U W-Y, laid out as
///
///     9  1  520500  MA6AAAAAA  X
///     │  │  │       │          └ check character, mod 31
///     │  │  │       └ organisation code (9 characters)
///     │  │  └ administrative division of the registering authority (GB/T 2260)
///     │  └ institution category, one of the authority's own
///     └ registering authority: 1 机构编制, 5 民政, 9 工商（市场监管） …
///
/// Spaces and hyphens that clerks copy from printed licences ("9152 0500 MA6A-AAAA-A") are dropped, full-width
/// characters folded and letters upper-cased before checking.
public struct CreditCode: Hashable, Sendable {
    public let value: String

    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// GB 32100's registering authorities and, for each, the institution categories it registers
    /// (9 其他 where the standard has one).
    static let categories: [Character: (authority: String, kinds: String)] = [
        "1": ("机构编制", "1239"),  // 机关, 事业单位, 中央编办直接管理机构编制的群众团体
        "2": ("外交", "19"),        // 外国常驻新闻机构
        "3": ("司法行政", "123459"), // 律师执业机构, 公证处, 基层法律服务所, 司法鉴定机构, 仲裁委员会
        "4": ("文化", "19"),        // 外国在华文化中心
        "5": ("民政", "1239"),      // 社会团体, 民办非企业单位, 基金会
        "6": ("旅游", "129"),       // 外国及港澳台地区旅游部门常驻代表机构
        "7": ("宗教", "129"),       // 宗教活动场所, 宗教院校
        "8": ("工会", "19"),        // 基层工会
        "9": ("工商", "123"),       // 企业, 个体工商户, 农民专业合作社
        "A": ("中央军委改革和编制办公室", "19"), // 军队事业单位
        "N": ("农业", "1239"),      // 组级、村级、乡镇级集体经济组织
        "Y": ("其他", "1"),
    ]

    public init(_ raw: String) throws(ValidationError) {
        let text = String(raw.foldingFullWidth().uppercased().filter { !$0.isWhitespace && $0 != "-" })
        guard !text.isEmpty else { throw .required }
        let chars = Array(text)
        guard chars.count == 18 else { throw .invalid("统一社会信用代码应为18位，实际为\(chars.count)位") }
        var values: [Int] = []
        for c in chars {
            guard let v = Self.alphabet.firstIndex(of: c) else {
                throw .invalid("统一社会信用代码含非法字符“\(c)”")
            }
            values.append(v)
        }
        guard let registrar = Self.categories[chars[0]] else {
            throw .invalid("统一社会信用代码第1位“\(chars[0])”不是登记管理部门代码（应为1–9、A、N、Y）")
        }
        guard registrar.kinds.contains(chars[1]) else {
            let kinds = registrar.kinds.map(String.init).joined(separator: "、")
            throw .invalid("统一社会信用代码第2位“\(chars[1])”不是\(registrar.authority)登记的机构类别（应为\(kinds)）")
        }
        let division = chars[2..<8]
        // 100000 is the code of the central authorities (国务院部委 and the like), registered at national level.
        guard division.allSatisfy(\.isASCIIDigit),
              String(division) == "100000" || DivisionCode.isProvince(division.first!.asciiValue!, division.dropFirst().first!.asciiValue!)
        else { throw .invalid("统一社会信用代码第3–8位“\(String(division))”不是行政区划代码") }
        var sum = 0
        for i in 0..<17 { sum += values[i] * Self.weights[i] }
        let check = (31 - sum % 31) % 31
        guard values[17] == check else {
            throw .invalid("统一社会信用代码校验位错误（应为\(Self.alphabet[check])）")
        }
        value = text
    }

    /// The code whose first 17 characters are `first17`, with its check character appended
    /// (demo data and tests make valid codes this way).
    public static func completing(_ first17: String) -> CreditCode? {
        let chars = Array(first17.uppercased())
        guard chars.count == 17 else { return nil }
        var sum = 0
        for (i, c) in chars.enumerated() {
            guard let v = alphabet.firstIndex(of: c) else { return nil }
            sum += v * weights[i]
        }
        return try? CreditCode(first17 + String(alphabet[(31 - sum % 31) % 31]))
    }

    /// 11 机关, 12 事业单位, 91 企业 (the registering authority and kind).
    public var kindLabel: String? {
        switch value.prefix(2) {
        case "11": "机关"
        case "12": "事业单位"
        case "91": "企业"
        default: nil
        }
    }
}
