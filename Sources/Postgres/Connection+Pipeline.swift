import CLibPQ

/// libpq pipeline mode: many statements in one network round trip.
extension Connection {
    /// Sends every statement at once and reads all results, in order.
    ///
    /// The statements run as one implicit transaction (one sync point): if one fails, none of them
    /// takes effect, and the first error is thrown. Used for coalesced projection writes and bulk loads.
    @discardableResult
    public func pipeline(_ statements: [(sql: String, parameters: [(any PostgresBindable)?])]) throws(PostgresError) -> [QueryResult] {
        if statements.isEmpty { return [] }
        return try pipeline(transactions: [statements])[0].get()
    }

    /// Sends several implicit transactions at once (a sync point after each) and reads every result.
    ///
    /// Each transaction commits or fails on its own: the outcome of each, in order. Throws only when
    /// the connection itself fails.
    public func pipeline(transactions: [[(sql: String, parameters: [(any PostgresBindable)?])]])
        throws(PostgresError) -> [Result<[QueryResult], PostgresError>] {
        let statements = transactions.flatMap { $0 }
        // Prepare outside the pipeline so each statement is parsed once per connection.
        let names = try statements.map { statement throws(PostgresError) in try preparedStatementName(statement.sql) }
        // The whole pipeline is one round trip: one deadline for sending it and reading every result.
        let expiry = try beginRoundTrip()
        guard PQenterPipelineMode(handle) == 1 else { throw clientError("cannot enter pipeline mode") }
        defer { PQexitPipelineMode(handle) }
        var index = 0
        for transaction in transactions {
            for statement in transaction {
                let sent = try withCStrings(statement.parameters.map { $0?.postgresText }) { values throws(PostgresError) in
                    PQsendQueryPrepared(handle, names[index], Int32(values.count), values, nil, nil, 0)
                }
                guard sent == 1 else { throw clientError(String(cString: PQerrorMessage(handle)), sql: statement.sql) }
                index += 1
            }
            guard PQpipelineSync(handle) == 1 else { throw clientError("cannot sync the pipeline") }
        }
        try flush(until: expiry, sql: nil)

        var outcomes: [Result<[QueryResult], PostgresError>] = []
        var results: [QueryResult] = []
        var firstError: PostgresError?
        index = 0
        // Each statement yields its result then a NULL; each sync point yields PGRES_PIPELINE_SYNC.
        var emptyInARow = 0
        while outcomes.count < transactions.count {
            try awaitResult(until: expiry, sql: nil)
            guard let result = PQgetResult(handle) else {
                // NULL ends one statement's results; on a broken connection it is all libpq will say.
                if PQstatus(handle) != CONNECTION_OK {
                    throw clientError("the connection broke during a pipeline: \(String(cString: PQerrorMessage(handle)))")
                }
                emptyInARow += 1
                if emptyInARow > 2 { throw clientError("the pipeline ended without its sync point") }
                continue
            }
            emptyInARow = 0
            let status = PQresultStatus(result)
            if status == PGRES_PIPELINE_SYNC {
                PQclear(result)
                outcomes.append(firstError.map { .failure($0) } ?? .success(results))
                results = []
                firstError = nil
                continue
            }
            if status == PGRES_PIPELINE_ABORTED {
                PQclear(result)
                index += 1
                try endOfResults(until: expiry)
                continue
            }
            let sql = index < statements.count ? statements[index].sql : ""
            do throws(PostgresError) {
                results.append(try check(result, sql: sql))
            } catch {
                if firstError == nil { firstError = error }
            }
            index += 1
            try endOfResults(until: expiry)
        }
        return outcomes
    }

    /// Reads the NULL that ends one statement's results.
    private func endOfResults(until expiry: ContinuousClock.Instant?) throws(PostgresError) {
        try awaitResult(until: expiry, sql: nil)
        if let extra = PQgetResult(handle) { PQclear(extra) }
    }
}
