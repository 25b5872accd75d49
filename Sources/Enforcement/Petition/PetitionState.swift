/// Where a petition stands.
public struct PetitionState: Sendable, Equatable {
    public enum Status: String, Codable, Sendable, CaseIterable {
        case none, received, resolved
    }

    public internal(set) var petitionId: String?
    public internal(set) var status: Status = .none
    public internal(set) var petition: Petition?
    public internal(set) var resolvedOn: LocalDate?
    public internal(set) var outcomeZh: String?

    public init() {}

    /// Resolved in a later year than it was received (信访积案化解: "多年来未化解").
    public var isLongStanding: Bool {
        guard let resolvedOn, let petition else { return false }
        return resolvedOn.year > petition.receivedOn.year
    }

    /// The steps that make sense now.
    public var nextActions: [PetitionAction] {
        switch status {
        case .none: [.receive]
        case .received: [.resolve]
        case .resolved: []
        }
    }
}

extension PetitionState.Status: Labelled {
    public var labelZh: String {
        switch self {
        case .none: "无"
        case .received: "办理中"
        case .resolved: "已化解"
        }
    }
}
