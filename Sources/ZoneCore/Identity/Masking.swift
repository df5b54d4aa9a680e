/// Masks personal data (PIPL): shown masked by default, unmasked only with permission and audited.
public enum Masking {
    public static func mask(_ text: String, keepPrefix: Int, keepSuffix: Int) -> String {
        // ID numbers and phones are ASCII: mask their bytes without building Characters.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            let bytes = Array(text.utf8)
            guard bytes.count > keepPrefix + keepSuffix else { return String(repeating: "*", count: bytes.count) }
            var masked = bytes
            for i in keepPrefix..<(bytes.count - keepSuffix) { masked[i] = UInt8(ascii: "*") }
            return String(decoding: masked, as: UTF8.self)
        }
        let chars = Array(text)
        guard chars.count > keepPrefix + keepSuffix else { return String(repeating: "*", count: chars.count) }
        let hidden = chars.count - keepPrefix - keepSuffix
        return String(chars[..<keepPrefix]) + String(repeating: "*", count: hidden) + String(chars[(chars.count - keepSuffix)...])
    }
}
