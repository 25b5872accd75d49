import CLibPQ

extension Connection {
    /// Stops libpq printing the server's notices to stderr, its default. A process that outlives a server
    /// restart would otherwise print "WARNING:  terminating connection due to immediate shutdown command"
    /// between its own log lines; the error the next statement raises says the same in one line.
    public func discardNotices() {
        PQsetNoticeProcessor(handle, { _, _ in }, nil)
    }
}
