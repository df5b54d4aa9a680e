/// A 统一社会信用代码 (GB 32100-2015): 18 characters over 0-9 A-H J-N P-R T U W-Y with a mod-31 check.
public struct CreditCode: Hashable, Sendable {
    public let value: String

    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    public init(_ raw: String) throws(ValidationError) {
        let text = raw.trimmingWhitespace().uppercased()
        guard !text.isEmpty else { throw .required }
        let chars = Array(text)
        guard chars.count == 18 else { throw .invalid("统一社会信用代码应为18位") }
        var values: [Int] = []
        for c in chars {
            guard let v = Self.alphabet.firstIndex(of: c) else {
                throw .invalid("统一社会信用代码含非法字符“\(c)”")
            }
            values.append(v)
        }
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
