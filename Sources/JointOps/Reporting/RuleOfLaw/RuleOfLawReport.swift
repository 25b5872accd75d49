import Foundation

/// The bureau's annual rule-of-law report (法治政府建设年度报告) in its own structure: 一、主要工作情况 in
/// four parts, 二、存在的问题和不足 from the rectification items the inspection and the case-file audits
/// raised, 三、下一步工作打算 as recorded (`jointops report plan`), and the bilingual statistics as an
/// appendix. Every figure is a count of recorded events, printed exactly.
public struct RuleOfLawReport: Sendable {
    /// A problem of section 二: a rectification item of the inspection (巡察) or a case-file audit (案卷评查).
    public struct Problem: Sendable, Equatable {
        public var id: String
        public var originZh: String
        public var description: String
        public var raisedOn: String
        /// 已销号 (closed out on that day) or where it stands.
        public var standing: String
    }

    /// A service commitment the report quotes (e.g. licensing approval cut from 20 to 7 working days).
    public struct Commitment: Sendable, Equatable {
        public var service: String
        public var previousWorkingDays: Int?
        public var workingDays: Int
    }

    /// The statistics of the year (the appendix) with the records the text tells.
    public var statistics: AnnualReport
    var records: YearRecords { statistics.records ?? YearRecords(figures: [:], campaigns: [], channels: [], commitments: [],
                                                                    problems: [], plan: nil) }
    var bureau: String { statistics.bureau ?? "本局" }
    var year: Int { statistics.year }
    var campaigns: [String] { records.campaigns }
    var channels: [String] { records.channels }
    var commitments: [Commitment] { records.commitments }
    var problems: [Problem] { records.problems }
    var plan: String? { records.plan }

    public init(statistics: AnnualReport) {
        self.statistics = statistics
    }

    public var title: String { "\(bureau)\(year)年法治政府建设报告" }

    /// The count recorded for `key` (a statistic or a record), printed exactly ("23", never "20余").
    func n(_ key: String) -> String {
        String(Int((records.figures[key] ?? statistics.value(key)).rounded()))
    }

    /// The whole report, in print order: the text, then the statistics one heading level down.
    public var blocks: [AnnualReport.Block] {
        var blocks: [AnnualReport.Block] = [
            .heading(level: 1, text: title),
            .bullets(statistics.headerLines.map { "\($0.label.zh) \($0.label.en)：\($0.value)" }),
        ]
        if let warning = statistics.emptyWarning { blocks.append(.warning("注意 Warning: \(warning)")) }
        blocks.append(.paragraph("现将\(bureau)\(year)年法治政府建设工作情况报告如下。本报告各项数字均由执法协同系统（JointOps）事件日志统计得出。"))
        blocks.append(.heading(level: 2, text: "一、主要工作情况"))
        for (heading, text) in [("（一）加强组织领导，重视依法执政工作", leadership()),
                                ("（二）强化法治思维，提高依法行政水平", lawBasedThinking()),
                                ("（三）深入开展专项整治，自觉接受监督", specialCampaign()),
                                ("（四）强化政策宣传", publicity())] {
            blocks += [.heading(level: 3, text: heading), .paragraph(text)]
        }
        blocks.append(.heading(level: 2, text: "二、存在的问题和不足"))
        blocks += problemBlocks()
        blocks.append(.heading(level: 2, text: "三、下一步工作打算"))
        blocks += planBlocks()
        blocks.append(.heading(level: 2, text: "附：法治政府建设统计表 · Appendix: rule-of-law statistics"))
        for block in statistics.blocks.dropFirst(2) {
            switch block {
            case let .heading(level, text): blocks.append(.heading(level: level + 1, text: text))
            case .warning: continue
            default: blocks.append(block)
            }
        }
        return blocks
    }

    public func markdown() -> String { AnnualReport.markdown(of: blocks) }
    public func html() -> String { AnnualReport.html(of: blocks, title: title, charts: statistics.charts()) }
    /// The report as a .docx for WPS and Word: built from the Markdown, so both say the same.
    public func docx() -> Data { WordDocument(markdown: markdown()).data() }

    func leadership() -> String {
        "全年召开\(n("party_meetings"))次党组会研究部署法治建设。开展案卷评查\(n("case_file_audits"))次，"
            + "评查案卷\(n("case_files_audited"))卷，发现问题\(n("audit_findings"))个；组织企业学法\(n("enterprise_studies"))次。"
            + "落实法律顾问制度，法律顾问依法审核\(n("counsel_reviews_project"))个重大项目、\(n("counsel_reviews_agreement"))个合同协议、"
            + "\(n("counsel_reviews_normativeDocument"))件规范性文件和\(n("counsel_reviews_case"))个案件；"
            + "化解多年来未化解的信访案件\(n("petitions_resolved_long_standing"))起（全年化解信访\(n("petitions_resolved"))起）。"
    }

    func lawBasedThinking() -> String {
        var text = "局领导班子集体学法\(n("collective_studies"))次，全体干部学法\(n("staff_studies"))次"
        text += campaigns.isEmpty ? "。" : "，组织开展\(campaigns.map { "“\($0)”" }.joined(separator: "、"))等活动。"
        text += "将\(n("handbook_items"))个法律法规汇编成册；邀请专业人员培训授课\(n("lectures"))次，"
            + "到兄弟县市及市直行业部门学习\(n("study_visits"))次，外出学习\(n("outside_studies"))次共计"
            + "\(n("outside_study_person_times"))人次，开展传学述训\(n("relay_trainings"))次。"
        return text
    }

    func specialCampaign() -> String {
        var text = "结合专项整治自查，梳理汇总形成问题\(n("rectification_problems"))条，提出整改意见\(n("rectification_opinions"))条。"
            + "联合相关执法部门开展联合执法行动\(n("joint_operations"))次，依法受理行政案件\(n("cases_accepted"))起，"
            + "查处未取得道路客运经营许可擅自从事经营的“黑车”案\(n("cases_black_car"))起。"
            + "设置\(n("legal_reviewers"))名法制审核员，将\(n("files_published"))卷案件公示在政府网站。"
        for commitment in commitments {
            if let previous = commitment.previousWorkingDays {
                text += "\(commitment.service)审核时间由\(previous)个工作日压缩至\(commitment.workingDays)个工作日。"
            } else {
                text += "\(commitment.service)承诺\(commitment.workingDays)个工作日内办结。"
            }
        }
        return text
    }

    func publicity() -> String {
        var text = channels.isEmpty ? "" : "利用\(channels.joined(separator: "、"))等渠道宣传、普及行业法律法规。"
        if !campaigns.isEmpty { text += "开展\(campaigns.map { "“\($0)”" }.joined(separator: "、"))等主题宣传活动，" }
        return text + "发放宣传资料\(n("outreach_leaflets"))份。"
    }

    func problemBlocks() -> [AnnualReport.Block] {
        guard !problems.isEmpty else { return [.paragraph("本年度未登记巡察反馈或案卷评查发现的问题。")] }
        return [.paragraph("本年度巡察反馈和案卷评查发现问题\(problems.count)个，逐一建立整改台账：")]
            + problems.enumerated().map { index, problem in
                .paragraph("\(index + 1). （\(problem.originZh)，\(problem.raisedOn)）\(problem.description)——\(problem.standing)（\(problem.id)）")
            }
    }

    /// The recorded plan: its headings below this section's, its paragraphs as written.
    func planBlocks() -> [AnnualReport.Block] {
        guard let plan, !plan.isEmpty else {
            return [.paragraph("（尚未登记。登记方式：jointops report plan --year \(year) --file plan.md）")]
        }
        var blocks: [AnnualReport.Block] = []
        for paragraph in plan.components(separatedBy: "\n\n") {
            let text = paragraph.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { continue }
            if text.hasPrefix("#") {
                let lines = text.split(separator: "\n", maxSplits: 1).map(String.init)
                let heading = lines[0].drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
                // A plan that repeats the section's own heading does not print it twice.
                if !heading.contains("下一步工作打算") { blocks.append(.heading(level: 3, text: heading)) }
                if lines.count > 1 { blocks.append(.paragraph(lines[1].replacingOccurrences(of: "\n", with: ""))) }
            } else {
                blocks.append(.paragraph(text.replacingOccurrences(of: "\n", with: "")))
            }
        }
        return blocks
    }
}
