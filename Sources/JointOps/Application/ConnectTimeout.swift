import Foundation

/// How long the command line waits for the server to accept a connection: 30 seconds unless
/// `JOINTOPS_CONNECT_TIMEOUT` says otherwise.
///
/// Separate from the statement deadline (`StatementTimeout`), and kept by every command, those without a
/// statement deadline too: `project run` must notice a server that accepts the socket and never answers
/// (a hung host, a SIGSTOPped postmaster) and try again, instead of waiting on it for ever.
public enum ConnectTimeout {
    public static let variable = "JOINTOPS_CONNECT_TIMEOUT"
    public static let standard: Duration = .seconds(30)

    /// The connect limit of the command being run.
    @TaskLocal public static var current: Duration = fromEnvironment()

    /// The limit `JOINTOPS_CONNECT_TIMEOUT` sets, the standard one when it is unset or empty.
    ///
    /// - Throws: `UserFacingError` (usage) naming the variable when its value is not a whole number of
    ///   seconds from 1 to 86400, written in digits alone.
    public static func configured(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(UserFacingError) -> Duration {
        try TimeoutVariable.seconds(variable, in: environment, standard: standard)
    }

    static func fromEnvironment() -> Duration { (try? configured()) ?? standard }
}
