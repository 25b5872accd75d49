import Enforcement

/// How the command line ends when something is refused or fails (DESIGN.md §5). There is no 1: every
/// failure is one of these four.
public enum ExitStatus: Int32, Sendable, Equatable {
    /// The command was mistyped or names something that does not exist: fix the command.
    case usage = 2
    /// A legal or business rule forbids it.
    case ruleRefused = 3
    /// It clashes with what is recorded: already done, wrong step, someone else was faster.
    case conflict = 4
    /// The database cannot be reached or cannot serve the request.
    case databaseUnavailable = 5
}

extension RejectionCategory {
    /// The exit status of a rejection of this category.
    public var exitStatus: ExitStatus {
        switch self {
        case .invalidInput: .usage
        case .ruleRefused: .ruleRefused
        case .conflict: .conflict
        }
    }
}
