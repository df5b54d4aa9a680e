import Foundation

/// Which address a request comes from, for the login throttle and the audit log.
///
/// By default it is the TCP peer, and `X-Forwarded-For` is ignored: any client can write that
/// header. Behind a reverse proxy every peer is the proxy, so `serve --trusted-proxy ADDR` names
/// the proxies; only for a request whose peer is one of them is the header read, from the right
/// (the entry the proxy itself appended), skipping further trusted proxies. Entries to the left
/// of the first untrusted one came from the client and are never used.
public struct ClientAddress: Sendable {
    public let trustedProxies: Set<String>

    public init(trustedProxies: Set<String> = []) { self.trustedProxies = trustedProxies }

    /// `peer` is nil when the request did not come over a socket (router tests): "unknown".
    func resolve(peer: String?, forwardedFor: String?) -> String {
        guard let peer else { return "unknown" }
        guard trustedProxies.contains(peer), let forwardedFor else { return peer }
        for entry in forwardedFor.split(separator: ",").reversed() {
            let candidate = entry.trimmingCharacters(in: .whitespaces)
            if trustedProxies.contains(candidate) { continue }
            return Self.isIPAddress(candidate) ? candidate : peer
        }
        return peer
    }

    /// What the throttle counts per: an IPv4 address, or the /64 prefix of an IPv6 address (one
    /// subscriber usually holds a whole /64, so single addresses would give an attacker 2^64 buckets).
    static func throttleKey(_ address: String) -> String {
        guard let groups = ipv6Groups(address) else { return address }
        if groups[0..<5].allSatisfy({ $0 == 0 }) && groups[5] == 0xffff {
            return "\(groups[6] >> 8).\(groups[6] & 0xff).\(groups[7] >> 8).\(groups[7] & 0xff)"
        }
        return groups[0..<4].map { String($0, radix: 16) }.joined(separator: ":") + "::/64"
    }

    public static func isIPAddress(_ text: String) -> Bool { ipv4Octets(text) != nil || ipv6Groups(text) != nil }

    private static func ipv4Octets(_ text: Substring) -> [UInt16]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        let octets = parts.compactMap { part in part.count <= 3 && part.utf8.allSatisfy { (0x30...0x39).contains($0) } ? UInt16(part).flatMap { $0 <= 255 ? $0 : nil } : nil }
        return octets.count == 4 ? octets : nil
    }

    private static func ipv4Octets(_ text: String) -> [UInt16]? { ipv4Octets(Substring(text)) }

    /// The eight 16-bit groups of an IPv6 address in any textual form (`::`, embedded IPv4, `%zone`).
    private static func ipv6Groups(_ text: String) -> [UInt16]? {
        let address = text.split(separator: "%", maxSplits: 1).first ?? ""
        guard address.contains(":") else { return nil }
        let halves = address.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ half: String) -> [UInt16]? {
            if half.isEmpty { return [] }
            var result: [UInt16] = []
            let parts = half.split(separator: ":", omittingEmptySubsequences: false)
            for (index, part) in parts.enumerated() {
                if index == parts.count - 1, part.contains("."), let octets = ipv4Octets(part) {
                    result += [octets[0] << 8 | octets[1], octets[2] << 8 | octets[3]]
                } else if (1...4).contains(part.count), let group = UInt16(part, radix: 16) {
                    result.append(group)
                } else {
                    return nil
                }
            }
            return result
        }
        guard let head = groups(halves[0]) else { return nil }
        if halves.count == 1 { return head.count == 8 ? head : nil }
        guard let tail = groups(halves[1]), head.count + tail.count < 8 else { return nil }
        return head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail
    }
}
