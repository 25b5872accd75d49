import Foundation
import JointOps
import Testing

@Suite struct ProcessRunnerTests {
    /// A child that kept this process's descriptors would keep a file another thread is writing open,
    /// and that file (a copied `jointops`) could not be run until the child ended: "Text file busy".
    @Test func aChildInheritsNoDescriptorButItsStandardStreams() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("jointops-fd-\(UUID().uuidString)").path
        let descriptor = open(path, O_WRONLY | O_CREAT, 0o600)
        #expect(descriptor > 2)
        defer { close(descriptor); unlink(path) }
        let listed = try ProcessRunner.run("/bin/ls", ["-l", "/proc/self/fd"])
        #expect(listed.status == 0)
        #expect(!listed.output.contains(path), "\(listed.output)")
    }
}
