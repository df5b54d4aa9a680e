import Crypto
import Foundation

/// RFC 6238 time-based one-time passwords as every authenticator app makes them by default:
/// HMAC-SHA1 over the 30-second step number, 6 digits, a 160-bit secret shown in base32.
///
/// ```swift
/// let secret = TOTP.randomSecret()                      // "JBSWY3DPEHPK3PXP…", typed into the app
/// TOTP.matchingStep("287082", secret: secret, now: t)   // the step it belongs to, or nil
/// ```
enum TOTP {
    static let stepSeconds: Int64 = 30
    static let digits = 6

    /// The code of one step (`digits` only differs for the RFC's own test vectors).
    static func code(key: [UInt8], step: Int64, digits: Int = digits) -> String {
        let counter = (0..<8).map { UInt8(truncatingIfNeeded: UInt64(step) >> (56 - 8 * $0)) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: counter, using: SymmetricKey(data: key)))
        let offset = Int(mac[mac.count - 1] & 0x0f)
        let value = (UInt32(mac[offset] & 0x7f) << 24 | UInt32(mac[offset + 1]) << 16 | UInt32(mac[offset + 2]) << 8 | UInt32(mac[offset + 3]))
        let modulus = (0..<digits).reduce(UInt32(1)) { value, _ in value * 10 }
        let text = String(value % modulus)
        return String(repeating: "0", count: digits - text.count) + text
    }

    /// The step, within one of now (phones' clocks drift), whose code `entered` is; nil otherwise.
    /// Later steps first, so a code is always tied to the newest step it can be.
    static func matchingStep(_ entered: String, secret: String, now: Int64) -> Int64? {
        let entered = entered.filter { !$0.isWhitespace }
        guard entered.count == digits, entered.allSatisfy({ $0.isASCII && $0.isNumber }), let key = base32Decode(secret) else { return nil }
        let current = now / stepSeconds
        return [current + 1, current, current - 1].first { CSRFMiddleware.constantTimeEqual(code(key: key, step: $0), entered) }
    }

    static func randomSecret() -> String {
        var rng = SystemRandomNumberGenerator()
        return base32Encode((0..<20).map { _ in UInt8.random(in: 0...255, using: &rng) })
    }

    /// The `otpauth://` URI authenticator apps import (typed in or read from a QR code).
    static func uri(secret: String, username: String) -> String {
        let label = "ZoneDesk:\(username)".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "ZoneDesk"
        return "otpauth://totp/\(label)?secret=\(secret)&issuer=ZoneDesk&algorithm=SHA1&digits=\(digits)&period=\(stepSeconds)"
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    static func base32Encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = [], buffer: UInt32 = 0, bits = 0
        for byte in bytes {
            buffer = buffer << 8 | UInt32(byte)
            bits += 8
            while bits >= 5 {
                out.append(alphabet[Int(buffer >> UInt32(bits - 5) & 31)])
                bits -= 5
            }
        }
        if bits > 0 { out.append(alphabet[Int(buffer << UInt32(5 - bits) & 31)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Case-insensitive, spaces and padding ignored; nil for any other character.
    static func base32Decode(_ text: String) -> [UInt8]? {
        var out: [UInt8] = [], buffer: UInt32 = 0, bits = 0
        for byte in text.uppercased().utf8 where byte != UInt8(ascii: " ") && byte != UInt8(ascii: "=") {
            guard let value = alphabet.firstIndex(of: byte) else { return nil }
            buffer = buffer << 5 | UInt32(value)
            bits += 5
            if bits >= 8 {
                out.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits - 8)))
                bits -= 8
            }
        }
        return out.isEmpty ? nil : out
    }
}
