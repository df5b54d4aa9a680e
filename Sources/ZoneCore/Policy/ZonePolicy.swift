/// A zone's reform rules as a versioned document — data, not code (SPEC "Policies as data").
///
/// One file per zone under `policies/`; the engines for quotas, appointment, appraisal and pay read
/// every number they apply from here, so changing a zone's rules is a reviewed edit of its file and
/// a new `version`, never a code change.
public struct ZonePolicy: Sendable, Equatable {
    /// Short identifier, the file's name without `.yaml` (`bijie`, `chengdu-xingu`).
    public var code: String
    public var name: String
    /// Raised with every change to the rules, so results can name the version they were made under.
    public var version: Int
    public var effective: CivilDate
    /// The document the rules were read from (the seed), for whoever checks them.
    public var source: String
    public var organization: OrganizationRules
    public var staffing: StaffingRules
    public var appraisal: AppraisalRules
    public var pay: PayRules
    /// Figures published in the seed, in file order.
    public var seedFigures: [SeedFigure]

    public init(code: String, name: String, version: Int, effective: CivilDate, source: String,
                organization: OrganizationRules, staffing: StaffingRules, appraisal: AppraisalRules, pay: PayRules,
                seedFigures: [SeedFigure]) {
        self.code = code
        self.name = name
        self.version = version
        self.effective = effective
        self.source = source
        self.organization = organization
        self.staffing = staffing
        self.appraisal = appraisal
        self.pay = pay
        self.seedFigures = seedFigures
    }

    /// The seed figure with this key.
    public func figure(_ key: String) -> SeedFigure? { seedFigures.first { $0.key == key } }
}

extension ZonePolicy {
    /// Reads the whole document; `expectedCode` is the file name when loaded from a file.
    init?(reading r: PolicyReader, expectedCode: String?) {
        let code = r.value("code")?.zoneCode()
        if let code, let expectedCode, code != expectedCode {
            r.value("code")?.problem("应与文件名一致（\(expectedCode)），实际为 \(code)",
                                     "must match the file name (\(expectedCode)), got \(code)")
        }
        let name = r.string("name")
        let version = r.int("version", in: 1...Int(Int32.max))
        let effective = r.value("effective")?.date()
        let source = r.string("source")
        let organization = r.object("organization", OrganizationRules.init(reading:))
        let staffing = r.object("staffing", StaffingRules.init(reading:))
        let appraisal = r.object("appraisal", AppraisalRules.init(reading:))
        let pay = r.object("pay") { PayRules(reading: $0, grades: appraisal?.grades) }
        let figures = r.value("seed_figures")?.entries { key, value -> SeedFigure? in
            guard key.isPolicyIdentifier else {
                value.problem("数据键应为小写英文标识（a-z、0-9、_）", "figure keys must be lower-case identifiers (a-z, 0-9, _)")
                return nil
            }
            return value.object { SeedFigure(key: key, reading: $0) }
        }
        guard let code, let name, let version, let effective, let source, let organization, let staffing,
              let appraisal, let pay, let figures else { return nil }
        self.init(code: code, name: name, version: version, effective: effective, source: source,
                  organization: organization, staffing: staffing, appraisal: appraisal, pay: pay, seedFigures: figures)
    }
}

extension PolicyValue {
    /// `bijie`, `chengdu-xingu`: lower-case words joined by hyphens, usable as a file name and in URLs.
    func zoneCode() -> String? {
        guard let text = string() else { return nil }
        let words = text.split(separator: "-", omittingEmptySubsequences: false)
        guard words.allSatisfy({ !$0.isEmpty && String($0).isPolicyIdentifier && !$0.contains("_") }) else {
            problem("应为小写英文单词，以连字符连接（如 chengdu-xingu），实际为“\(text)”",
                    "expected lower-case words joined by hyphens (e.g. chengdu-xingu), got \"\(text)\"")
            return nil
        }
        return text
    }
}
