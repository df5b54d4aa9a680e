/// A figure published in the zone's seed document (编制 115, 162 → 69 indicators, 57.4% …) that
/// the zone's tests reproduce from entered data. Kept with the policy so that the numbers a test
/// checks and the rules it runs come from the same reviewed file.
public struct SeedFigure: Sendable, Equatable {
    /// Stable identifier tests look the figure up by, e.g. `establishment_total`.
    public var key: String
    /// What the seed calls it, in Chinese.
    public var label: String
    /// Counting unit as published (名, 项, 个, 亩, 亿元), if any.
    public var unit: String?
    public var measure: Measure

    public init(key: String, label: String, unit: String?, measure: Measure) {
        self.key = key
        self.label = label
        self.unit = unit
        self.measure = measure
    }

    /// The shape of a published figure; each `kind:` in the file is one case.
    public enum Measure: Sendable, Equatable {
        /// A plain count: 内设机构 8.
        case count(Int)
        /// A total and the parts it is made of: 编制 115 = 54 + 10 + 40 + 11.
        case total(Int, parts: [NamedCount])
        /// Before and after, optionally with the parts of "after" and the published change rate:
        /// 指标 162 → 69, −57.4%; 部门 48 → 19 + 4.
        case change(from: Int, to: Int, parts: [NamedCount], changePercent: PublishedPercent?)
        /// A part of a whole and the published share: 115 / 465 = 24.7%.
        case share(part: Int, whole: Int, percent: PublishedPercent)
        /// A published rate with nothing to compute it from: 剥离率 60%.
        case rate(PublishedPercent)
        /// A published rate before and after: 经济职能机构占比 60% → 78.57%.
        case rateChange(from: PublishedPercent, to: PublishedPercent)
        /// A decimal amount as published, with its unit: 化解债务 5.83 亿元.
        case amount(String)
    }

    /// The words a file may use for `kind:`.
    public enum Kind: String, CaseIterable, Sendable {
        case count, total, change, share, rate
        case rateChange = "rate_change"
        case amount
    }
}

/// One named part of a total (党工委管委会 54).
public struct NamedCount: Sendable, Equatable {
    public var name: String
    public var count: Int

    public init(name: String, count: Int) {
        self.name = name
        self.count = count
    }
}

extension SeedFigure {
    /// The fields each kind needs; any other measure field is refused, so a figure cannot carry
    /// numbers nobody checks.
    private static let fields: [Kind: Set<String>] = [
        .count: ["value"],
        .total: ["value", "parts"],
        .change: ["from", "to", "parts", "change_percent"],
        .share: ["part", "whole", "percent"],
        .rate: ["percent"],
        .rateChange: ["from_percent", "to_percent"],
        .amount: ["amount"],
    ]
    private static let measureFields = Set(fields.values.joined())

    init?(key: String, reading r: PolicyReader) {
        let label = r.string("label")
        let kind = r.keyword("kind", Kind.self)
        let unit = kind == .amount ? r.string("unit") : r.optional("unit")?.string()
        if let kind, let allowed = Self.fields[kind] {
            for field in Self.measureFields.subtracting(allowed).sorted() {
                r.refuse(field, "不适用于 kind: \(kind.rawValue)", "does not apply to kind: \(kind.rawValue)")
            }
        } else {
            for field in Self.measureFields.sorted() { r.skip(field) }
        }
        let measure = kind.flatMap { Self.measure(of: $0, reading: r) }
        guard let label, let measure else { return nil }
        self.init(key: key, label: label, unit: unit, measure: measure)
    }

    private static func measure(of kind: Kind, reading r: PolicyReader) -> Measure? {
        switch kind {
        case .count:
            return r.int("value", in: 0...Int(Int32.max)).map { .count($0) }
        case .total:
            let value = r.int("value", in: 0...Int(Int32.max))
            let parts = r.value("parts")?.namedCounts()
            guard let value, let parts else { return nil }
            guard r.value("parts")?.requireSum(of: parts, equals: value, name: "value") == true else { return nil }
            return .total(value, parts: parts)
        case .change:
            let from = r.int("from", in: 0...Int(Int32.max))
            let to = r.int("to", in: 0...Int(Int32.max))
            let parts = r.optional("parts").map { $0.namedCounts() }
            let percent = r.optional("change_percent").map { $0.publishedPercent() }
            guard let from, let to, let parts = parts ?? [], let percent = percent ?? .some(nil) else { return nil }
            if !parts.isEmpty, r.value("parts")?.requireSum(of: parts, equals: to, name: "to") != true { return nil }
            if let percent, let value = r.value("change_percent"),
               !value.agrees(percent, part: abs(to - from), whole: from, negative: to < from) { return nil }
            return .change(from: from, to: to, parts: parts, changePercent: percent)
        case .share:
            let part = r.int("part", in: 0...Int(Int32.max))
            let whole = r.int("whole", in: 1...Int(Int32.max))
            let percent = r.value("percent")?.publishedPercent()
            guard let part, let whole, let percent else { return nil }
            guard r.value("percent")?.agrees(percent, part: part, whole: whole, negative: false) == true else { return nil }
            return .share(part: part, whole: whole, percent: percent)
        case .rate:
            return r.value("percent")?.publishedPercent().map { .rate($0) }
        case .rateChange:
            let from = r.value("from_percent")?.publishedPercent()
            let to = r.value("to_percent")?.publishedPercent()
            guard let from, let to else { return nil }
            return .rateChange(from: from, to: to)
        case .amount:
            guard let value = r.value("amount"), let text = value.string() else { return nil }
            guard PublishedPercent(text) != nil, !text.hasPrefix("<"), !text.hasPrefix(">") else {
                value.problem("应为十进制数，实际为“\(text)”", "expected a decimal number, got \"\(text)\"")
                return nil
            }
            return .amount(text)
        }
    }
}

extension PolicyValue {
    func namedCounts() -> [NamedCount]? {
        entries { name, value in value.int(in: 0...Int(Int32.max)).map { NamedCount(name: name, count: $0) } }
    }

    /// Parts must add up to the figure they break down; a typo in either is caught on load.
    func requireSum(of parts: [NamedCount], equals total: Int, name: String) -> Bool {
        let sum = parts.reduce(0) { $0 + $1.count }
        guard sum == total else {
            let terms = parts.map { String($0.count) }.joined(separator: "+")
            problem("各部分之和 \(terms)=\(sum)，与 \(name)（\(total)）不符", "parts add up to \(sum), not \(name) (\(total))")
            return false
        }
        return true
    }

    /// Whether a published one-decimal percentage is `part / whole` rounded half up, as reports print
    /// it (`Percent.format`). Figures published with other precision cannot be recomputed from
    /// counts, so they are taken as published.
    func agrees(_ percent: PublishedPercent, part: Int, whole: Int, negative: Bool) -> Bool {
        guard let published = percent.magnitudeAtOneDecimal, !percent.isBound else { return true }
        let computed = Percent.format(part, of: whole)
        guard published == computed, percent.isNegative == (negative && part != 0) else {
            let sign = negative && part != 0 ? "-" : ""
            problem("按数据计算应为 \(sign)\(computed)，实际填写 \(percent)",
                    "computes to \(sign)\(computed) from the counts, file says \(percent)")
            return false
        }
        return true
    }
}
