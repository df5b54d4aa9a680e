import Foundation
import Yams

/// Loads and validates zone policies. Every problem in a file is reported together, each naming the
/// file, the line, the field path and what is wrong in Chinese and English; nothing half-valid is
/// ever returned.
public enum PolicyLoader {
    /// Loads one policy file; its `code` must equal the file name without extension.
    public static func load(path: String) throws(PolicyError) -> ZonePolicy {
        let url = URL(fileURLWithPath: path)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw PolicyError(problems: [PolicyProblem(source: path, line: nil, path: "", chinese: "无法读取文件",
                                                       english: "cannot read the file: \(error.localizedDescription)")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw PolicyError(problems: [PolicyProblem(source: path, line: nil, path: "",
                                                       chinese: "文件不是 UTF-8 编码", english: "the file is not UTF-8")])
        }
        return try load(yaml: text, source: path, expectedCode: url.deletingPathExtension().lastPathComponent)
    }

    /// Loads a policy from YAML text; `source` names it in messages (e.g. `policies/bijie.yaml`).
    public static func load(yaml: String, source: String) throws(PolicyError) -> ZonePolicy {
        try load(yaml: yaml, source: source, expectedCode: nil)
    }

    /// Loads every `*.yaml`/`*.yml` file in `directory`, sorted by code. Problems from all files are
    /// reported together; two files with the same code are refused.
    public static func loadAll(directory: String) throws(PolicyError) -> [ZonePolicy] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw PolicyError(problems: [PolicyProblem(source: directory, line: nil, path: "",
                                                       chinese: "无法读取目录", english: "cannot read the directory")])
        }
        let files = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        var policies: [ZonePolicy] = []
        var problems: [PolicyProblem] = []
        for file in files {
            let path = URL(fileURLWithPath: directory).appendingPathComponent(file).path
            do {
                policies.append(try load(path: path))
            } catch {
                problems += error.problems
            }
        }
        if files.isEmpty {
            problems.append(PolicyProblem(source: directory, line: nil, path: "",
                                          chinese: "目录中没有 .yaml 政策文件", english: "no .yaml policy files in the directory"))
        }
        for (code, group) in Dictionary(grouping: policies, by: \.code) where group.count > 1 {
            problems.append(PolicyProblem(source: directory, line: nil, path: "code",
                                          chinese: "园区代码 \(code) 重复", english: "zone code \(code) is used by more than one file"))
        }
        guard problems.isEmpty else { throw PolicyError(problems: problems) }
        return policies.sorted { $0.code < $1.code }
    }

    static func load(yaml: String, source: String, expectedCode: String?) throws(PolicyError) -> ZonePolicy {
        let log = ProblemLog(source: source)
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw PolicyError(problems: [syntaxProblem(error, source: source)])
        } catch {
            throw PolicyError(problems: [PolicyProblem(source: source, line: nil, path: "", chinese: "YAML 无法解析",
                                                       english: "YAML cannot be parsed: \(error)")])
        }
        guard let root else {
            throw PolicyError(problems: [PolicyProblem(source: source, line: nil, path: "", chinese: "文件为空",
                                                       english: "the file is empty")])
        }
        let policy = PolicyValue(node: root, path: "", log: log).object { ZonePolicy(reading: $0, expectedCode: expectedCode) }
        guard let policy, log.problems.isEmpty else {
            // File order reads best; problems on one line keep the order they were found in.
            let ordered = log.problems.enumerated().sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }
            throw PolicyError(problems: ordered.map(\.element))
        }
        return policy
    }

    /// Turns a Yams parse error into one problem at the line the parser stopped on.
    static func syntaxProblem(_ error: YamlError, source: String) -> PolicyProblem {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            // libyaml notices an unclosed bracket or a bad indent where it gives up; the line the
            // broken structure started on is usually where the mistake is, so name both.
            let detail = [context?.text, problem].compactMap { $0 }.joined(separator: " ")
            let start = context.map(\.mark.line).flatMap { $0 == mark.line ? nil : $0 }
            return PolicyProblem(source: source, line: mark.line, path: "",
                                 chinese: "YAML 语法错误（第 \(mark.column) 列\(start.map { "，所在结构始于第 \($0) 行" } ?? "")）",
                                 english: "YAML syntax error at column \(mark.column)\(start.map { " (structure starts on line \($0))" } ?? ""): \(detail)")
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.sorted().joined(separator: ", ")
            return PolicyProblem(source: source, line: context.mark.line, path: "",
                                 chinese: "同一映射中字段重复：\(keys)", english: "duplicate field(s) in one mapping: \(keys)")
        default:
            return PolicyProblem(source: source, line: nil, path: "", chinese: "YAML 无法解析",
                                 english: "YAML cannot be parsed: \(error)")
        }
    }
}
