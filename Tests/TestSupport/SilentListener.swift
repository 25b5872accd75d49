import Foundation

/// A TCP server on 127.0.0.1 that accepts every connection and never says a word: what a hung host, or a
/// proxy whose database is gone, looks like to a client.
public final class SilentListener: @unchecked Sendable {
    public let port: Int
    private let socket: Int32
    private let accepted = Locked<[Int32]>([])

    /// Listens on a port the system chooses and accepts on a thread of its own until `close()`.
    public init() throws {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bind(socket, address, length) == 0 && listen(socket, 16) == 0 && getsockname(socket, address, &length) == 0
            }
        }
        guard socket >= 0, bound else { throw SilentListenerError(errno: errno) }
        self.socket = socket
        port = Int(UInt16(bigEndian: address.sin_port))
        let listening = socket, accepted = accepted
        Thread.detachNewThread {
            while true {
                let client = accept(listening, nil, nil)
                guard client >= 0 else { return }  // closed
                accepted.withLock { $0.append(client) }
            }
        }
    }

    /// How many connections it accepted.
    public var acceptedCount: Int { accepted.current.count }

    /// A libpq connection string for it.
    public var conninfo: String { "host=127.0.0.1 port=\(port) dbname=jointops user=jointops" }

    public func close() {
        shutdown(socket, Int32(SHUT_RDWR))
        Glibc.close(socket)
        accepted.withLock { $0.forEach { _ = Glibc.close($0) } }
    }
}

public struct SilentListenerError: Error, CustomStringConvertible {
    public let errno: Int32
    public var description: String { "cannot listen on 127.0.0.1: \(String(cString: strerror(errno)))" }
}
