import ArgumentParser
import EventStore
import Foundation
import JointOps

/// The limits of `project status --check`: an option, else its environment variable, else the default.
struct ProjectHealthOptions: ParsableArguments {
    @Flag(help: """
        Health check: print one line and exit 3 when a limit below is passed (0 otherwise), e.g. for \
        docker-compose's healthcheck.
        """)
    var check = false

    @Option(name: .customLong("max-lag-events"), parsing: .unconditional,
            help: "Events a projection may have still to apply (env JOINTOPS_CHECK_MAX_LAG_EVENTS; default 10000).")
    var maxLagEvents: Int64?

    @Option(name: .customLong("max-lag-seconds"), parsing: .unconditional,
            help: "Age in seconds of the oldest event not yet applied (env JOINTOPS_CHECK_MAX_LAG_SECONDS; default 300).")
    var maxLagSeconds: Double?

    @Option(name: .customLong("max-held-back-seconds"), parsing: .unconditional, help: """
        Seconds committed events may wait behind a running transaction (env JOINTOPS_CHECK_MAX_HELD_BACK_SECONDS; \
        default 300).
        """)
    var maxHeldBackSeconds: Double?

    @Option(name: .customLong("max-quarantined"), parsing: .unconditional,
            help: "Quarantined streams allowed (env JOINTOPS_CHECK_MAX_QUARANTINED; default 0).")
    var maxQuarantined: Int?

    func validate() throws {
        let limits = [("--max-lag-events", maxLagEvents.map(Double.init)), ("--max-lag-seconds", maxLagSeconds),
                      ("--max-held-back-seconds", maxHeldBackSeconds), ("--max-quarantined", maxQuarantined.map(Double.init))]
        for (name, value) in limits {
            if let value, !(value >= 0 && value.isFinite) {
                throw ValidationError("\(name) must be 0 or more, e.g. \(name) 300")
            }
        }
        // A limit without the check would be read and ignored: whoever typed it expects it to be checked.
        if !check, let (name, _) = limits.first(where: { $0.1 != nil }) {
            throw ValidationError("\(name) is a limit of the health check: add --check, e.g. project status --check \(name) 300")
        }
    }

    /// - Throws: `UserFacingError` (usage) when an environment variable is not a number of 0 or more.
    func thresholds(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ProjectionHealth.Thresholds {
        func limit<T: LosslessStringConvertible & Comparable & ExpressibleByIntegerLiteral>(
            _ option: T?, _ variable: String, _ fallback: T) throws -> T {
            if let option { return option }
            guard let text = environment[variable], !text.isEmpty else { return fallback }
            guard let value = T(text), value >= 0 else {
                throw UserFacingError.usage("\(variable) `\(text)` is not a number of 0 or more: set it to e.g. \(fallback), or unset it")
            }
            return value
        }
        let defaults = ProjectionHealth.Thresholds()
        return ProjectionHealth.Thresholds(
            lagEvents: try limit(maxLagEvents, "JOINTOPS_CHECK_MAX_LAG_EVENTS", defaults.lagEvents),
            lagSeconds: try limit(maxLagSeconds, "JOINTOPS_CHECK_MAX_LAG_SECONDS", defaults.lagSeconds),
            heldBackSeconds: try limit(maxHeldBackSeconds, "JOINTOPS_CHECK_MAX_HELD_BACK_SECONDS", defaults.heldBackSeconds),
            quarantinedStreams: try limit(maxQuarantined, "JOINTOPS_CHECK_MAX_QUARANTINED", defaults.quarantinedStreams))
    }
}
