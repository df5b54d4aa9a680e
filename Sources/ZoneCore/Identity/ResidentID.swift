/// A validated 居民身份证号 (GB 11643-1999): 17 digits, then a check character.
///
/// Stored as text, never as a number: a leading zero or the check letter `X` must survive.
/// A lower-case `x` is accepted on input and normalised to `X`, since people type it both ways.
///
/// ```swift
/// let id = try ResidentID("11010519491231002X")
/// id.masked   // "110105********002X"
/// ```
public struct ResidentID: Hashable, Sendable, CustomStringConvertible {
    public let value: String
    public let birthDate: CivilDate

    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checkCharacters = Array("10X98765432")
    static let checkBytes = Array("10X98765432".utf8)

    public init(_ raw: String) throws(ValidationError) {
        let text = raw.trimmingWhitespace().uppercased()
        guard !text.isEmpty else { throw .required }
        // Fast path for what nearly every row holds: 17 ASCII digits and a digit or X. Anything else
        // goes the Character path below, which words each error.
        let bytes = Array(text.utf8)
        if bytes.count == 18, bytes[..<17].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
           bytes[17] == UInt8(ascii: "X") || (bytes[17] >= 0x30 && bytes[17] <= 0x39) {
            var sum = 0
            for (digit, weight) in zip(bytes[..<17], Self.weights) { sum += Int(digit - 0x30) * weight }
            let number = { (range: Range<Int>) in bytes[range].reduce(0) { $0 * 10 + Int($1 - 0x30) } }
            if bytes[17] == Self.checkBytes[sum % 11], let birth = CivilDate(year: number(6..<10), month: number(10..<12), day: number(12..<14)),
               birth.year >= 1900 {
                self.value = text
                self.birthDate = birth
                return
            }
        }
        let chars = Array(text)
        guard chars.count == 18 else { throw .invalid("身份证号应为18位，实际为\(chars.count)位") }
        guard chars[0..<17].allSatisfy(\.isASCIIDigit) else {
            throw .invalid("身份证号前17位必须为数字")
        }
        guard chars[17].isASCIIDigit || chars[17] == "X" else {
            throw .invalid("身份证号最后一位必须为数字或X")
        }
        let expected = Self.checkCharacter(for: chars[0..<17])
        guard chars[17] == expected else {
            // The expected digit is not shown: a clerk should check the card, not patch the number.
            throw .invalid("身份证号校验位不符，请核对身份证原件")
        }
        let year = Int(String(chars[6..<10]))!
        let month = Int(String(chars[10..<12]))!
        let day = Int(String(chars[12..<14]))!
        guard let birth = CivilDate(year: year, month: month, day: day), year >= 1900 else {
            throw .invalid("身份证号中的出生日期无效（\(String(chars[6..<14]))）")
        }
        self.value = text
        self.birthDate = birth
    }

    /// The check character for the first 17 digits: "10X98765432"[Σ(digit × weight) mod 11].
    static func checkCharacter(for digits: ArraySlice<Character>) -> Character {
        var sum = 0
        for (digit, weight) in zip(digits, weights) { sum += digit.wholeNumberValue! * weight }
        return checkCharacters[sum % 11]
    }

    /// Builds a valid number from a 6-digit region code, a birth date and a 3-digit sequence.
    public static func make(region: String, birth: CivilDate, sequence: Int) -> ResidentID {
        let body = region + birth.compactDigits + String(format3(sequence))
        let check = checkCharacter(for: Array(body)[0..<17])
        return try! ResidentID(body + String(check))
    }

    /// Odd sequence digit (17th) means male, even means female.
    public var isMale: Bool { Array(value)[16].wholeNumberValue! % 2 == 1 }

    /// First six and last four shown, the eight birth-date digits hidden: 110105********002X.
    public var masked: String { Masking.mask(value, keepPrefix: 6, keepSuffix: 4) }

    public var description: String { masked }
}

private func format3(_ n: Int) -> String {
    let s = String(n % 1000)
    return String(repeating: "0", count: 3 - s.count) + s
}
