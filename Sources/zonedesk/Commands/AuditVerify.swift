import ArgumentParser
import Foundation
import ZoneStore

struct AuditVerify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit-verify",
        abstract: "Walk the audit hash chain; exit 1 naming the first bad row if anything was altered.",
        discussion: """
            Rows are signed with the key in the audit key file (--audit-key), so a row appended or a \
            chain rewritten by someone without the key fails; rows from before the log was keyed are \
            reported as legacy. A valid chain cannot show that its newest rows were deleted. With \
            --anchor FILE the heads recorded in FILE by earlier runs must still be in the chain with \
            the same hash, and this run's head is appended to FILE; keep FILE away from the database \
            (another machine, a printed report) so whoever can edit the database cannot edit it too. \
            Exit 2 for a missing or malformed key or anchor file.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: "File of chain heads (`seq hash time` per line): checked, then this run's head is appended.")
    var anchor: String?

    func run() async throws {
        let anchors: [AuditAnchor]
        do {
            anchors = try anchor.map { path in
                FileManager.default.fileExists(atPath: path) ? try AuditAnchor.parse(lines: String(contentsOfFile: path, encoding: .utf8)) : []
            } ?? []
        } catch let error as StoreError {
            FileHandle.standardError.write(Data("zonedesk audit-verify: \(error.bilingualMessage)\n".utf8))
            throw ExitCode(2)
        }
        let store: Store
        do {
            store = try await Store.open(DatabaseLocation(database.db))
        } catch let error as StoreError {
            FileHandle.standardError.write(Data("zonedesk audit-verify: \(error.bilingualMessage)\n".utf8))
            throw ExitCode(2)
        }
        let result: AuditVerification
        do {
            result = try await store.audit.verify(store.database.reader, anchors: anchors)
        } catch let error as StoreError {
            try? await store.close()
            FileHandle.standardError.write(Data("zonedesk audit-verify: \(error.bilingualMessage)\n".utf8))
            throw ExitCode(2)
        }
        try await store.close()
        guard result.isIntact else {
            print("审计日志校验失败 / audit log verification FAILED: \(result.reason ?? "")")
            print("首个异常行 / first bad row: \(result.firstBad ?? 0)")
            throw ExitCode(1)
        }
        print("审计日志完整：\(result.rowsChecked) 条记录校验通过 / audit log intact: \(result.rowsChecked) rows verified")
        let keys = result.keyIDs.isEmpty ? "—" : result.keyIDs.joined(separator: ", ")
        print("其中 \(result.rowsChecked - result.legacyRows) 条由密钥签名（\(keys)），\(result.legacyRows) 条为启用密钥前的旧记录（无密钥，仅哈希链）"
              + " / \(result.rowsChecked - result.legacyRows) signed (keys \(keys)), \(result.legacyRows) legacy rows from before the key (unkeyed, hash chain only)")
        if let path = anchor, let head = result.head {
            try Self.append(head.line + " " + ISO8601DateFormatter().string(from: Date()) + "\n", to: path)
            print("已核对 \(anchors.count) 个锚点，并记下当前链头 / checked \(anchors.count) anchors, recorded head: \(head.line)")
        }
    }

    static func append(_ line: String, to path: String) throws {
        guard let handle = FileHandle(forWritingAtPath: path) else {
            try line.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(line.utf8))
    }
}
