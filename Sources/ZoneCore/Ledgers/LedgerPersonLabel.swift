/// How a ledger sheet names a person of the register (the 人员 column of 月工作日志) without a full ID number,
/// which a ledger export must not spread: the name where it is unique in the zone, else the name and the masked
/// ID number, "张三（520502********1234）". An import reads either back, or a full 身份证号 a clerk typed.
///
/// ```swift
/// let labels = LedgerPersonLabel.labels([(1, "张三", a), (2, "张三", b), (3, "李四", c)])
/// labels[3]   // "李四"
/// labels[1]   // "张三（520502********1234）"
/// ```
public enum LedgerPersonLabel {
    public static func labels(_ people: [(id: Int64, name: String, idNumber: String)]) -> [Int64: String] {
        var named: [String: Int] = [:]
        for person in people { named[person.name, default: 0] += 1 }
        return Dictionary(uniqueKeysWithValues: people.map { person in
            (person.id, named[person.name] == 1 ? person.name : "\(person.name)（\(masked(person.idNumber))）")
        })
    }

    /// The masked ID number a label carries: ResidentID's, 110105********002X.
    static func masked(_ idNumber: String) -> String { Masking.mask(idNumber, keepPrefix: 6, keepSuffix: 4) }

    /// The name and masked ID number of "张三（520502********1234）" (or with ASCII brackets, as Excel users retype
    /// them); nil for a plain name.
    static func parse(_ text: String) -> (name: String, masked: String)? {
        guard let open = text.firstIndex(where: { $0 == "（" || $0 == "(" }), text.last == "）" || text.last == ")" else { return nil }
        let name = String(text[..<open]).trimmingWhitespace(), masked = text[text.index(after: open)..<text.index(before: text.endIndex)]
        return name.isEmpty ? nil : (name, String(masked).uppercased().trimmingWhitespace())
    }
}
