import Crypto
import ZoneCore

/// The one audit record of a bulk people import, in place of a chained record per person: a
/// 100,000-row sheet is one link in the hash chain, not 100,000.
///
/// The record names the zone, the row count, the id range of the people it created and a SHA-256
/// digest over their audited fields (masked, as in a single `person.create` record), so the chain
/// still vouches for exactly what was written, and a person's history finds the import that
/// created them by id range:
///
/// ```
/// action person.import  entity person_import  entity_id 1201-101200
/// detail zone=1; rows=100000; ids=1201-101200; sha256=9f2c…
/// ```
///
/// The import's ids are one consecutive block (`PersonRepository.reserveIDs`); `covers` still checks
/// the zone as well, since a record is read long after it was written.
public struct PersonImportAudit: Sendable, Equatable {
    public static let action = "person.import"
    public static let entity = "person_import"

    public let zoneID: Int64
    public let rows: Int
    /// The first and last id created; nil for a sheet with a header and no rows.
    public let ids: ClosedRange<Int64>?
    public let digest: String

    /// The record for `people`, just created in `zoneID`, whose `Digest` is `digest`.
    init(people: [Person], digest: String, zoneID: Int64) {
        let ids = people.map(\.id)
        self.zoneID = zoneID
        self.rows = people.count
        self.ids = ids.min().map { $0...ids.max()! }
        self.digest = digest
    }

    /// Parses a stored entry; nil if it is not a people import record.
    public init?(_ entry: AuditEntry) {
        guard entry.action == Self.action, entry.entity == Self.entity else { return nil }
        var fields: [Substring: Substring] = [:]
        for pair in entry.detail.split(separator: "; ") {
            guard let eq = pair.firstIndex(of: "=") else { continue }
            fields[pair[..<eq]] = pair[pair.index(after: eq)...]
        }
        guard let zone = fields["zone"].flatMap({ Int64($0) }), let rows = fields["rows"].flatMap({ Int($0) }),
              let digest = fields["sha256"] else { return nil }
        self.zoneID = zone
        self.rows = rows
        self.digest = String(digest)
        self.ids = Self.range(entry.entityID)
    }

    func entry(actor: String) -> AuditEntry {
        let range = ids.map { "\($0.lowerBound)-\($0.upperBound)" } ?? ""
        return AuditEntry(actor: actor, action: Self.action, entity: Self.entity, entityID: range,
                          detail: "zone=\(zoneID); rows=\(rows); ids=\(range.isEmpty ? "无" : range); sha256=\(digest)", zoneID: zoneID)
    }

    /// Whether this import created the person `personID` of `zoneID`.
    func covers(personID: Int64, zoneID: Int64) -> Bool {
        zoneID == self.zoneID && ids?.contains(personID) == true
    }

    static func range(_ text: String) -> ClosedRange<Int64>? {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let first = Int64(parts[0]), let last = Int64(parts[1]), first <= last else { return nil }
        return first...last
    }

    /// SHA-256 over the people in id order, one line each: the id and the audited fields
    /// (`PersonRepository.fields`, personal data masked), every value length-prefixed so no text can
    /// make two different sheets hash alike. Recomputable from the register while nobody has edited
    /// the imported people since.
    public static func digest(of people: [Person]) -> String {
        var digest = Digest()
        digest.add(people.sorted(by: { $0.id < $1.id }))
        return digest.finish()
    }

    /// `digest(of:)` fed a run of people at a time, in ascending id order, so an import hashes each
    /// run while it writes the run before.
    struct Digest {
        private var hash = SHA256()
        private var line: [UInt8] = []

        mutating func add(_ people: some Sequence<Person>) {
            for person in people {
                line.removeAll(keepingCapacity: true)
                append("id", String(person.id))
                for (key, value) in PersonRepository.fields(person) {
                    line.append(UInt8(ascii: "|"))
                    append(key, value)
                }
                line.append(UInt8(ascii: "\n"))
                hash.update(data: line)
            }
        }

        func finish() -> String { hexDigits(hash.finalize()) }

        /// "<length>:<key>=<value>", the length counting UTF-8 bytes of "key=value". Copied through
        /// `withUTF8`, a memcpy, rather than element by element through `UTF8View`.
        private mutating func append(_ key: String, _ value: String) {
            var key = key, value = value
            var length = String(key.utf8.count + 1 + value.utf8.count)
            length.withUTF8 { line.append(contentsOf: $0) }
            line.append(UInt8(ascii: ":"))
            key.withUTF8 { line.append(contentsOf: $0) }
            line.append(UInt8(ascii: "="))
            value.withUTF8 { line.append(contentsOf: $0) }
        }
    }
}
