/// Why an act could not be linked to a joint operation's session, or a session's figures were refused.
/// Carried by `Rejection.jointOperation`.
public enum OperationRejection: Error, Equatable, Sendable {
    /// No operation has this id.
    case operationNotFound(String)
    /// The operation has no session of this name.
    case sessionNotFound(operationId: String, session: String, recorded: [String])
    /// The act's business date is not the session's day.
    case actNotOnSessionDate(date: LocalDate, operationId: String, sessionId: String, sessionDate: LocalDate)
    /// The acting agency has no tally in the session: it did not take part.
    case agencyNotInSession(agency: String, operationId: String, sessionId: String)
    /// A lead with source `jointOperation` must name its operation and session.
    case linkRequired
    /// A lead linked to an operation must have the source `jointOperation`.
    case linkNeedsJointOperationSource(LeadSource)
    /// Only leads, on-the-spot decisions and seizures link to a session (referrals link when sent).
    case linkNotAllowed(CaseAction)
    /// A session tally may no longer hold a case figure (cases, vehicles seized, fines, referrals).
    case caseFigureInTally(field: String, agency: String)
    /// A figure beyond what a county can reach (`FigureBounds`).
    case figureOutOfBounds(field: String, agency: String, value: Int, maximum: Int)
    /// The agency already returned its figures for this session.
    case returnAlreadyRecorded(agency: String, sessionId: String)
    /// A transport agency keeps its cases here: its results come from its linked cases, not a return.
    case returnFromBureau(String)
    /// The agency returned typed case figures for the session: a case of its own linked there would count twice.
    case caseFiguresReturned(agency: String, operationId: String, sessionId: String)
    /// The agency's own cases are linked to the session: a return typing case figures there would count them twice.
    case casesLinkedInSession(agency: String, operationId: String, sessionId: String)

    /// One sentence: what is wrong, then what to do, with next steps spelled by `render`.
    public func message(rendering render: (NextStep) -> String) -> String {
        switch self {
        case .operationNotFound(let id):
            "no operation has the id \(id): correct --op, or plan the operation first with \(render(.planOperation))"
        case let .sessionNotFound(id, session, recorded):
            "operation \(id) has no session \(session) (recorded: \(recorded.isEmpty ? "none" : recorded.joined(separator: ", "))): "
                + "correct --session, or record the session first (see \(render(.show(.operation, id: id))))"
        case let .actNotOnSessionDate(date, id, session, sessionDate):
            "the act is dated \(date) but session \(session) of \(id) was on \(sessionDate): "
                + "date it with --at \(sessionDate), or name the session of \(date)"
        case let .agencyNotInSession(agency, id, session):
            "\(agency) did not take part in session \(session) of \(id) (it has no tally there): "
                + "name a session it took part in (see \(render(.show(.operation, id: id)))), or leave out --op"
        case .linkRequired:
            "a lead from a joint operation names the operation and the session it came from: add --op and --session"
        case .linkNeedsJointOperationSource(let source):
            "a lead linked to an operation came from it, not from \(source.rawValue): "
                + "give --source jointOperation, or leave out --op and --session"
        case .linkNotAllowed(let action):
            "only a lead, an on-the-spot decision or a vehicle seizure links to an operation's session, not `\(action)`: "
                + "leave out --op and --session"
        case let .caseFigureInTally(field, agency):
            "\(field) of \(agency) is a case figure, and a session tally keeps only what belongs to no case: "
                + "link the bureau's leads, on-the-spot decisions and seizures to the session (--op, --session), "
                + "and let a partner agency record its return (`op record-return`)"
        case let .figureOutOfBounds(field, agency, value, maximum):
            "\(field) of \(agency) is \(value), beyond what one agency reaches in one session or activity (at most \(maximum)): correct the figure"
        case let .returnAlreadyRecorded(agency, session):
            "\(agency) already returned its figures for session \(session): nothing to record again"
        case let .caseFiguresReturned(agency, id, session):
            "\(agency) already returned its own case figures for session \(session) of \(id), so its cases there are "
                + "counted from that return: leave out --op and --session (the return is the figure to use)"
        case let .casesLinkedInSession(agency, id, session):
            "\(agency) has cases in JointOps linked to session \(session) of \(id), so its case figures there come from "
                + "them: record the return without --cases-filed, --vehicles-seized and --fines-yuan"
        case .returnFromBureau(let agency):
            "\(agency) keeps its cases in JointOps, so its results come from the cases linked to the session: "
                + "link them with --op and --session instead of a return"
        }
    }

    /// How the CLI reports it: bad figures and ids naming nothing are bad input (exit 2, like an unknown agency),
    /// everything else a refused rule (exit 3).
    public var category: RejectionCategory {
        switch self {
        case .figureOutOfBounds, .operationNotFound, .sessionNotFound: .invalidInput
        case .returnAlreadyRecorded, .actNotOnSessionDate, .agencyNotInSession, .linkRequired,
             .linkNeedsJointOperationSource, .linkNotAllowed, .caseFigureInTally, .returnFromBureau,
             .caseFiguresReturned, .casesLinkedInSession:
            .ruleRefused
        }
    }
}
