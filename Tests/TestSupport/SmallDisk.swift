import Foundation

/// A tmpfs of one megabyte for a tablespace, to fill to the last page: a full disk without filling the
/// machine's. Mounting needs root; the test fails saying so otherwise.
public struct SmallDisk: Sendable {
    public let path: String

    public init(at path: String) throws {
        guard getuid() == 0 else { throw ThrowawayCluster.ClusterError(output: "mounting a small tmpfs needs root") }
        self.path = path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        // The server runs as `postgres` and must own the tablespace's folder.
        guard let owner = getpwnam("postgres") else { throw ThrowawayCluster.ClusterError(output: "no `postgres` OS user") }
        try ThrowawayCluster.run("/bin/mount", ["-t", "tmpfs", "-o", "size=1m,mode=0700,uid=\(owner.pointee.pw_uid),"
                                                + "gid=\(owner.pointee.pw_gid)", "tmpfs", path])
    }

    /// Writes a file until the disk has no page left.
    public func fill() throws {
        let descriptor = open(path + "/filler", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { throw ThrowawayCluster.ClusterError(output: "cannot create \(path)/filler") }
        defer { close(descriptor) }
        let page = [UInt8](repeating: 0x4A, count: 4096)
        while write(descriptor, page, page.count) >= 0 {}
        guard errno == ENOSPC else { throw ThrowawayCluster.ClusterError(output: "filling \(path): errno \(errno)") }
    }

    /// Runs `release` (stop what uses the disk), then unmounts and removes it.
    public func remove(after release: () -> Void) {
        release()
        _ = try? ThrowawayCluster.run("/bin/umount", [path])
        try? FileManager.default.removeItem(atPath: path)
    }
}
