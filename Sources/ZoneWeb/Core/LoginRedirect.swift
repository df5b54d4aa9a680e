/// Where a login may send the browser next: only a path on this server.
///
/// Browsers read `Location` leniently: `//evil`, `/\evil` and `\\evil` are other hosts, tabs and
/// newlines are dropped (`/\t/evil` becomes `//evil`), and `https:evil` is a URL. So the target must
/// be printable ASCII without spaces or backslashes, start with exactly one `/`, and still do so
/// after one round of percent-decoding (`/%2F%2Fevil` is refused too, in case a proxy or a later
/// redirect decodes it). Anything else goes to the home page.
enum LoginRedirect {
    static let maxLength = 2_000

    static func target(_ next: String) -> String {
        isLocalPath(next) ? next : "/"
    }

    static func isLocalPath(_ next: String) -> Bool {
        let bytes = Array(next.utf8)
        guard bytes.count <= maxLength, startsLocal(bytes), bytes.allSatisfy({ (0x21...0x7E).contains($0) && $0 != backslash }),
              let decoded = percentDecoded(bytes) else { return false }
        // Decoded, a path may hold spaces and UTF-8 (`%20`, `%E7%8E%8B`), never control characters.
        return startsLocal(decoded) && decoded.allSatisfy { $0 >= 0x20 && $0 != 0x7F && $0 != backslash }
    }

    private static let backslash = UInt8(ascii: "\\")

    /// Exactly one leading `/`: not `//`, not `/\`.
    private static func startsLocal(_ bytes: [UInt8]) -> Bool {
        bytes.first == UInt8(ascii: "/") && (bytes.count < 2 || (bytes[1] != UInt8(ascii: "/") && bytes[1] != backslash))
    }

    /// One round of `%XX` decoding; nil for a malformed escape.
    private static func percentDecoded(_ bytes: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = [], index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "%") else { out.append(bytes[index]); index += 1; continue }
            guard index + 2 < bytes.count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) else { return nil }
            out.append(high << 4 | low)
            index += 3
        }
        return out
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
