import Foundation

/// Random hex tokens from the system's CSPRNG (getrandom on Linux).
public enum SecureToken {
    public static func hex(bytes: Int) -> String {
        var rng = SystemRandomNumberGenerator()
        return (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &rng)) }.joined()
    }
}
