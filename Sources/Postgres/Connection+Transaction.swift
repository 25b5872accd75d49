import CLibPQ

/// Explicit transactions.
extension Connection {
    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    ///
    /// Nested calls join the outer transaction.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        if inTransaction { return try body() }
        try run("BEGIN")
        inTransaction = true
        defer { inTransaction = false }
        do {
            let value = try body()
            try run("COMMIT")
            return value
        } catch {
            _ = try? run("ROLLBACK")
            throw error
        }
    }
}

extension Connection {
    /// Whether a transaction is open on this connection (from `transaction(_:)` or the server's view).
    public var isInTransaction: Bool {
        let status = PQtransactionStatus(handle)
        return inTransaction || status == PQTRANS_INTRANS || status == PQTRANS_INERROR
    }
}
