/// Why one or more policy files were refused: every problem found, not only the first, so an
/// editor can fix a file in one pass.
public struct PolicyError: Error, Sendable, Equatable, CustomStringConvertible {
    public let problems: [PolicyProblem]

    public init(problems: [PolicyProblem]) {
        self.problems = problems
    }

    /// One problem per line, in file order, ready to print on the CLI.
    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }

    /// The printed lines, for callers (and tests) that compare messages.
    public var messages: [String] { problems.map(\.description) }
}
