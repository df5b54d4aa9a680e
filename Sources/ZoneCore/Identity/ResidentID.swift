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
    /// Odd sequence digit (17th) means male, even means female.
    public let isMale: Bool

    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checkBytes = Array("10X98765432".utf8)

    /// Works on UTF-8 bytes: an import checks 100,000 of these, and once the length test has passed
    /// every character is a single ASCII byte.
    public init(_ raw: String) throws(ValidationError) {
        let trimmed = raw.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw .required }
        // Only a final x needs upper-casing: any other letter is refused below, upper or lower.
        let bytes = trimmed.utf8.map { $0 == UInt8(ascii: "x") ? UInt8(ascii: "X") : $0 }
        guard bytes.count == 18, bytes.allSatisfy({ $0 < 0x80 }) else { throw .invalid("身份证号应为18位，实际为\(trimmed.count)位") }
        let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
        guard bytes[..<17].allSatisfy(isDigit) else {
            throw .invalid("身份证号前17位必须为数字")
        }
        guard isDigit(bytes[17]) || bytes[17] == UInt8(ascii: "X") else {
            throw .invalid("身份证号最后一位必须为数字或X")
        }
        guard bytes[17] == Self.checkByte(for: bytes[..<17]) else {
            // The expected digit is not shown: a clerk should check the card, not patch the number.
            throw .invalid("身份证号校验位不符，请核对身份证原件")
        }
        let number = { (range: Range<Int>) in bytes[range].reduce(0) { $0 * 10 + Int($1 - 0x30) } }
        guard let birth = CivilDate(year: number(6..<10), month: number(10..<12), day: number(12..<14)), birth.year >= 1900 else {
            throw .invalid("身份证号中的出生日期无效（\(String(decoding: bytes[6..<14], as: UTF8.self))）")
        }
        self.value = String(decoding: bytes, as: UTF8.self)
        self.birthDate = birth
        self.isMale = (bytes[16] - 0x30) % 2 == 1
    }

    /// The check byte for 17 ASCII digits: "10X98765432"[Σ(digit × weight) mod 11].
    static func checkByte(for digits: ArraySlice<UInt8>) -> UInt8 {
        var sum = 0
        for (digit, weight) in zip(digits, weights) { sum += Int(digit - 0x30) * weight }
        return checkBytes[sum % 11]
    }

    /// The check character for a number's first 17 digits.
    static func checkCharacter(for first17: String) -> Character {
        Character(UnicodeScalar(checkByte(for: Array(first17.utf8)[..<17])))
    }

    /// Builds a valid number from a 6-digit region code, a birth date and a 3-digit sequence.
    public static func make(region: String, birth: CivilDate, sequence: Int) -> ResidentID {
        let body = region + birth.compactDigits + String(format3(sequence))
        return try! ResidentID(body + String(checkCharacter(for: body)))
    }

    /// First six and last four shown, the eight birth-date digits hidden: 110105********002X.
    public var masked: String { Masking.mask(value, keepPrefix: 6, keepSuffix: 4) }

    public var description: String { masked }
}

private func format3(_ n: Int) -> String {
    let s = String(n % 1000)
    return String(repeating: "0", count: 3 - s.count) + s
}
