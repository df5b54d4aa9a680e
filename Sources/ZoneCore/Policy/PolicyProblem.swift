/// One thing wrong with a policy file, located as precisely as the YAML allows.
///
/// Problems carry both languages because policy files are edited by 组织人事 staff (who read the
/// Chinese) and checked by the CLI and CI (whose logs are read by engineers).
public struct PolicyProblem: Sendable, Equatable, CustomStringConvertible {
    /// The file (or the caller's label for an in-memory document), e.g. `policies/bijie.yaml`.
    public let source: String
    /// 1-based line in the source, when the YAML parser reported one.
    public let line: Int?
    /// Dotted field path with list indices, e.g. `appraisal.grades[2].label`; empty for the document.
    public let path: String
    public let chinese: String
    public let english: String

    public init(source: String, line: Int?, path: String, chinese: String, english: String) {
        self.source = source
        self.line = line
        self.path = path
        self.chinese = chinese
        self.english = english
    }

    /// `policies/x.yaml:12: appraisal.weights 合计应为100，实际为95 / weights must sum to 100, got 95`
    public var description: String {
        let location = line.map { "\(source):\($0):" } ?? "\(source):"
        let field = path.isEmpty ? "" : " \(path)"
        return "\(location)\(field) \(chinese) / \(english)"
    }
}
