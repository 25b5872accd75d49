import CLibPQ
import Foundation

/// A message sent with NOTIFY.
public struct Notification: Sendable, Equatable {
    public let channel: String
    public let payload: String
    public let senderPID: Int
}

/// LISTEN/NOTIFY.
extension Connection {
    /// Subscribes this connection to a channel.
    public func listen(_ channel: String) throws(PostgresError) {
        try run("LISTEN \(try quoteIdentifier(channel))")
    }

    public func unlisten(_ channel: String) throws(PostgresError) {
        try run("UNLISTEN \(try quoteIdentifier(channel))")
    }

    /// Sends a notification (delivered to listeners when the current transaction commits).
    public func notify(_ channel: String, payload: String = "") throws(PostgresError) {
        try execute("SELECT pg_notify($1, $2)", [channel, payload])
    }

    /// Waits until a notification arrives or `timeout` passes; nil on timeout.
    ///
    /// Returns at once with a notification that arrived earlier (during another statement).
    public func waitForNotification(timeout: Duration) throws(PostgresError) -> Notification? {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while true {
            if let notification = nextNotification() { return notification }
            let remaining = ContinuousClock.now.duration(to: deadline)
            if remaining <= .zero { return nil }
            let millis = Int32(clamping: remaining.components.seconds * 1000
                + remaining.components.attoseconds / 1_000_000_000_000_000 + 1)
            var descriptor = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, millis)
            if ready < 0 && errno != EINTR { throw clientError("waiting for a notification failed: errno \(errno)") }
            if ready > 0, PQconsumeInput(handle) == 0 {
                throw clientError(String(cString: PQerrorMessage(handle)))
            }
        }
    }

    private func nextNotification() -> Notification? {
        PQconsumeInput(handle)
        guard let raw = PQnotifies(handle) else { return nil }
        defer { PQfreemem(raw) }
        let n = raw.pointee
        return Notification(channel: String(cString: n.relname),
                            payload: n.extra.map { String(cString: $0) } ?? "",
                            senderPID: Int(n.be_pid))
    }
}
