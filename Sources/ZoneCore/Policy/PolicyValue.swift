import Yams

/// One field's YAML node at a known path. Each accessor returns the typed value or, when the node
/// does not fit, logs a bilingual problem and returns nil, so reading carries on with the next field
/// and the editor sees every mistake in the file at once.
struct PolicyValue {
    let node: Node
    let path: String
    let log: ProblemLog

    var line: Int? { node.mark?.line }

    func problem(_ chinese: String, _ english: String) {
        log.add(line: line, path: path, chinese, english)
    }

    // MARK: Scalars

    /// Non-empty text from any scalar style (quoted or not).
    func string() -> String? {
        guard let scalar = node.scalar else {
            problem("应为文本，实际为\(shownChinese)", "expected text, got \(shownEnglish)")
            return nil
        }
        let text = scalar.string.trimmingWhitespace()
        guard !text.isEmpty, !Self.isNull(scalar) else {
            problem("不能为空", "must not be empty")
            return nil
        }
        return text
    }

    func int(in bounds: ClosedRange<Int>? = nil) -> Int? {
        guard let text = plainText(), let number = Int(text) else {
            problem("应为整数，实际为\(shownChinese)", "expected an integer, got \(shownEnglish)")
            return nil
        }
        if let bounds, !bounds.contains(number) {
            problem("应在 \(bounds.lowerBound) 到 \(bounds.upperBound) 之间，实际为 \(number)",
                    "must be between \(bounds.lowerBound) and \(bounds.upperBound), got \(number)")
            return nil
        }
        return number
    }

    func double(in bounds: ClosedRange<Double>? = nil) -> Double? {
        guard let text = plainText(), let number = Double(text), number.isFinite,
              text.allSatisfy({ $0.isASCIIDigit || $0 == "." || $0 == "-" || $0 == "+" })
        else {
            problem("应为数值，实际为\(shownChinese)", "expected a number, got \(shownEnglish)")
            return nil
        }
        if let bounds, !bounds.contains(number) {
            problem("应在 \(bounds.lowerBound.policyText) 到 \(bounds.upperBound.policyText) 之间，实际为 \(number.policyText)",
                    "must be between \(bounds.lowerBound.policyText) and \(bounds.upperBound.policyText), got \(number.policyText)")
            return nil
        }
        return number
    }

    /// `true` or `false` only: YAML 1.1's yes/no/on/off are refused as too easy to write by accident.
    func bool() -> Bool? {
        switch plainText() {
        case "true": return true
        case "false": return false
        default:
            problem("应为 true 或 false，实际为\(shownChinese)", "expected true or false, got \(shownEnglish)")
            return nil
        }
    }

    /// A fraction in [0, 1], kept exact (see `Proportion`).
    func proportion() -> Proportion? {
        guard let text = plainText(), let value = Proportion(decimal: text) else {
            problem("应为 0 到 1 之间的比例（最多四位小数），实际为\(shownChinese)",
                    "expected a fraction between 0 and 1 (at most 4 decimals), got \(shownEnglish)")
            return nil
        }
        return value
    }

    /// A calendar date written `yyyy-MM-dd`.
    func date() -> CivilDate? {
        guard let text = node.scalar?.string.trimmingWhitespace(), text.count == 10,
              let date = try? CivilDate(parsing: text), date.description == text
        else {
            problem("应为日期 yyyy-MM-dd，实际为\(shownChinese)", "expected a date yyyy-MM-dd, got \(shownEnglish)")
            return nil
        }
        return date
    }

    /// A value of a closed vocabulary; the message lists what is allowed.
    func keyword<Word: RawRepresentable & CaseIterable>(_: Word.Type) -> Word? where Word.RawValue == String {
        guard let text = node.scalar?.string.trimmingWhitespace(), let word = Word(rawValue: text) else {
            let allowed = Word.allCases.map(\.rawValue)
            problem("未知取值\(shownChinese)，可选：\(allowed.joined(separator: "、"))",
                    "unknown value \(shownEnglish), expected one of: \(allowed.joined(separator: ", "))")
            return nil
        }
        return word
    }

    // MARK: Collections

    /// A YAML list, each element read by `read`. Nil if the node is not a list or any element failed:
    /// a partial list would make later checks (uniqueness, references) report problems that are
    /// only echoes of the element's own.
    func list<Element>(_ read: (PolicyValue) -> Element?) -> [Element]? {
        guard case .sequence(let sequence) = node else {
            problem("应为列表，实际为\(shownChinese)", "expected a list, got \(shownEnglish)")
            return nil
        }
        var elements: [Element] = []
        var failed = false
        for (index, element) in sequence.enumerated() {
            let value = PolicyValue(node: element, path: "\(path)[\(index)]", log: log)
            if let read = read(value) { elements.append(read) } else { failed = true }
        }
        return failed ? nil : elements
    }

    /// A mapping with a fixed set of fields, read by `read`; unknown fields are reported after it.
    func object<Object>(_ read: (PolicyReader) -> Object?) -> Object? {
        guard case .mapping(let mapping) = node else {
            problem("应为映射（字段: 值），实际为\(shownChinese)", "expected a mapping (field: value), got \(shownEnglish)")
            return nil
        }
        let reader = PolicyReader(mapping: mapping, path: path, log: log)
        let object = read(reader)
        reader.reportUnknownFields()
        return object
    }

    /// A mapping whose keys are data (names of parts, grade keys), in file order.
    func entries<Entry>(_ read: (String, PolicyValue) -> Entry?) -> [Entry]? {
        guard case .mapping(let mapping) = node else {
            problem("应为映射（名称: 值），实际为\(shownChinese)", "expected a mapping (name: value), got \(shownEnglish)")
            return nil
        }
        var entries: [Entry] = []
        var failed = false
        for (key, value) in mapping {
            guard let name = key.scalar?.string.trimmingWhitespace(), !name.isEmpty else {
                PolicyValue(node: key, path: path, log: log).problem("名称应为非空文本", "names must be non-empty text")
                failed = true
                continue
            }
            if let entry = read(name, PolicyValue(node: value, path: "\(path).\(name)", log: log)) {
                entries.append(entry)
            } else {
                failed = true
            }
        }
        return failed ? nil : entries
    }

    /// `{min: a, max: b}` with both ends inside `bounds` and a ≤ b.
    func intRange(within bounds: ClosedRange<Int>) -> ClosedRange<Int>? {
        object { reader in
            let low = reader.int("min", in: bounds)
            let high = reader.int("max", in: bounds)
            guard let low, let high else { return nil }
            guard low <= high else {
                reader.problem("min（\(low)）不得大于 max（\(high)）", "min (\(low)) must not exceed max (\(high))")
                return nil
            }
            return low...high
        }
    }

    /// `{min: a, max: b}` of decimals with both ends inside `bounds` and a ≤ b.
    func doubleRange(within bounds: ClosedRange<Double>) -> ClosedRange<Double>? {
        object { reader in
            let low = reader.double("min", in: bounds)
            let high = reader.double("max", in: bounds)
            guard let low, let high else { return nil }
            guard low <= high else {
                reader.problem("min（\(low.policyText)）不得大于 max（\(high.policyText)）",
                               "min (\(low.policyText)) must not exceed max (\(high.policyText))")
                return nil
            }
            return low...high
        }
    }

    // MARK: Shared checks

    /// Logs a problem when `items` is empty or repeats a value; true when neither.
    @discardableResult
    func requireNonEmptyUnique(_ items: [String]) -> Bool {
        if items.isEmpty {
            problem("不能为空列表", "must not be empty")
            return false
        }
        var seen: Set<String> = []
        var unique = true
        for item in items where !seen.insert(item).inserted {
            problem("重复的取值 \(item)", "duplicate value \(item)")
            unique = false
        }
        return unique
    }

    /// A lower-case identifier (`excellent`, `establishment_total`) that rules and tests refer to.
    func identifier() -> String? {
        guard let text = string() else { return nil }
        guard text.isPolicyIdentifier else {
            problem("应为小写英文标识（a-z、0-9、_，以字母开头），实际为“\(text)”",
                    "expected a lower-case identifier (a-z, 0-9, _, starting with a letter), got \"\(text)\"")
            return nil
        }
        return text
    }

    // MARK: Helpers

    /// Numbers and booleans must be unquoted: `"0.2"` in quotes is text, and accepting it would hide
    /// a file written by a tool that quotes everything.
    private func plainText() -> String? {
        guard let scalar = node.scalar, scalar.style == .plain || scalar.style == .any else { return nil }
        return scalar.string
    }

    static func isNull(_ scalar: Node.Scalar) -> Bool {
        guard scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    private var shownChinese: String {
        switch node {
        case .scalar(let scalar): "“\(scalar.string)”"
        case .sequence: "列表"
        case .mapping: "映射"
        case .alias: "别名"
        }
    }

    private var shownEnglish: String {
        switch node {
        case .scalar(let scalar): "\"\(scalar.string)\""
        case .sequence: "a list"
        case .mapping: "a mapping"
        case .alias: "an alias"
        }
    }
}

extension Double {
    /// Shortest decimal text for messages: 1.5 → "1.5", 2.0 → "2".
    var policyText: String {
        rounded() == self && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}

extension String {
    /// Lower-case ASCII letters, digits and `_`, starting with a letter: keys that rules and tests
    /// refer to, safe in URLs and column names.
    var isPolicyIdentifier: Bool {
        guard let first = unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
