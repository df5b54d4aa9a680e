/// A mainland mobile number: (?:0|86|+86)?1[3-9]\d{9}. Stored as the 11 national digits.
public struct MobilePhone: Hashable, Sendable {
    public let value: String

    public init(_ raw: String) throws(ValidationError) {
        var text = raw.trimmingWhitespace().filter { $0 != " " && $0 != "-" }
        guard !text.isEmpty else { throw .required }
        for prefix in ["+86", "86", "0"] where text.hasPrefix(prefix) && text.count == 11 + prefix.count {
            text.removeFirst(prefix.count)
            break
        }
        let chars = Array(text)
        guard chars.count == 11, chars.allSatisfy(\.isASCIIDigit), chars[0] == "1",
              let second = chars[1].wholeNumberValue, (3...9).contains(second)
        else { throw .invalid("手机号格式不正确（应为1[3-9]开头的11位数字）") }
        value = text
    }

    /// 138****5678
    public var masked: String { Masking.mask(value, keepPrefix: 3, keepSuffix: 4) }
}
