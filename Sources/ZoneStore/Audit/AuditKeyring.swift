import Crypto
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The secret keys of the audit chain, kept in a file outside the database.
///
/// A hash chain alone has no secret: whoever can write the database can append a row, or rewrite
/// the whole chain, with correct SHA-256 hashes. Each row is therefore signed with
/// HMAC-SHA256 under a key that lives in this file (`--audit-key`, `ZONEDESK_AUDIT_KEY`, or beside
/// the SQLite file by default), which someone who can only write the database does not have.
///
/// One key per line, the last one signs new rows; older lines stay so older rows still verify:
///
/// ```
/// # key-id secret (32 bytes, hex) created from-seq
/// 3fa9c2e1 9c1d…(64 hex) 2026-12-04T03:00:00Z 1
/// ```
///
/// `from-seq` of the first key is where the chain became keyed: rows before it (written by a
/// version without keys) verify as legacy, rows from it on must be signed.
public struct AuditKeyring: Sendable, Equatable {
    public struct Key: Sendable, Equatable {
        public let id: String
        let secret: [UInt8]
        public let created: String
        public let fromSeq: Int64

        /// A new random 256-bit key.
        static func generate(fromSeq: Int64, created: String) -> Key {
            var rng = SystemRandomNumberGenerator()
            let secret = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &rng) }
            let id = hexDigits((0..<4).map { _ in UInt8.random(in: .min ... .max, using: &rng) })
            return Key(id: id, secret: secret, created: created, fromSeq: fromSeq)
        }

        /// Lower-case hex HMAC-SHA256 of `text` under this key.
        func mac(_ text: String) -> String {
            hexDigits(HMAC<SHA256>.authenticationCode(for: Array(text.utf8), using: SymmetricKey(data: secret)))
        }

        var line: String { "\(id) \(hexDigits(secret)) \(created) \(fromSeq)" }
    }

    public let keys: [Key]

    /// The key new rows are signed with.
    public var current: Key? { keys.last }

    /// The first row that must be signed; rows before it may be legacy, unkeyed rows.
    public var keyedFrom: Int64 { keys.first?.fromSeq ?? 1 }

    public func index(of id: String) -> Int? { keys.firstIndex { $0.id == id } }

    static let header = """
        # ZoneDesk 审计日志密钥 / audit-log HMAC keys. 存放在数据库以外，仅服务账号可读，另行备份；
        # keep away from the database, readable only by the service account, backed up separately.
        # key-id secret(hex) created from-seq
        """

    var text: String { ([Self.header] + keys.map(\.line)).joined(separator: "\n") + "\n" }

    static func parse(_ text: String, path: String) throws -> AuditKeyring {
        let keys = try text.split(whereSeparator: \.isNewline).enumerated().compactMap { index, line -> Key? in
            guard !line.hasPrefix("#"), !line.allSatisfy(\.isWhitespace) else { return nil }
            let fields = line.split(separator: " ")
            guard fields.count == 4, fields[0].count == 8, fields[0].allSatisfy(\.isHexDigit), let secret = bytes(hex: fields[1]),
                  secret.count == 32, let from = Int64(fields[3]), from > 0 else {
                throw StoreError.invalid("审计密钥文件 \(path) 第\(index + 1)行格式有误 / audit key file \(path): line \(index + 1) is malformed")
            }
            return Key(id: String(fields[0]), secret: secret, created: String(fields[2]), fromSeq: from)
        }
        guard !keys.isEmpty, Set(keys.map(\.id)).count == keys.count else {
            throw StoreError.invalid("审计密钥文件 \(path) 没有密钥或密钥编号重复 / audit key file \(path) holds no key or a duplicate key id")
        }
        return AuditKeyring(keys: keys)
    }

    static func bytes(hex: Substring) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count.isMultiple(of: 2) else { return nil }
        var bytes: [UInt8] = []
        for i in stride(from: 0, to: digits.count, by: 2) {
            guard let byte = UInt8(String(decoding: digits[i...i + 1], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(byte)
        }
        return bytes
    }

    /// The keyring in `path`, or nil when there is no such file.
    static func load(_ path: String) throws -> AuditKeyring? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try parse(String(contentsOfFile: path, encoding: .utf8), path: path)
    }

    /// Writes a new file, readable by its owner only; false if the file already exists (another
    /// process created it first: load that one instead, so both sign with the same key).
    static func create(_ ring: AuditKeyring, at path: String) throws -> Bool {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent.isEmpty ? "."
                                                : (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        if fd < 0 {
            if errno == EEXIST { return false }
            throw StoreError.invalid("无法创建审计密钥文件 \(path) / cannot create audit key file \(path) (errno \(errno))")
        }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        try handle.write(contentsOf: Data(ring.text.utf8))
        try handle.synchronize()
        return true
    }

    /// Replaces the file whole (write beside it, then rename), keeping its owner-only mode.
    static func replace(_ ring: AuditKeyring, at path: String) throws {
        let temporary = path + ".new"
        unlink(temporary)
        guard try create(ring, at: temporary), rename(temporary, path) == 0 else {
            throw StoreError.invalid("无法写入审计密钥文件 \(path) / cannot write audit key file \(path) (errno \(errno))")
        }
    }
}

/// The keyring a running process signs with. Another process may rotate the key: a chain head
/// signed with a key this process does not hold makes it read the file again.
public final class AuditKeys: Sendable {
    public let path: String
    private let ring: Mutex<AuditKeyring>

    init(path: String, ring: AuditKeyring) {
        self.path = path
        self.ring = Mutex(ring)
    }

    public var keyring: AuditKeyring { ring.withLock { $0 } }

    /// The key for the row after one signed with `headKeyID` ("" for none or a legacy row).
    func signingKey(after headKeyID: String) throws -> AuditKeyring.Key {
        var current = keyring
        if !headKeyID.isEmpty, current.index(of: headKeyID) == nil { current = try reload() }
        guard headKeyID.isEmpty || current.index(of: headKeyID) != nil, let key = current.current else {
            throw StoreError.invalid("审计日志最新记录由密钥 \(headKeyID) 签名，但密钥文件 \(path) 中没有该密钥 / the newest audit row is signed with key \(headKeyID), which \(path) does not hold")
        }
        return key
    }

    /// Reads the file again (after a rotation by another process, or before verifying).
    @discardableResult
    func reload() throws -> AuditKeyring {
        guard let fresh = try AuditKeyring.load(path) else {
            throw StoreError.invalid("审计密钥文件 \(path) 不存在 / audit key file \(path) is missing")
        }
        ring.withLock { $0 = fresh }
        return fresh
    }

    /// Adds a new signing key to the file; the caller then writes the row that starts using it.
    func rotate(fromSeq: Int64, created: String) throws -> (old: AuditKeyring.Key?, new: AuditKeyring.Key) {
        let before = try reload()
        let key = AuditKeyring.Key.generate(fromSeq: fromSeq, created: created)
        let after = AuditKeyring(keys: before.keys + [key])
        try AuditKeyring.replace(after, at: path)
        ring.withLock { $0 = after }
        return (before.current, key)
    }

    /// The keyring for `database`: read from `path`, or created there when the database has no signed
    /// row yet (a new database, or one written before keys existed — its rows so far stay legacy).
    /// A database with signed rows and no key file is refused: it could neither sign nor verify.
    static func open(path: String, database: ZoneDatabase, clock: Clock) async throws -> AuditKeys {
        if let ring = try AuditKeyring.load(path) { return AuditKeys(path: path, ring: ring) }
        let db = database.reader
        if let signed = try await db.raw("SELECT key_id FROM audit_log WHERE key_id <> '' LIMIT 1").first() {
            let id = try signed.decode(column: "key_id", as: String.self)
            throw StoreError.invalid("""
                审计密钥文件 \(path) 不存在，但审计日志已由密钥 \(id) 签名：请从其备份恢复该文件，或用 --audit-key（或环境变量 ZONEDESK_AUDIT_KEY）指定其位置 \
                / audit key file \(path) is missing but the audit log is signed with key \(id): restore it from its backup or point --audit-key (ZONEDESK_AUDIT_KEY) at it
                """)
        }
        let head = try await db.raw("SELECT MAX(seq) AS seq FROM audit_log").first()
        let last = try head?.decode(column: "seq", as: Int64?.self) ?? 0
        let ring = AuditKeyring(keys: [.generate(fromSeq: last + 1, created: clock.isoTimestamp)])
        guard try AuditKeyring.create(ring, at: path) else {
            return AuditKeys(path: path, ring: try AuditKeyring.load(path)!)
        }
        return AuditKeys(path: path, ring: ring)
    }
}
