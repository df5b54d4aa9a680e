/// What a register search box holds, and so what answering it would tell.
///
/// Answering “is 110105194912310021 registered?” reads the eight digits the masked number hides:
/// with the birth year on the page and the check digit shown, a few dozen guesses find any number.
/// So a whole valid ID number is an unmasked read (the permission, an audit record), and a partial
/// one is matched against the masked form everyone sees, never against the hidden digits:
///
/// ```swift
/// PersonSearchText("11010519491231002X", today: today)   // .fullID("11010519491231002X")
/// PersonSearchText("110105", today: today)               // .maskedID("110105")   matches 110105********002X
/// PersonSearchText("19491231", today: today)             // .maskedID("19491231") matches nobody: those digits are hidden
/// PersonSearchText("张", today: today)                   // .name("张")
/// ```
public enum PersonSearchText: Equatable, Sendable {
    case none
    case name(String)
    /// Digits, `X` and `*`, matched as a substring of the masked number.
    case maskedID(String)
    /// A valid 18-character number, normalised (`x` → `X`).
    case fullID(String)

    public init(_ raw: String, today: CivilDate) {
        let text = raw.trimmingWhitespace()
        if text.isEmpty {
            self = .none
        } else if let id = try? ResidentID(text, today: today) {
            self = .fullID(id.value)
        } else if text.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: "X") || $0 == UInt8(ascii: "x") || $0 == UInt8(ascii: "*") }) {
            self = .maskedID(text.uppercased())
        } else {
            self = .name(text)
        }
    }
}
