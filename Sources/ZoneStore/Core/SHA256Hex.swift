import Crypto
import Foundation

/// Lower-case hex SHA-256 of a UTF-8 string (audit chain, session token hashes) or of bytes.
/// Runs on every request (the session cookie), so hex is built from a table, not `String(format:)`.
func sha256Hex(_ text: String) -> String { sha256Hex(Array(text.utf8)) }

func sha256Hex(_ bytes: [UInt8]) -> String { hexDigits(SHA256.hash(data: bytes)) }

/// A finished digest (or any bytes) as lower-case hex.
func hexDigits(_ digest: some Sequence<UInt8>) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var hex: [UInt8] = []
    hex.reserveCapacity(64)
    for byte in digest {
        hex.append(digits[Int(byte >> 4)])
        hex.append(digits[Int(byte & 0x0f)])
    }
    return String(decoding: hex, as: UTF8.self)
}
