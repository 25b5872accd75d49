import Enforcement
import JointOps

// A suggested command is complete: it carries every option its command requires, each with a placeholder in
// capitals for what the user fills in (try-out 5, defect 13: `case waive-hearing CASE` without its `--reason`).
// `NextStepSpellingTests` parses every suggestion and allows nothing missing.
extension StepSpelling {
    /// The command line that takes `action` on case `caseId`, with every option it requires.
    static func caseCommandLine(_ action: CaseAction, caseId: String) -> [String] {
        if action == .importCase { return ["case", verb(action), "FILE.csv"] }
        return ["case", verb(action), caseId] + requiredOptions(action)
    }

    /// The options `jointops case VERB` requires for `action`, with placeholders.
    static func requiredOptions(_ action: CaseAction) -> [String] {
        let team = ["--officer", "OFFICER-ID", "--officer", "OFFICER-ID"]
        let partyAct = ["--party-name", "NAME", "--party-id", "ID-NUMBER", "--act-date", "YYYY-MM-DD",
                        "--act-place", "PLACE", "--sector", "SECTOR", "--description", "TEXT"]
        switch action {
        case .receiveLead: return ["--agency", "AGENCY", "--source", "SOURCE", "--summary", "TEXT"]
        case .file: return ["--agency", "AGENCY", "--approver", "OFFICER-ID"] + partyAct
        case .declineFiling, .waiveHearing, .withdrawPublication: return ["--reason", "TEXT"]
        case .decideOnSpot: return ["--agency", "AGENCY", "--form", "NUMBER"] + team + partyAct + ["--basis", "BASIS"]
        case .assignOfficers: return team
        case .recordEvidence:
            return ["--kind", "KIND", "--description", "TEXT", "--media", "REFERENCE", "--sha256", "HASH"] + team
        case .preserveEvidence: return ["--items", "TEXT", "--approver", "OFFICER-ID"] + team
        case .resolvePreservedEvidence: return ["--outcome", "TEXT"]
        case .seizeVehicle: return ["--plate", "PLATE", "--approver", "OFFICER-ID", "--place", "PLACE"] + team
        case .extendSeizure: return ["--plate", "PLATE", "--days", "DAYS", "--approver", "OFFICER-ID"]
        case .releaseVehicle: return ["--plate", "PLATE", "--reason", "TEXT"]
        case .confiscateVehicle: return ["--plate", "PLATE"]
        case .concludeInvestigation: return ["--findings", "TEXT"]
        case .passLegalReview: return ["--reviewer", "OFFICER-ID", "--opinion", "TEXT"]
        case .returnLegalReview: return ["--reviewer", "OFFICER-ID", "--reason", "TEXT"]
        case .serveNotice: return ["--basis", "BASIS"]
        case .receiveStatement: return ["--summary", "TEXT"]
        case .scheduleHearing: return ["--date", "YYYY-MM-DD", "--chair", "OFFICER-ID", "--place", "PLACE"]
        case .holdHearing: return ["--record", "REFERENCE"]
        case .decidePenalty: return ["--basis", "BASIS", "--number", "NUMBER"]
        case .decideNoPenalty: return ["--reason", "REASON", "--number", "NUMBER"]
        case .referToPolice: return ["--police", "AGENCY", "--reason", "TEXT"]
        case .transferOut: return ["--to", "AGENCY", "--reason", "TEXT"]
        case .serveDecision: return ["--method", "METHOD"]
        case .publish: return ["--reference", "REFERENCE"]
        case .withholdPublication: return ["--reason", "REASON"]
        case .revokeDecision: return ["--by", "TEXT", "--reason", "TEXT"]
        case .receivePayment: return ["--amount", "YUAN", "--channel", "CHANNEL", "--receipt", "REFERENCE"]
        case .applyToCourt: return ["--court", "TEXT"]
        case .close: return ["--report", "TEXT"]
        case .archive: return ["--file", "REFERENCE"]
        case .correct: return ["--field", "FIELD", "--value", "VALUE", "--reason", "TEXT"]
        case .requestLegalReview, .waiveStatement, .requestHearing, .serveDemand, .fileOnSpotDecision, .importCase:
            return []
        }
    }
}
