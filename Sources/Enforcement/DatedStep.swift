/// A dated step of a procedure, named when one is dated before the step it must follow.
public enum DatedStep: String, Sendable, Equatable, CaseIterable {
    case act, notice, decision, service, publication, payment, hearingRequest, hearing, evidence, seizure
    case filing, closing

    /// The step in words, for messages: "the service of the decision".
    public var words: String {
        switch self {
        case .act: "the act"
        case .notice: "the pre-decision notice"
        case .decision: "the decision"
        case .service: "the service of the decision"
        case .publication: "the publication of the decision"
        case .payment: "the payment"
        case .hearingRequest: "the hearing request"
        case .hearing: "the hearing"
        case .evidence: "the evidence"
        case .seizure: "the seizure"
        case .filing: "the filing of the case"
        case .closing: "the closing of the case"
        }
    }
}

extension Rejection {
    /// Refuses `step` dated `date` when it comes before `earlier`, dated `earlierDate`; same day is in order.
    static func requireOrder(_ step: DatedStep, on date: LocalDate,
                             after earlier: DatedStep, on earlierDate: LocalDate?) throws(Rejection) {
        guard let earlierDate, date < earlierDate else { return }
        throw .datedBefore(step: step, on: date, earlier: earlier, earlierOn: earlierDate)
    }
}
