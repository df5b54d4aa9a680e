import Yams

/// Reads the fields of one YAML mapping of a policy file by name.
///
/// Every field asked for is remembered, so that after the section has been read the fields nobody
/// asked for can be reported as unknown: a misspelt `weigths:` must not silently fall back to
/// nothing. Required fields log "missing" when absent; `optional(_:)` fields may be left out.
final class PolicyReader {
    let path: String
    let log: ProblemLog
    private let mapping: Node.Mapping
    private var asked: [String] = []

    init(mapping: Node.Mapping, path: String, log: ProblemLog) {
        self.mapping = mapping
        self.path = path
        self.log = log
    }

    var line: Int? { mapping.mark?.line }

    func fieldPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// A problem about this mapping as a whole (e.g. a sum over several of its fields).
    func problem(_ chinese: String, _ english: String) {
        log.add(line: line, path: path, chinese, english)
    }

    /// A required field; logs a problem when it is absent or empty.
    func value(_ key: String) -> PolicyValue? {
        guard let value = lookUp(key) else {
            log.add(line: line, path: fieldPath(key), "缺少必填字段", "required field is missing")
            return nil
        }
        if case .scalar(let scalar) = value.node, PolicyValue.isNull(scalar) {
            value.problem("不能为空", "must not be empty")
            return nil
        }
        return value
    }

    /// A field that may be left out (or written as `null`); nil then, without a problem.
    func optional(_ key: String) -> PolicyValue? {
        guard let value = lookUp(key) else { return nil }
        if case .scalar(let scalar) = value.node, PolicyValue.isNull(scalar) { return nil }
        return value
    }

    /// Reports a field that is written although the case it belongs to does not apply.
    func refuse(_ key: String, _ chinese: String, _ english: String) {
        optional(key)?.problem(chinese, english)
    }

    /// A field that belongs to one case of another field (`years` to `when: consecutive_grade`):
    /// required where `applies` is true, refused where it is false, and left unread when it is nil
    /// because the deciding field itself failed.
    func dependent<Value>(_ key: String, applies: Bool?, _ chinese: String, _ english: String,
                          _ read: (PolicyValue) -> Value?) -> Value? {
        switch applies {
        case true?:
            return value(key).flatMap(read)
        case false?:
            refuse(key, chinese, english)
            return nil
        case nil:
            skip(key)
            return nil
        }
    }

    /// Marks fields as known without reading them: their meaning depends on a field that failed
    /// and has been reported, so calling them "unknown" too would only be an echo.
    func skip(_ keys: String...) {
        for key in keys { _ = lookUp(key) }
    }

    // MARK: Shorthands for required fields

    func string(_ key: String) -> String? { value(key)?.string() }
    func int(_ key: String, in bounds: ClosedRange<Int>? = nil) -> Int? { value(key)?.int(in: bounds) }
    func double(_ key: String, in bounds: ClosedRange<Double>? = nil) -> Double? { value(key)?.double(in: bounds) }
    func bool(_ key: String) -> Bool? { value(key)?.bool() }
    func proportion(_ key: String) -> Proportion? { value(key)?.proportion() }

    func keyword<Word: RawRepresentable & CaseIterable>(_ key: String, _ type: Word.Type) -> Word?
    where Word.RawValue == String {
        value(key)?.keyword(type)
    }

    func object<Object>(_ key: String, _ read: (PolicyReader) -> Object?) -> Object? {
        value(key)?.object(read)
    }

    func list<Element>(_ key: String, _ read: (PolicyValue) -> Element?) -> [Element]? {
        value(key)?.list(read)
    }

    // MARK: Unknown fields

    /// Logs every field of the mapping that was never asked for, suggesting the closest known name.
    func reportUnknownFields() {
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                log.add(line: key.mark?.line, path: path, "字段名应为文本", "field names must be text")
                continue
            }
            guard !asked.contains(name) else { continue }
            let line = key.mark?.line ?? value.mark?.line
            if let guess = Self.closest(to: name, among: asked) {
                log.add(line: line, path: fieldPath(name), "未知字段（是否应为 \(guess)？）", "unknown field (did you mean \(guess)?)")
            } else {
                log.add(line: line, path: fieldPath(name), "未知字段", "unknown field")
            }
        }
    }

    private func lookUp(_ key: String) -> PolicyValue? {
        if !asked.contains(key) { asked.append(key) }
        guard let node = mapping.first(where: { $0.key.scalar?.string == key })?.value else { return nil }
        return PolicyValue(node: node, path: fieldPath(key), log: log)
    }

    /// The known name within two edits of `name`, if exactly one is nearest.
    static func closest(to name: String, among known: [String]) -> String? {
        let scored = known.map { ($0, editDistance(Array(name), Array($0))) }.filter { $0.1 <= 2 }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return scored.filter { $0.1 == best.1 }.count == 1 ? best.0 : nil
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit (weigths → weights).
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
