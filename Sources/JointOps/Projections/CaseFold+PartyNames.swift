import Enforcement
import Foundation

/// The names recorded on a case, for masking them in every free-text column of every view
/// (`ReportingViews.maskTextColumns`): an individual party's name is personal data wherever an officer
/// typed it, in this case or in another stream (a referral's subject, an operation's notes, …).
extension CaseFold {
    /// A row of `case_party_names`. `head` (the name's first two characters) is what the views look a
    /// name up by: a cell is searched only for the names whose head is one of its character pairs.
    struct PartyNameRow: Codable {
        let streamId: String
        let name: String
        let head: String
    }

    /// The rows of `case_party_names` for this case.
    var partyNameRows: [PartyNameRow] {
        partyNames.map { PartyNameRow(streamId: streamId, name: $0, head: String($0.prefix(2))) }
    }

    /// Records the current party's name if it is an individual's not seen yet. One character is no name
    /// to search free text for (it would mask that character everywhere).
    mutating func notePartyName() {
        guard let party = state.party, party.kind == .individual else { return }
        let name = party.nameZh.trimmingCharacters(in: .whitespacesAndNewlines)
        guard name.count >= 2, !partyNames.contains(name) else { return }
        partyNames.append(name)
    }
}
