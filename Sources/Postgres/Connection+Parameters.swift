import CLibPQ

extension Connection {
    /// The host as libpq resolved it: a socket folder (`/var/run/postgresql`) or a host name.
    public var host: String { PQhost(handle).map { String(cString: $0) } ?? "" }
    /// The port, "5432" when libpq reports none.
    public var port: String { PQport(handle).map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "5432" }
    /// The database this connection opened.
    public var database: String { PQdb(handle).map { String(cString: $0) } ?? "" }
}
