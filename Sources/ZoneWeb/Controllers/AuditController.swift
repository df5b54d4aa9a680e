import Foundation
import Hummingbird
import ZoneCore
import ZoneStore

/// 审计日志: read-only, newest first, with the chain verified on every view.
///
/// An auditor reads their own zone's rows; the province's auditor, the rows of no zone (the province's
/// accounts). No auditor reads another zone's rows. Who may read business
/// personal data (纪工委) sees the rows' details; the audit admin, who reads no business data (三员分立),
/// sees who did what to which record, with the field names and without their values — except on
/// accounts and keys, the other two admins' work the audit admin is there to check.
struct AuditController {
    let env: AppEnvironment
    static let pageSize = 50

    func register(_ routes: inout Routes) {
        routes.get("/audit", .viewAudit) { request, _, principal in
            let page = try request.number("page", in: 1...BoundedInt.maxPage, label: "页码") ?? 1
            return try await list(page: page, principal)
        }
    }

    func list(page: Int, _ principal: Principal) async throws -> Response {
        let db = env.store.database.reader
        let scope = principal.zone.map { AuditScope.zone($0.id) } ?? .province
        let showsValues = principal.can(.unmaskPersonalData)
        let verification = try await env.store.audit.verify(db)
        let total = try await env.store.audit.count(db, in: scope)
        let records = try await env.store.audit.recent(db, limit: Self.pageSize, offset: (page - 1) * Self.pageSize, in: scope)
        let pages = max(1, (total + Self.pageSize - 1) / Self.pageSize)
        return Pages.response(Layout.page(title: "审计日志", active: "audit", principal: principal) {
            HTML.tag("h1") { "审计日志" }
            if verification.isIntact {
                Components.flash("哈希链与签名校验通过：全库共 \(verification.rowsChecked) 条记录，未发现篡改。", kind: "ok")
                if verification.legacyRows > 0 {
                    HTML.tag("p", ["class": "hint"]) {
                        "其中前 \(verification.legacyRows) 条写于启用审计密钥之前，只有哈希链、没有密钥签名（旧记录）。"
                    }
                }
                if let head = verification.head {
                    // A valid chain cannot show its newest rows were deleted; a head written down elsewhere can.
                    HTML.tag("p", ["class": "hint"]) {
                        "当前链头：第\(head.seq)行 "
                        HTML.tag("code", ["class": "mono"]) { head.hash }
                        "。请定期将链头抄录保存在数据库以外（如另一台计算机或签字的报告），之后用 zonedesk audit-verify --anchor 文件 核对，可发现末尾记录被删除。"
                    }
                }
            } else {
                Components.flash("哈希链校验失败：\(verification.reason ?? "")", kind: "error")
            }
            HTML.tag("div", ["class": "card"]) {
                HTML.tag("table", ["class": "grid"]) {
                    HTML.tag("tr") { for h in ["序号", "时间（北京时间）", "操作人", "操作", "对象", "详情", "哈希"] { HTML.tag("th") { h } } }
                    for record in records {
                        HTML.tag("tr") {
                            HTML.tag("td", ["class": "num"]) { "\(record.seq)" }
                            HTML.tag("td") { Self.beijing(record.at) }
                            HTML.tag("td") { record.entry.actor }
                            HTML.tag("td") { record.entry.action }
                            HTML.tag("td") { record.entry.entity + " #" + record.entry.entityID }
                            HTML.tag("td") { showsValues ? record.entry.detail : record.entry.detailWithoutValues }
                            HTML.tag("td", ["class": "mono"]) { String(record.hash.prefix(12)) + "…" }
                        }
                    }
                }
                HTML.tag("div", ["class": "pager"]) {
                    "\(principal.zone == nil ? "省级账号" : "本园区")共 \(total) 条，第 \(page)/\(pages) 页"
                    if page > 1 { HTML.tag("a", ["href": "/audit?page=\(page - 1)"]) { "上一页" } }
                    if page < pages { HTML.tag("a", ["href": "/audit?page=\(page + 1)"]) { "下一页" } }
                }
            }
        })
    }

    /// One record's history (a person, a ledger row) as a card: sequence, Beijing time, who, what.
    static func history(_ records: [AuditRecord], action: (AuditEntry) -> String) -> HTML {
        HTML.tag("div", ["class": "card"]) {
            HTML.tag("table", ["class": "grid"]) {
                HTML.tag("tr") { for h in ["序号", "时间（北京时间）", "操作人", "操作", "内容"] { HTML.tag("th") { h } } }
                for record in records {
                    HTML.tag("tr") {
                        HTML.tag("td", ["class": "num"]) { "\(record.seq)" }
                        HTML.tag("td", ["class": "nowrap"]) { beijing(record.at) }
                        HTML.tag("td") { record.entry.actor }
                        HTML.tag("td") { action(record.entry) }
                        HTML.tag("td") { record.entry.detail }
                    }
                }
            }
        }
    }

    /// Storage is UTC; display is Asia/Shanghai.
    static func beijing(_ iso: String) -> String {
        guard let date = ISO8601DateFormatter().date(from: iso) else { return iso }
        return Clock.shanghai(date, format: "yyyy-MM-dd HH:mm:ss")
    }
}
