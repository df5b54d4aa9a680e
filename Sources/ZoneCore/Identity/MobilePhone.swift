/// A mainland mobile number: (?:0|86|+86)?1[3-9]\d{9}. Stored as the 11 national digits.
public struct MobilePhone: Hashable, Sendable {
    public let value: String

    /// Checked on UTF-8 bytes: every character the number may hold is ASCII (an import checks 100,000).
    public init(_ raw: String) throws(ValidationError) {
        var digits = Array(raw.trimmingWhitespace().utf8.filter { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "-") })
        guard !digits.isEmpty else { throw .required }
        for prefix in ["+86", "86", "0"] where digits.starts(with: prefix.utf8) && digits.count == 11 + prefix.utf8.count {
            digits.removeFirst(prefix.utf8.count)
            break
        }
        let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        guard digits.count == 11, digits.allSatisfy(isDigit), digits[0] == UInt8(ascii: "1"),
              (UInt8(ascii: "3")...UInt8(ascii: "9")).contains(digits[1])
        else { throw .invalid("手机号格式不正确（应为1[3-9]开头的11位数字）") }
        value = String(decoding: digits, as: UTF8.self)
    }

    /// 138****5678
    public var masked: String { Masking.mask(value, keepPrefix: 3, keepSuffix: 4) }
}
