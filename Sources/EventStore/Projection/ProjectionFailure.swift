import Foundation
import Postgres

/// What an error while applying events says about the events (Schema/migrations/0011).
public enum ProjectionFailure: Equatable, Sendable {
    /// The event itself cannot be applied (SQLSTATE classes 22 and 23, an undecodable event): applying
    /// it again fails the same way, so its stream is quarantined and the others go on.
    case poison(sqlState: String, message: String)
    /// Says nothing about the event (a lost connection, a server shutting down or starting up, a
    /// serialization failure, a deadlock, no resources): the batch is retried, never quarantined.
    case transient
    /// Anything else (a bug, a missing privilege): thrown to the caller as before.
    case other

    public var isPoison: Bool { if case .poison = self { true } else { false } }

    /// SQLSTATE recorded for an event that cannot be decoded: class 22, data exception.
    public static let undecodableState = "22000"

    public init(_ error: any Error) {
        switch error {
        case let error as PostgresError:
            if error.kind == .decoding {
                self = .poison(sqlState: Self.undecodableState, message: error.message)
                return
            }
            // A result without SQLSTATE was made by libpq, not the server: the connection broke mid-statement
            // ("server closed the connection unexpectedly").
            if error.kind == .connectionFailed || error.kind == .client || (error.kind == .server && error.sqlState == nil) {
                self = .transient
                return
            }
            let state = error.sqlState?.code ?? ""
            if state.hasPrefix("22") || state.hasPrefix("23") {
                self = .poison(sqlState: state, message: error.message)
            } else if state.hasPrefix("08") || state.hasPrefix("57P") || state.hasPrefix("53")
                        || state == "40001" || state == "40P01" {
                self = .transient
            } else {
                self = .other
            }
        case let error as ProjectionError:
            if case .undecodableEvent = error {
                self = .poison(sqlState: Self.undecodableState, message: error.description)
            } else {
                self = .other
            }
        case let error as DecodingError:
            self = .poison(sqlState: Self.undecodableState, message: "cannot decode the event: \(error)")
        default:
            self = .other
        }
    }

    /// Whether the connection itself is gone (it failed, or the server ended the session: 08, 57P): no
    /// retry on it can succeed, only a new connection (`ProjectionSupervisor`).
    static func connectionLost(_ error: any Error) -> Bool {
        guard let error = error as? PostgresError else { return false }
        let state = error.sqlState?.code ?? ""
        return error.kind == .connectionFailed || error.kind == .client || (error.kind == .server && error.sqlState == nil)
            || state.hasPrefix("08") || state.hasPrefix("57P")
    }

    /// Runs `body`, retrying it after a transient failure a few times with a growing pause. A lost
    /// connection is thrown at once: it would fail the same way on every try.
    static func retryingTransient<T>(attempts: Int = 5, _ body: () throws -> T) throws -> T {
        var pause = 0.05
        for _ in 1..<attempts {
            do { return try body() } catch where ProjectionFailure(error) == .transient && !connectionLost(error) {
                Thread.sleep(forTimeInterval: Double.random(in: pause / 2...pause))
                pause = min(pause * 2, 1)
            }
        }
        return try body()
    }
}
