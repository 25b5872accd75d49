import Enforcement
import Foundation

extension CommandHandler {
    /// Holds who records `command` against who it says acts (`Decider.actingClaim`, DESIGN.md §9): a named
    /// duty holder records his own act, and an act for an agency is recorded as one of its officers. An
    /// administrator's `--on-behalf-of` form counts as the named officer's own act, so it passes for that officer
    /// only. Checked on the state the command is decided on, before the rules: an act in someone else's name is
    /// refused whatever else is wrong with it. A named id that is no officer (or agency) is left to the decider, which
    /// says so.
    ///
    /// - Throws: `ApplicationError.actingRefused`, or `.unboundLogin` when an act that names who acts has no officer.
    func authorise(_ command: D.Command, state: D.State, actor: RecordedActor, reference: ReferenceData) throws {
        let claim = D.actingClaim(for: command, state: state)
        if case .officer(let named, _) = claim, reference.officers[named] == nil { return }
        if case .agency(let code) = claim, reference.agencies[code] == nil { return }
        guard claim != .anyone else { return }
        guard let officer = actor.officer else { throw ApplicationError.unboundLogin(actor.login) }
        let agency = reference.officers[officer]?.agencyCode
        if let refusal = claim.refusal(recordedAs: officer, agency: agency) {
            throw ApplicationError.actingRefused(refusal)
        }
    }
}
