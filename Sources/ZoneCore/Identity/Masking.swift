/// Masks personal data (PIPL): shown masked by default, unmasked only with permission and audited.
public enum Masking {
    public static func mask(_ text: String, keepPrefix: Int, keepSuffix: Int) -> String {
        let chars = Array(text)
        guard chars.count > keepPrefix + keepSuffix else { return String(repeating: "*", count: chars.count) }
        let hidden = chars.count - keepPrefix - keepSuffix
        return String(chars[..<keepPrefix]) + String(repeating: "*", count: hidden) + String(chars[(chars.count - keepSuffix)...])
    }
}
