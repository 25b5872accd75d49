import CLibPQ
import Foundation

/// Every exchange with the server has a deadline (`Connection.deadline`).
///
/// libpq's blocking calls (`PQexec`, `PQconnectdb`) wait for ever on a server that accepted the connection
/// and never answers (a hung host, a SIGSTOPped backend). So the connection runs in non-blocking mode: a
/// statement is sent (`PQsend…`), flushed, and its results read with `PQconsumeInput`/`PQisBusy` while
/// `poll()` waits on the socket no longer than the time left. On expiry the statement is cancelled and
/// the connection dropped: its state (a half-read result, an open transaction) can no longer be trusted,
/// and the server rolls back whatever the dropped session had not committed.
extension Connection {
    /// Sends one request with `send` and reads all its results; returns the last one, as `PQexec` does
    /// (an error ends the server's processing, so an error result is the last one).
    func roundTrip(_ sql: String?, _ send: () -> Int32) throws(PostgresError) -> OpaquePointer? {
        let expiry = try beginRoundTrip()
        guard send() == 1 else { throw failure(sql: sql) }
        try flush(until: expiry, sql: sql)
        var last: OpaquePointer?
        while true {
            try awaitResult(until: expiry, sql: sql)
            guard let result = PQgetResult(handle) else { break }
            if let last { PQclear(last) }
            last = result
            let status = PQresultStatus(result)
            if status == PGRES_COPY_IN || status == PGRES_COPY_OUT || status == PGRES_COPY_BOTH
                || PQstatus(handle) == CONNECTION_BAD { break }
        }
        return last
    }

    /// Refuses a connection dropped after a timeout; the moment the current round trip must end by.
    func beginRoundTrip() throws(PostgresError) -> ContinuousClock.Instant? {
        if let dropped { throw dropped }
        return deadline.map { ContinuousClock.now.advanced(by: $0) }
    }

    /// Sends what libpq has queued (non-blocking sends may leave some), reading meanwhile so a server
    /// that answers while we still send never waits on us.
    func flush(until expiry: ContinuousClock.Instant?, sql: String?) throws(PostgresError) {
        while true {
            switch PQflush(handle) {
            case 0: return
            case 1:
                try waitForSocket(Int16(POLLOUT | POLLIN), until: expiry, sql: sql)
                if PQconsumeInput(handle) == 0 { throw failure(sql: sql) }
            default: throw failure(sql: sql)
            }
        }
    }

    /// Waits until `PQgetResult` will not block: a whole result has arrived, or the connection broke
    /// (then `PQgetResult` returns the error without waiting).
    func awaitResult(until expiry: ContinuousClock.Instant?, sql: String?) throws(PostgresError) {
        while PQisBusy(handle) == 1 {
            try waitForSocket(Int16(POLLIN), until: expiry, sql: sql)
            if PQconsumeInput(handle) == 0 { return }
        }
    }

    /// Waits for the socket to be ready for `events`; at `expiry`, cancels and drops the connection. When
    /// `Connection.interruption` is bound (`project run`), it is looked at every `interruptionCheck`, so a stop
    /// request ends a statement a frozen server never answers, which has no deadline there.
    private func waitForSocket(_ events: Int16, until expiry: ContinuousClock.Instant?, sql: String?) throws(PostgresError) {
        let interruption = Self.interruption
        while true {
            var slice = expiry
            if interruption != nil {
                let next = ContinuousClock.now.advanced(by: Self.interruptionCheck)
                slice = expiry.map { min($0, next) } ?? next
            }
            switch Self.waitForSocket(PQsocket(handle), events, until: slice) {
            case .ready: return
            case .failed(let code): throw clientError("waiting for the server failed: \(String(cString: strerror(code)))", sql: sql)
            case .expired:
                if let expiry, ContinuousClock.now >= expiry {
                    let error = PostgresError.timedOut(target: target, after: deadline ?? .zero, connecting: false, sql: sql)
                    drop(because: error)
                    throw error
                }
                if let interruption, interruption() {
                    let error = PostgresError(kind: .interrupted, message: "a statement on PostgreSQL at \(target) was interrupted",
                                              target: target)
                    drop(because: error)
                    throw error
                }
            }
        }
    }

    /// Asks the server to stop the statement (on a connection of its own, waited for a short while only:
    /// a stopped postmaster never answers it either), then shuts the socket so nothing more is read.
    private func drop(because error: PostgresError) {
        dropped = error
        if let cancel = PQgetCancel(handle) {
            let request = CancelRequest(cancel)
            let done = DispatchSemaphore(value: 0)
            Thread.detachNewThread {
                request.send()
                done.signal()
            }
            _ = done.wait(timeout: .now() + Self.cancelPatience)
        }
        shutdown(PQsocket(handle), Int32(SHUT_RDWR))
    }

    /// How long a timed-out statement's cancel request may take before the connection is dropped anyway.
    static let cancelPatience = DispatchTimeInterval.seconds(2)

    enum SocketWait { case ready, expired, failed(Int32) }

    /// `poll()` on `socket` until it is ready for `events` or `expiry` passes; retried after signals.
    static func waitForSocket(_ socket: Int32, _ events: Int16, until expiry: ContinuousClock.Instant?) -> SocketWait {
        // No socket: libpq has already failed the connection and says why on the next call.
        guard socket >= 0 else { return .ready }
        var descriptor = pollfd(fd: socket, events: events, revents: 0)
        while true {
            var millis: Int32 = -1
            if let expiry {
                let left = ContinuousClock.now.duration(to: expiry)
                if left <= .zero { return .expired }
                millis = Int32(clamping: left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000 + 1)
            }
            let ready = poll(&descriptor, 1, millis)
            if ready > 0 { return .ready }
            if ready < 0 && errno != EINTR { return .failed(errno) }
        }
    }

    /// The error libpq reports for a call that failed outside a result (a broken connection among them).
    func failure(sql: String?) -> PostgresError {
        clientError(String(cString: PQerrorMessage(handle)), sql: sql)
    }
}

/// A `PGcancel` handed to the thread that sends it, which frees it (the waiting side may give up first).
private final class CancelRequest: @unchecked Sendable {
    private let cancel: OpaquePointer

    init(_ cancel: OpaquePointer) { self.cancel = cancel }

    func send() {
        var message = [CChar](repeating: 0, count: 256)
        _ = PQcancel(cancel, &message, Int32(message.count))
        PQfreeCancel(cancel)
    }
}

extension PostgresError {
    /// The server did not answer within `after`: while connecting, or while running `sql`.
    static func timedOut(target: String, after deadline: Duration, connecting: Bool, sql: String?) -> PostgresError {
        let what = connecting ? "did not accept the connection within \(seconds(deadline))"
            : "did not answer within \(seconds(deadline)); the statement was cancelled and the connection closed"
        var error = PostgresError(kind: .timedOut, message: "PostgreSQL at \(target) \(what)", sql: sql, target: target)
        error.deadline = deadline
        error.duringConnect = connecting
        return error
    }

    /// "30 s", "0.5 s".
    public static func seconds(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return value == value.rounded() ? "\(Int(value)) s" : String(format: "%g s", value)
    }
}
