/// A person's name: CJK ideographs (including the non-BMP extension blocks, e.g. 𠮷),
/// optionally with the middle dot used in transliterated or minority names (阿卜杜·热合曼).
public struct PersonName: Hashable, Sendable {
    public let value: String

    public init(_ raw: String) throws(ValidationError) {
        let text = raw.trimmingWhitespace()
        guard !text.isEmpty else { throw .required }
        let scalars = Array(text.unicodeScalars)
        guard scalars.count <= 30 else { throw .invalid("姓名过长（最多30个字）") }
        guard scalars.allSatisfy({ Self.isIdeograph($0) || Self.isMiddleDot($0) }) else {
            throw .invalid("姓名只能包含汉字和间隔号“·”")
        }
        guard !Self.isMiddleDot(scalars.first!), !Self.isMiddleDot(scalars.last!) else {
            throw .invalid("间隔号“·”不能在姓名首尾")
        }
        guard scalars.count >= 2 else { throw .invalid("姓名至少2个字") }
        value = text
    }

    static func isMiddleDot(_ s: Unicode.Scalar) -> Bool {
        // U+00B7 middle dot, U+30FB katakana middle dot, U+2022 bullet as typed by some IMEs.
        s.value == 0x00B7 || s.value == 0x30FB || s.value == 0x2022
    }

    static func isIdeograph(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x3007,
             0x20000...0x2A6DF, 0x2A700...0x2EBEF, 0x2F800...0x2FA1F, 0x30000...0x323AF:
            true
        default:
            false
        }
    }
}
