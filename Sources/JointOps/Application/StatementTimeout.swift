import Foundation

/// How long the command line waits for each statement's round trip.
///
/// 30 seconds unless `JOINTOPS_STATEMENT_TIMEOUT` says otherwise. Work that is long by nature (following
/// the log, rebuilding, migrating, the demo, imports) runs without one: the command line binds `current`
/// to nil around it (`CommandLineTool`), and `Database` takes `current` when made. Connecting has a limit
/// of its own (`ConnectTimeout`).
public enum StatementTimeout {
    public static let variable = "JOINTOPS_STATEMENT_TIMEOUT"
    public static let standard: Duration = .seconds(30)

    /// The deadline of the command being run; nil for none.
    @TaskLocal public static var current: Duration? = fromEnvironment()

    /// The deadline `JOINTOPS_STATEMENT_TIMEOUT` sets, the standard one when it is unset or empty.
    ///
    /// - Throws: `UserFacingError` (usage) naming the variable when its value is not a whole number of
    ///   seconds from 1 to 86400, written in digits alone (no sign, space or unit).
    public static func configured(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(UserFacingError) -> Duration {
        try TimeoutVariable.seconds(variable, in: environment, standard: standard)
    }

    /// `configured()`, or the standard deadline when the variable is not valid (the command line has
    /// refused such a value before anything connects).
    static func fromEnvironment() -> Duration? { (try? configured()) ?? standard }
}

/// A limit in whole seconds read from an environment variable, parsed strictly.
enum TimeoutVariable {
    /// The longest value accepted: a day.
    static let longest = 86_400

    static func seconds(_ variable: String, in environment: [String: String], standard: Duration)
        throws(UserFacingError) -> Duration {
        guard let text = environment[variable], !text.isEmpty else { return standard }
        guard text.allSatisfy({ $0.isASCII && $0.isNumber }), let seconds = Int(text), (1...longest).contains(seconds) else {
            throw .usage("\(variable)=`\(text)` is not a number of seconds: set a whole number from 1 to \(longest) "
                         + "(the default is \(Int(standard.components.seconds))), or unset it")
        }
        return .seconds(seconds)
    }
}
