/// A ledger sheet (CSV with the ledger's Chinese column labels, as the xlsx export writes them)
/// checked row by row. Every problem is reported by line and column; a caller writes the rows only
/// when `errors` is empty, so an import is all or nothing.
public struct LedgerImport: Sendable {
    public let records: [LedgerRecord]
    public let errors: [ImportRowError]

    public init(_ table: CSVTable, kind: LedgerKind, references: LedgerReferences) {
        let missing = kind.fields.filter { $0.required && !table.header.contains($0.label) }
        guard missing.isEmpty else {
            records = []
            errors = missing.map { ImportRowError(line: 1, column: $0.label, message: "缺少必需的列") }
            return
        }
        let index = Dictionary(table.header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var records: [LedgerRecord] = []
        var errors: [ImportRowError] = []
        var seenKeys: [String: Int] = [:]
        for (offset, row) in table.rows.enumerated() {
            let line = table.lines[offset]
            var input = LedgerInput(kind: kind)
            for field in kind.fields { input.raw[field.key] = index[field.label].map { row[$0] } ?? "" }
            switch input.validate(references, source: .sheet) {
            case .failure(let fieldErrors):
                for field in kind.fields {
                    if let message = fieldErrors[field.key] {
                        errors.append(ImportRowError(line: line, column: field.label, message: message, cell: input.raw[field.key] ?? ""))
                    }
                }
            case .success(let record):
                if let key = record.naturalKey {
                    if let first = seenKeys[key] {
                        errors.append(ImportRowError(line: line, column: kind.fields[0].label, message: "与第\(first)行重复"))
                        continue
                    }
                    seenKeys[key] = line
                }
                records.append(record)
            }
        }
        if table.rows.isEmpty { errors.append(ImportRowError(line: 1, column: "", message: "文件中没有数据行")) }
        self.records = errors.isEmpty ? records : []
        self.errors = errors
    }
}
