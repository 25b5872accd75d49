import Enforcement
import Foundation

extension AnnualReport {
    /// The notes printed at the end of the report: how each figure is counted, and why figures of two sections
    /// may differ. Written from the figures, so a note never contradicts a table.
    public var notes: [Label] {
        var notes = [Self.rateDefinition]
        notes.append(Label(
            zh: "各分类（来源、行业、单位、程序、阶段）均按受理年度计，合计等于受理案件数；案件来源为案源登记的来源，"
                + "未登记案源直接立案的，为立案时填写的来源；当场处罚（简易程序）案件的来源为检查发现；"
                + "“未记录”只含立案须填写来源之前直接立案、未记录来源的案件，没有此类案件时不列",
            en: "Every breakdown (source, sector, agency, procedure, stage) counts the cases accepted in the year and sums to "
                + "the cases accepted; a case's source is its lead's, or for a case filed without a lead the source given "
                + "when it was filed; on-the-spot (summary) cases are found in inspection; \"not recorded\" holds only "
                + "cases filed without a lead before the filing had to name its source, and is left out when there are none"))
        let seized = value("seizures"), fines = value("fines_imposed_yuan")
        let linkedSeized = joint("vehicles_seized", .caseRegister), linkedFines = joint("fines_imposed_yuan", .caseRegister)
        let partnerSeized = joint("vehicles_seized", .partnerReturn), partnerFines = joint("fines_imposed_yuan", .partnerReturn)
        notes.append(Label(
            zh: "联合执法一节按来源分列，不同来源不相加。“\(OutcomeSource.caseRegister.labelZh)”是本局关联到集中整治的案件，"
                + "已计入“行政执法”一节（扣押车辆 \(f(linkedSeized)) 辆、罚款 \(f(linkedFines)) 元，含在本局全年扣押 \(f(seized)) 辆、"
                + "罚款 \(f(fines)) 元之内）；“\(OutcomeSource.partnerReturn.labelZh)”是协作单位自办案件（扣押 \(f(partnerSeized)) 辆、"
                + "罚款 \(f(partnerFines)) 元），不计入本局“行政执法”一节",
            en: "Joint operations show each source apart and never add them up. The bureau's linked cases are part of the "
                + "Enforcement section (\(f(linkedSeized)) vehicles seized and \(f(linkedFines)) yuan fined, within the bureau's "
                + "\(f(seized)) and \(f(fines)) for the year); partners' returns are their own cases (\(f(partnerSeized)) seized, "
                + "\(f(partnerFines)) yuan) and are not in the Enforcement section"))
        notes.append(Label(
            zh: "“合计（不重复计）”：案件类数字为本局关联案件与协作单位自办案件之和（二者不重叠）；现场类数字以现场记录为准，"
                + "协作单位报送了本单位数字的，以其报送数代替牵头单位为其填报的数，不重复计算",
            en: "\"Counted once\": case figures add the bureau's linked cases and the partners' own cases (they never "
                + "overlap); field figures are the session tallies, where a partner returned its own figure it stands in "
                + "for what the lead typed for it, never counted twice"))
        let fieldLeaflets = joint("leaflets", .sessionTally), outreachLeaflets = value("outreach_leaflets")
        notes.append(Label(
            zh: "联合执法现场发放宣传单 \(f(fieldLeaflets)) 份，与普法宣传活动发放的 \(f(outreachLeaflets)) 份分别统计，不相加",
            en: "Leaflets handed out in joint-operation sessions (\(f(fieldLeaflets))) and at publicity activities "
                + "(\(f(outreachLeaflets))) are counted apart, never added"))
        notes.append(Label(
            zh: "依法不予公开的决定（未成年人、涉及国家秘密等）不公示，其公示期限既非按期也非逾期，不计入按期公示率；"
                + "适用程序按已立案（含当场处罚）案件计，未立案的线索单列；专项整治自查问题的销号情况只计该批问题",
            en: "A decision the law forbids publishing (minors, state secrets, …) is not published: its publication deadline is "
                + "neither on time nor late and is left out of the publication rate; procedure counts cases filed (or decided "
                + "on the spot), leads never filed in their own row; the close-outs of the self-examination's problems count "
                + "those problems only"))
        notes.append(Label(zh: "金额单位为元；比例保留一位小数", en: "Amounts are in yuan; rates have one decimal"))
        return notes
    }

    /// A joint figure of one source, 0 when the source has none.
    func joint(_ key: String, _ source: OutcomeSource) -> Double {
        jointFigures.first { $0.key == key }?.bySource[source] ?? 0
    }

    private func f(_ value: Double) -> String { SVGChart.format(value) }
}
