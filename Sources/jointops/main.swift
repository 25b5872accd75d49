import ArgumentParser
import Foundation

// ArgumentParser exits 64 (EX_USAGE) for bad usage; JointOps promises 2 (DESIGN.md §5).
do {
    var command = try JointOpsCommand.parseAsRoot()
    try command.run()
} catch {
    let code = JointOpsCommand.exitCode(for: error)
    if code == .validationFailure {
        FileHandle.standardError.write(Data((JointOpsCommand.fullMessage(for: error) + "\n").utf8))
        exit(ExitCodes.usage)
    }
    JointOpsCommand.exit(withError: error)
}
