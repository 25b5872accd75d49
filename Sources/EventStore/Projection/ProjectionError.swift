/// Why a projection could not go on.
public enum ProjectionError: Error, CustomStringConvertible, Equatable {
    case unknownProjection(String, known: [String])
    case undecodableEvent(stream: String, version: Int64, type: String, reason: String)
    case alreadyRebuilding(String)
    case alreadyRunning

    public var description: String {
        switch self {
        case let .unknownProjection(name, known):
            return "there is no projection named \(name); choose one of: \(known.joined(separator: ", "))"
        case let .undecodableEvent(stream, version, type, reason):
            return "event \(type) at \(stream)@\(version) cannot be read (\(reason)); upgrade jointops or add an upcaster"
        case let .alreadyRebuilding(name):
            return "projection \(name) is already being rebuilt by another process; wait for it to finish"
        case .alreadyRunning:
            return "another projector is already following the log on this database; stop it first"
        }
    }
}

