/// A petition (信访) as received: when, by which agency, about what.
public struct Petition: Codable, Sendable, Equatable {
    /// The day it was first received (a long-standing petition is recorded with its first receipt).
    public var receivedOn: LocalDate
    /// Code of the agency handling it: one of its officers records each step.
    public var agency: String
    /// What it is about (Chinese); no petitioner's name is kept.
    public var subjectZh: String

    public init(receivedOn: LocalDate, agency: String, subjectZh: String) {
        self.receivedOn = receivedOn
        self.agency = agency
        self.subjectZh = subjectZh
    }
}

/// What can be asked of a petition: receive it, then resolve it (化解).
public enum PetitionCommand: Sendable, Equatable {
    case receive(petitionId: String, Petition)
    /// Records how it was resolved, on `resolvedOn` (on or after its receipt, not in the future).
    case resolve(resolvedOn: LocalDate, outcomeZh: String)

    /// The step this command takes, as rejections name it.
    public var action: PetitionAction {
        switch self {
        case .receive: .receive
        case .resolve: .resolve
        }
    }
}
