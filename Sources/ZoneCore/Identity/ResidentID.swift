/// A validated 居民身份证号 (GB 11643-1999): 17 digits, then a check character.
///
/// Stored as text, never as a number: a leading zero or the check letter `X` must survive.
/// A lower-case `x` is accepted on input and normalised to `X`, since people type it both ways.
///
/// ```swift
/// let id = try ResidentID("11010519491231002X", today: clock.today)
/// id.masked   // "110105********002X"
/// ```
public struct ResidentID: Hashable, Sendable, CustomStringConvertible {
    public let value: String
    public let birthDate: CivilDate
    /// Odd sequence digit (17th) means male, even means female.
    public let isMale: Bool

    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checkBytes = Array("10X98765432".utf8)

    /// Checks `raw` as GB 11643 defines the number: 18 characters, a province-level region code (GB/T 2260) in
    /// the first two, a real birth date no later than `today` (the caller's clock, so a check is reproducible), and
    /// the check character. Full-width digits and Ｘ are read as the ASCII ones they stand for.
    ///
    /// Works on UTF-8 bytes: an import checks 100,000 of these, and an ASCII number (nearly all of them) is
    /// neither copied nor folded before its bytes are read.
    public init(_ raw: String, today: CivilDate) throws(ValidationError) {
        let trimmed = raw.foldingFullWidth().trimmingWhitespace()
        guard !trimmed.isEmpty else { throw .required }
        // Only a final x needs upper-casing: any other letter is refused below, upper or lower.
        let bytes = trimmed.utf8.map { $0 == UInt8(ascii: "x") ? UInt8(ascii: "X") : $0 }
        let isASCII = bytes.allSatisfy { $0 < 0x80 }
        // Characters, not bytes: "身份证号应为18位，实际为54位" for 18 Chinese characters would mislead.
        let length = isASCII ? bytes.count : trimmed.count
        guard length == 18 else {
            if Self.isNumberCellText(bytes) {
                throw .invalid("身份证号被存成了数字（\(trimmed)），后几位已丢失：请把该列设为文本格式，按身份证原件重新填写")
            }
            throw .invalid("身份证号应为18位，实际为\(length)位")
        }
        let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
        guard isASCII, bytes[..<17].allSatisfy(isDigit) else {
            let characters = Array(trimmed)
            throw .invalid(characters[..<17].allSatisfy(\.isASCIIDigit) ? "身份证号最后一位必须为数字或X" : "身份证号前17位必须为数字")
        }
        guard isDigit(bytes[17]) || bytes[17] == UInt8(ascii: "X") else {
            throw .invalid("身份证号最后一位必须为数字或X")
        }
        guard DivisionCode.isProvince(bytes[0], bytes[1]) else {
            throw .invalid("身份证号前两位“\(String(decoding: bytes[..<2], as: UTF8.self))”不是省级行政区划代码（GB/T 2260）")
        }
        guard bytes[17] == Self.checkByte(for: bytes[..<17]) else {
            // The expected digit is not shown: a clerk should check the card, not patch the number.
            throw .invalid("身份证号校验位不符，请核对身份证原件")
        }
        let number = { (range: Range<Int>) in bytes[range].reduce(0) { $0 * 10 + Int($1 - 0x30) } }
        let digits = String(decoding: bytes[6..<14], as: UTF8.self)
        guard let birth = CivilDate(year: number(6..<10), month: number(10..<12), day: number(12..<14)), birth.year >= 1900 else {
            throw .invalid("身份证号中的出生日期无效（\(digits)）")
        }
        guard birth <= today else { throw .invalid("身份证号中的出生日期（\(birth)）晚于今天（\(today)），请核对身份证原件") }
        self.value = String(decoding: bytes, as: UTF8.self)
        self.birthDate = birth
        self.isMale = (bytes[16] - 0x30) % 2 == 1
    }

    /// Whether `text` has a whole number's shape — 17 digits and a digit or X — checked or not: what must not be
    /// shown unmasked.
    static func hasFullShape(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 18 && bytes[..<17].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
            && (bytes[17] == UInt8(ascii: "X") || (bytes[17] >= 0x30 && bytes[17] <= 0x39))
    }

    /// "1.10105197011112e+17" or "1.10105E+17": how a spreadsheet shows an ID number kept in a number cell,
    /// rounded to 15 significant digits. Told apart from a mistyped number so the clerk fixes the column's format.
    static func isNumberCellText(_ bytes: [UInt8]) -> Bool {
        guard let e = bytes.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }), e > 0 else { return false }
        let mantissa = bytes[..<e], exponent = bytes[(e + 1)...].drop { $0 == UInt8(ascii: "+") }
        let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
        return mantissa.allSatisfy { isDigit($0) || $0 == UInt8(ascii: ".") } && isDigit(mantissa.first!)
            && !exponent.isEmpty && exponent.allSatisfy(isDigit)
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
        return try! ResidentID(body + String(checkCharacter(for: body)), today: birth)
    }

    /// First six and last four shown, the eight birth-date digits hidden: 110105********002X.
    public var masked: String { Masking.mask(value, keepPrefix: 6, keepSuffix: 4) }

    public var description: String { masked }
}

private func format3(_ n: Int) -> String {
    let s = String(n % 1000)
    return String(repeating: "0", count: 3 - s.count) + s
}
