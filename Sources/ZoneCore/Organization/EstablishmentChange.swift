/// One line of a unit's 编制台账: a quota set, changed or withdrawn, with the approval behind it.
/// `old` nil is a quota newly set, `new` nil one withdrawn.
public struct EstablishmentChange: Hashable, Sendable {
    public let id: Int64
    public let unitID: Int64
    public let item: QuotaItem
    public let old: Int?
    public let new: Int?
    public let approval: ChangeApproval
    public let actor: String
    /// UTC ISO timestamp of the write.
    public let at: String

    public init(id: Int64, unitID: Int64, item: QuotaItem, old: Int?, new: Int?, approval: ChangeApproval, actor: String, at: String) {
        self.id = id
        self.unitID = unitID
        self.item = item
        self.old = old
        self.new = new
        self.approval = approval
        self.actor = actor
        self.at = at
    }
}

/// What authorises a quota change: 批准文号, 批准时间 and 变动摘要.
public struct ChangeApproval: Hashable, Sendable {
    public let documentNo: String
    public let approvedOn: CivilDate?
    public let summary: String

    public static let maxDocumentNo = 100
    public static let maxSummary = 200

    public init(documentNo: String, approvedOn: CivilDate?, summary: String) {
        self.documentNo = documentNo
        self.approvedOn = approvedOn
        self.summary = summary
    }

    /// The unit page's fields: 批准文号 required, 批准时间 optional (a date), 变动摘要 optional; every problem by field.
    public static func validate(documentNo: String, approvedOn: String, summary: String) -> Result<ChangeApproval, FieldErrors> {
        var errors = FieldErrors()
        let doc = documentNo.trimmingWhitespace(), text = summary.trimmingWhitespace(), date = approvedOn.trimmingWhitespace()
        if doc.isEmpty { errors.add("documentNo", "批准文号必填") }
        if doc.count > maxDocumentNo { errors.add("documentNo", "批准文号不超过\(maxDocumentNo)字") }
        if text.count > maxSummary { errors.add("summary", "变动摘要不超过\(maxSummary)字") }
        let day = date.isEmpty ? nil : errors.capture("approvedOn") { () throws(ValidationError) in try CivilDate(parsing: date) }
        guard errors.isEmpty else { return .failure(errors) }
        return .success(ChangeApproval(documentNo: doc, approvedOn: day, summary: text))
    }
}
