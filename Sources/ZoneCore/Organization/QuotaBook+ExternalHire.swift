extension QuotaBook {
    /// The staff kind someone hired from outside (社会招聘) takes in a unit: a 员额 place where the
    /// unit (or the ancestor that holds its quotas) manages headcount by 员额, as 法定机构 such as
    /// 成都芯谷 do; 编外 elsewhere, because 编制 is entered by examination (考录), not by hiring.
    public func externalHireCategory(in unitID: Int64) -> StaffCategory {
        holder(of: unitID, .postCap) != nil ? .postCap : .contract
    }
}
