import Foundation

/// How long the command line waits for the database: connecting, and each statement's round trip.
///
/// 30 seconds unless `JOINTOPS_STATEMENT_TIMEOUT` says otherwise. Work that is long by nature (following
/// the log, rebuilding, migrating, the demo, imports) runs without one: the command line binds `current`
/// to nil around it (`CommandLineTool`), and `Database` takes `current` when made.
public enum StatementTimeout {
    public static let variable = "JOINTOPS_STATEMENT_TIMEOUT"
    public static let standard: Duration = .seconds(30)
    /// The longest value accepted: a day.
    static let longest = 86_400

    /// The deadline of the command being run; nil for none.
    @TaskLocal public static var current: Duration? = fromEnvironment()

    /// The deadline `JOINTOPS_STATEMENT_TIMEOUT` sets, the standard one when it is unset.
    ///
    /// - Throws: `UserFacingError` (usage) naming the variable when its value is no whole number of seconds
    ///   from 1 to 86400.
    public static func configured(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(UserFacingError) -> Duration {
        guard let text = environment[variable]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return standard }
        guard text.allSatisfy(\.isASCII), let seconds = Int(text), (1...longest).contains(seconds) else {
            throw .usage("\(variable)=`\(text)` is not a number of seconds: set a whole number from 1 to \(longest) "
                         + "(the default is \(Int(standard.components.seconds))), or unset it")
        }
        return .seconds(seconds)
    }

    /// `configured()`, or the standard deadline when the variable is not valid (the command line has
    /// refused such a value before anything connects).
    static func fromEnvironment() -> Duration? { (try? configured()) ?? standard }
}
