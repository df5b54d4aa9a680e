/// Collects the problems of one policy file while it is read.
///
/// A reference type because every nested reader of the same file appends to the same list; it
/// never leaves the synchronous call of `PolicyLoader`, so it need not be `Sendable`.
final class ProblemLog {
    let source: String
    private(set) var problems: [PolicyProblem] = []

    init(source: String) {
        self.source = source
    }

    func add(line: Int?, path: String, _ chinese: String, _ english: String) {
        problems.append(PolicyProblem(source: source, line: line, path: path, chinese: chinese, english: english))
    }
}
