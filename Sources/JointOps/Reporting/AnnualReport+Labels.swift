import Enforcement
import Foundation

/// The bilingual labels the annual report prints for the codes it groups by: people read labels, never a code.
extension AnnualReport {
    /// A code's Chinese and English label.
    public struct Label: Sendable, Equatable {
        public let zh: String
        public let en: String
    }

    /// The row for figures whose code was never recorded (a case filed without a lead before filings named its
    /// source).
    public static let notRecorded = Label(zh: "未记录", en: "Not recorded")
    /// The row for a code this version of the report has no label for (a newer program's value).
    static let unknownCode = Label(zh: "其他", en: "Other")

    static func sourceLabel(_ code: String?) -> Label {
        guard let code else { return notRecorded }
        if code == CaseFold.importedSource {
            return Label(zh: CaseFold.importedSourceZh, en: "Imported from earlier records")
        }
        guard let source = LeadSource(rawValue: code) else { return unknownCode }
        let en: String = switch source {
        case .inspection: "Found in inspection"
        case .complaint: "Complaint or report"
        case .assignedBySuperior: "Assigned by a superior"
        case .reportedByLowerLevel: "Reported by a lower level"
        case .transferredByAgency: "Transferred by another agency"
        case .licensingWindow: "Licensing window"
        case .jointOperation: "Joint operation"
        case .other: "Other"
        }
        return Label(zh: source.labelZh, en: en)
    }

    static func sectorLabel(_ code: String?) -> Label {
        guard let code else { return notRecorded }
        guard let sector = Sector(rawValue: code) else { return unknownCode }
        let en: String = switch sector {
        case .blackCar: "Unlicensed passenger transport"
        case .taxi: "Cruising taxi"
        case .rideHailing: "Ride-hailing"
        case .drivingSchool: "Driving school"
        case .scheduledLine: "Scheduled coach line"
        case .keyVehicles: "Coaches, dangerous goods, heavy trucks"
        case .other: "Other"
        }
        return Label(zh: sector.labelZh, en: en)
    }

    static func stageLabel(_ code: String?) -> Label {
        guard let code else { return notRecorded }
        guard let status = CaseState.Status(rawValue: code) else { return unknownCode }
        let en: String = switch status {
        case .none: "None"
        case .leadReceived: "Lead received"
        case .filingDeclined: "Filing declined"
        case .investigating: "Under investigation"
        case .investigationConcluded: "Investigation concluded"
        case .decided: "Decided"
        case .served: "Decision served"
        case .referredToPolice: "Referred to the police"
        case .transferredOut: "Transferred to another agency"
        case .closed: "Closed"
        case .archived: "Archived"
        }
        return Label(zh: status.labelZh, en: en)
    }

    static func procedureLabel(_ code: String?) -> Label {
        guard let code else { return notRecorded }
        switch Procedure(rawValue: code) {
        case .ordinary: return Label(zh: Procedure.ordinary.labelZh, en: "Ordinary procedure")
        case .summary: return Label(zh: Procedure.summary.labelZh, en: "Summary procedure")
        case nil: return unknownCode
        }
    }

    static func outcomeSourceLabel(_ source: OutcomeSource) -> Label {
        let en: String = switch source {
        case .caseRegister: "Bureau's linked cases"
        case .partnerReturn: "Partners' own returns"
        case .sessionTally: "Session tallies (lead agency)"
        case .legacyTally: "Lead agency's old tallies"
        }
        return Label(zh: source.labelZh, en: en)
    }
}
